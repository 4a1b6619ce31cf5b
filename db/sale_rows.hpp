// A sale's lines and tenders, written the same way to lane.db and store.db (their tables match).
#pragma once

#include "db/records.hpp"
#include "db/sqlite.hpp"

namespace pos::db {

// Inserts every line and tender of `sale`; the caller holds the transaction and has written the sale row.
[[nodiscard]] DbStatus insert_sale_lines_and_tenders(Connection& connection, const SaleRecord& sale);

}  // namespace pos::db
