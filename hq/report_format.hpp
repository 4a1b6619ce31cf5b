// A period report as text (aligned for a terminal, CJK counted two columns), CSV (for a
// spreadsheet), JSON (for other programs) or HTML (a table and an inline SVG bar chart of net
// against the previous period, last year and the target).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "hq/reports.hpp"

namespace pos::hq {

[[nodiscard]] std::string report_text(const PeriodReport& report);
[[nodiscard]] std::string report_csv(const PeriodReport& report);
[[nodiscard]] std::string report_json(const PeriodReport& report);
[[nodiscard]] std::string report_html(const PeriodReport& report);

// 1234567 fen → "12345.67"; negative with a leading '-'.
[[nodiscard]] std::string yuan(int64_t fen);
// "50000", "50000.5" or "50000.00" → fen; nullopt for anything else (no sign, at most 2 decimals).
[[nodiscard]] std::optional<int64_t> parse_yuan(const std::string& text);
// net against target as "91.4%", or "" without a target.
[[nodiscard]] std::string attainment(const ReportRow& row);
// net against an earlier net as "+12.3%" or "-4.0%"; "" when the earlier net was not above zero.
[[nodiscard]] std::string change(int64_t net_fen, int64_t earlier_fen);
// "week 2026-11-23 to 2026-11-29", "2026-11-01 to 2026-11-15" (a range), "day 2026-11-23".
[[nodiscard]] std::string period_text(const Period& period);

}  // namespace pos::hq
