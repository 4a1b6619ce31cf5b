// The X/Z shift report as JSON (scripts, posctl) and as text lines (screen, printer).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "pos/actions/lane.hpp"

namespace pos::actions {

[[nodiscard]] nlohmann::json shift_report_json(const ShiftReport& report);

// Fixed-width lines (`columns` wide, CJK counted double) in the lane's language.
[[nodiscard]] std::vector<std::string> shift_report_lines(const ShiftReport& report, const LaneConfig& config,
                                                          int columns);

}  // namespace pos::actions
