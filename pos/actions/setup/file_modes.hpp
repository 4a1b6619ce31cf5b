// The data directory's secrets kept from other users of the machine: lane.db, store.db (PIN
// hashes, sales) and pos.toml (the lane's token) are created 0600; a lane warns at start when
// one of them can be read by others (docs/security.md "Files and secrets").
#pragma once

#include <string>
#include <vector>

#include "pos/actions/setup/config.hpp"

namespace pos::actions {

// One warning per file of the data directory that group or others may read, saying what to run.
[[nodiscard]] std::vector<std::string> readable_by_others(const std::string& data_dir, const LaneConfig& config);

}  // namespace pos::actions
