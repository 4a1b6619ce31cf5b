// A slip of plain text lines as the lane prints reports and slips (X/Z, daily report, 日结 totals,
// repayment): initialise, Chinese mode when the profile asks, the lines, feed and cut.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "drivers/printer/profile.hpp"

namespace pos::drivers::printer {

[[nodiscard]] std::vector<uint8_t> slip_bytes(const std::vector<std::string>& lines, const PrinterProfile& profile);

}  // namespace pos::drivers::printer
