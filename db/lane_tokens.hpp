// The tokens lanes present to pos-store. A token is 256 random bits shown once when issued;
// store.db keeps only its SHA-256, so a copy of the database does not let anyone sync as a lane.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/store_db.hpp"

namespace pos::db {

struct LaneToken {
    int64_t lane = 0;
    std::string created_at;
};

// A new token for the lane (64 hex digits), replacing any earlier one.
[[nodiscard]] DbResult<std::string> issue_lane_token(StoreDb& store, int64_t lane, const std::string& now);
// False when the lane had no token.
[[nodiscard]] DbResult<bool> revoke_lane_token(StoreDb& store, int64_t lane);
[[nodiscard]] DbResult<std::vector<LaneToken>> list_lane_tokens(StoreDb& store);
// The lane this token was issued to, if any.
[[nodiscard]] DbResult<std::optional<int64_t>> lane_for_token(StoreDb& store, std::string_view token);

}  // namespace pos::db
