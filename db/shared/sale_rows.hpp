// A sale's lines and tenders, written the same way to lane.db and store.db (their tables match).
#pragma once

#include <optional>
#include <string>

#include "db/shared/records.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

// Inserts every line and tender of `sale`; the caller holds the transaction and has written the sale row.
[[nodiscard]] DbStatus insert_sale_lines_and_tenders(Connection& connection, const SaleRecord& sale);

// Binds kind, original_sale_id, reason and approved_by (a return's columns) from `first` on.
void bind_return_columns(Statement& row, const SaleRecord& sale, int first);

// The sale with this id, its lines and tenders; nothing when there is none.
[[nodiscard]] DbResult<std::optional<SaleRecord>> read_sale(Connection& connection, const std::string& id);

}  // namespace pos::db
