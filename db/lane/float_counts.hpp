// The float counted by denomination at open shift (lane migration 0014), kept beside the shift.
#pragma once

#include <string>

#include "db/lane/lane_db.hpp"

namespace pos::db {

// Stores the counts JSON ({"100.00":1,...}) of a shift just opened; call inside the shift's own
// transaction so both are kept or neither is.
[[nodiscard]] DbStatus record_float_counts(LaneDb& lane, const std::string& shift_id, const std::string& counts);

// The counts JSON of a shift's float, or empty when its total was typed.
[[nodiscard]] DbResult<std::string> float_counts_of(LaneDb& lane, const std::string& shift_id);

}  // namespace pos::db
