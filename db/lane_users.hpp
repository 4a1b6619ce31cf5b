// Operators' PIN state in lane.db: wrong PINs in a row, lockout, and a new PIN hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db/lane_db.hpp"

namespace pos::db {

struct PinLockRecord {
    int64_t failed_pins = 0;
    std::optional<int64_t> locked_until;  // seconds since the epoch
};

[[nodiscard]] DbResult<PinLockRecord> read_pin_lock(LaneDb& lane, const std::string& operator_id);
[[nodiscard]] DbStatus write_pin_lock(LaneDb& lane, const std::string& operator_id, const PinLockRecord& lock);
// Replaces the PIN hash and clears wrong PINs and any lockout.
[[nodiscard]] DbStatus set_pin_hash(LaneDb& lane, const std::string& operator_id, const std::string& pin_hash);

}  // namespace pos::db
