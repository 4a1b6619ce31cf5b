// The lane_tokens table of store.db: the SHA-256 of each lane's token (sync/lane_tokens.hpp issues
// and hashes tokens), so a copy of the database does not let anyone sync as a lane.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/store/store_db.hpp"

namespace pos::db {

struct LaneToken {
    int64_t lane = 0;
    std::string created_at;
};

// Keeps the hash of the lane's new token, replacing any earlier one.
[[nodiscard]] DbStatus save_lane_token_hash(StoreDb& store, int64_t lane, const std::string& token_hash,
                                            const std::string& now);
// False when the lane had no token.
[[nodiscard]] DbResult<bool> revoke_lane_token(StoreDb& store, int64_t lane);
[[nodiscard]] DbResult<std::vector<LaneToken>> list_lane_tokens(StoreDb& store);
// The lane whose token has this hash, if any.
[[nodiscard]] DbResult<std::optional<int64_t>> lane_for_token_hash(StoreDb& store, const std::string& token_hash);

}  // namespace pos::db
