// The tokens lanes present to pos-store: 256 random bits shown once when issued; store.db keeps
// only their SHA-256 (db/store/lane_tokens.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/store/lane_tokens.hpp"

namespace pos::sync {

// A new token for the lane (64 hex digits), replacing any earlier one.
[[nodiscard]] db::DbResult<std::string> issue_lane_token(db::StoreDb& store, int64_t lane, const std::string& now);
// The lane this token was issued to, if any.
[[nodiscard]] db::DbResult<std::optional<int64_t>> lane_for_token(db::StoreDb& store, std::string_view token);

}  // namespace pos::sync
