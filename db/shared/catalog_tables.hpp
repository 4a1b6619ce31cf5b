// Reads and writes the items/item_barcodes tables, which lane.db and store.db share in shape.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/shared/records.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

// Replaces the whole catalog. The caller holds the transaction, so a failed import changes nothing.
// `progress` is told 0 before the first row, then every 10,000 items, then all of them.
[[nodiscard]] DbStatus write_catalog(Connection& connection, const std::vector<ItemRecord>& items,
                                     const RowsWritten& progress = {});

// write_catalog in a transaction of its own: the lane's and the store's catalog replace.
[[nodiscard]] DbStatus replace_catalog(Connection& connection, const std::vector<ItemRecord>& items);

[[nodiscard]] DbResult<std::vector<ItemRecord>> read_catalog(Connection& connection);

// One item by a column of items (sku, plu) or by a barcode (gtin).
[[nodiscard]] DbResult<std::optional<ItemRecord>> find_item_by_sku(Connection& connection, const std::string& sku);
[[nodiscard]] DbResult<std::optional<ItemRecord>> find_item_by_plu(Connection& connection, const std::string& plu);
[[nodiscard]] DbResult<std::optional<ItemRecord>> find_item_by_gtin(Connection& connection, const std::string& gtin);

[[nodiscard]] DbResult<int64_t> count_items(Connection& connection);

}  // namespace pos::db
