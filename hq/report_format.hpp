// A period report as text (aligned for a terminal, CJK counted two columns), CSV (for a
// spreadsheet) or HTML (a table and an inline SVG bar chart of net against target).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "hq/reports.hpp"

namespace pos::hq {

[[nodiscard]] std::string report_text(const PeriodReport& report);
[[nodiscard]] std::string report_csv(const PeriodReport& report);
[[nodiscard]] std::string report_html(const PeriodReport& report);

// 1234567 fen → "12345.67"; negative with a leading '-'.
[[nodiscard]] std::string yuan(int64_t fen);
// "50000", "50000.5" or "50000.00" → fen; nullopt for anything else (no sign, at most 2 decimals).
[[nodiscard]] std::optional<int64_t> parse_yuan(const std::string& text);
// net against target as "91.4%", or "" without a target.
[[nodiscard]] std::string attainment(const ReportRow& row);

}  // namespace pos::hq
