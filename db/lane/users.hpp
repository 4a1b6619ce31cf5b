// Operators' state in lane.db: wrong PINs in a row, lockout, a new PIN hash, active or disabled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"

namespace pos::db {

struct PinLockRecord {
    int64_t failed_pins = 0;
    std::optional<int64_t> locked_until;  // seconds since the epoch
};

[[nodiscard]] DbResult<PinLockRecord> read_pin_lock(LaneDb& lane, const std::string& operator_id);
[[nodiscard]] DbStatus write_pin_lock(LaneDb& lane, const std::string& operator_id, const PinLockRecord& lock);
// Replaces the PIN hash and clears wrong PINs and any lockout.
[[nodiscard]] DbStatus set_pin_hash(LaneDb& lane, const std::string& operator_id, const std::string& pin_hash);

struct LaneUserRecord {
    UserRecord user;
    PinLockRecord lock;       // this lane's own: lockouts are never sent to the store or other lanes
    bool from_store = false;  // flowed down from store.db (db/shared/directory_sync.hpp)
};
// Every operator this lane knows (its own and those from the store), by number.
[[nodiscard]] DbResult<std::vector<LaneUserRecord>> all_lane_users(LaneDb& lane);
// True when the operator came from the store: their PIN is changed at the store, not here.
[[nodiscard]] DbResult<bool> user_from_store(LaneDb& lane, const std::string& operator_id);
// Disables or enables an operator; false when there is no such operator.
[[nodiscard]] DbResult<bool> set_user_active(LaneDb& lane, const std::string& operator_id, bool active);

}  // namespace pos::db
