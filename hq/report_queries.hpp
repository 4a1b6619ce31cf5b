// The figures of one period at head office, one row per key of a breakdown, read from the stores'
// sale and return records (their lines and tenders for the breakdowns below a ticket).
#pragma once

#include <string>
#include <vector>

#include "hq/pg.hpp"
#include "hq/reports.hpp"

namespace pos::hq {

// `by` store, department, item, cashier, hour or tender (a region is the sum of its stores); days
// `first` to `last` inclusive. By store every store is a row, with nothing sold too; the others
// only the keys that sold. No target is filled in here.
[[nodiscard]] PgResult<std::vector<ReportRow>> period_figures(PgConnection& admin, const std::string& by,
                                                              const std::string& first, const std::string& last);

}  // namespace pos::hq
