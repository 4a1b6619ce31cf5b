// The daily report on the receipt printer (58 or 80 mm): the headline with its comparisons,
// tenders, departments, cashiers, drawer variances and low stock, at the profile's width.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "drivers/printer/profile.hpp"
#include "pos/core/daily_report.hpp"

namespace pos::actions {

[[nodiscard]] std::vector<std::string> daily_report_print_lines(const core::DailyReport& report,
                                                                const std::string& store_name, int columns);
// The lines as ESC/POS bytes: initialise, the lines, feed and cut (as the X/Z report prints).
[[nodiscard]] std::vector<uint8_t> daily_report_bytes(const core::DailyReport& report, const std::string& store_name,
                                                      const drivers::printer::PrinterProfile& profile);

}  // namespace pos::actions
