// The catalog tables shared by lane.db and store.db: bulk replace and lookups.
#include "db/shared/catalog_tables.hpp"

namespace pos::db {
namespace {

const std::string item_columns =
    "sku, plu, name_zh, name_en, spec, unit, department, cost_fen, price_fen, price_per_kg_fen, "
    "sale_unit, low_stock, pinyin";

ItemRecord read_item_row(const Statement& row) {
    ItemRecord item;
    item.sku = row.column_text(0);
    item.plu = row.column_text(1);
    item.name_zh = row.column_text(2);
    item.name_en = row.column_text(3);
    item.spec = row.column_text(4);
    item.unit = row.column_text(5);
    item.department = row.column_text(6);
    item.cost_fen = row.column_int(7);
    item.price_fen = row.column_int(8);
    item.price_per_kg_fen = row.column_int(9);
    item.sale_unit = row.column_text(10);
    item.low_stock = row.column_int(11);
    item.pinyin = row.column_text(12);
    return item;
}

DbStatus attach_gtins(Connection& connection, ItemRecord& item) {
    auto statement = connection.prepare("SELECT gtin FROM item_barcodes WHERE sku = ? ORDER BY position");
    if (!statement) return statement.error();
    Statement& query = **statement;
    query.bind(1, item.sku);
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        item.gtins.push_back(query.column_text(0));
    }
    return support::Done{};
}

DbResult<std::optional<ItemRecord>> find_one(Connection& connection, const std::string& sql, const std::string& key) {
    auto statement = connection.prepare(sql);
    if (!statement) return statement.error();
    Statement& query = **statement;
    query.bind(1, key);
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return std::optional<ItemRecord>{};
    ItemRecord item = read_item_row(query);
    query.reset();
    auto gtins = attach_gtins(connection, item);
    if (!gtins) return gtins.error();
    return std::optional<ItemRecord>(std::move(item));
}

}  // namespace

namespace {

// The catalog tables' own indexes (not the primary keys and UNIQUE constraints), as their
// CREATE statements: a bulk load drops them and builds each once at the end, which at a
// million items is several times faster than keeping them up to date row by row.
DbResult<std::vector<std::string>> drop_secondary_indexes(Connection& connection) {
    auto statement = connection.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('items', 'item_barcodes')");
    if (!statement) return statement.error();
    std::vector<std::pair<std::string, std::string>> indexes;
    for (;;) {
        auto row = (*statement)->step();
        if (!row) return row.error();
        if (!*row) break;
        indexes.emplace_back((*statement)->column_text(0), (*statement)->column_text(1));
    }
    std::vector<std::string> recreate;
    for (auto& [name, sql] : indexes) {
        if (auto dropped = connection.exec("DROP INDEX \"" + name + "\""); !dropped) return dropped.error();
        recreate.push_back(std::move(sql));
    }
    return recreate;
}

}  // namespace

// Runs inside the caller's transaction: a failed load rolls the dropped indexes back too.
DbStatus write_catalog(Connection& connection, const std::vector<ItemRecord>& items, const RowsWritten& progress) {
    // A big import's indexes do not fit SQLite's default 2 MB page cache; 64 MB keeps them in
    // memory for the length of the load (the setting lasts for this connection only).
    if (items.size() > 10000) (void)connection.exec("PRAGMA cache_size = -65536");
    auto recreate = drop_secondary_indexes(connection);
    if (!recreate) return recreate.error();
    auto cleared = connection.exec("DELETE FROM item_barcodes; DELETE FROM items;");
    if (!cleared) return cleared;
    auto insert_item = connection.prepare("INSERT INTO items (" + item_columns +
                                          ") VALUES (?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert_item) return insert_item.error();
    auto insert_gtin = connection.prepare("INSERT INTO item_barcodes (gtin, sku, position) VALUES (?, ?, ?)");
    if (!insert_gtin) return insert_gtin.error();
    constexpr int64_t progress_every = 10000;
    int64_t written = 0;
    if (progress) progress(0);  // the caller's clock starts with the load
    for (const ItemRecord& item : items) {
        if (progress && ++written % progress_every == 0) progress(written);
        Statement& row = (*insert_item)->reset();
        row.bind(1, item.sku).bind(2, item.plu).bind(3, item.name_zh).bind(4, item.name_en);
        row.bind(5, item.spec).bind(6, item.unit).bind(7, item.department);
        row.bind(8, item.cost_fen).bind(9, item.price_fen).bind(10, item.price_per_kg_fen);
        row.bind(11, item.sale_unit).bind(12, item.low_stock).bind(13, item.pinyin);
        auto inserted = row.run();
        if (!inserted) return inserted;
        int64_t position = 0;
        for (const std::string& gtin : item.gtins) {
            Statement& barcode = (*insert_gtin)->reset();
            barcode.bind(1, gtin).bind(2, item.sku).bind(3, position++);
            auto added = barcode.run();
            if (!added) return added;
        }
    }
    for (const std::string& sql : *recreate) {
        if (auto built = connection.exec(sql); !built) return built;
    }
    if (progress) progress(int64_t(items.size()));
    return support::Done{};
}

DbStatus replace_catalog(Connection& connection, const std::vector<ItemRecord>& items) {
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    if (auto written = write_catalog(connection, items); !written) return written;
    return transaction->commit();
}

DbResult<std::vector<ItemRecord>> read_catalog(Connection& connection) {
    auto statement = connection.prepare("SELECT " + item_columns + " FROM items ORDER BY sku");
    if (!statement) return statement.error();
    std::vector<ItemRecord> items;
    for (;;) {
        auto row = (*statement)->step();
        if (!row) return row.error();
        if (!*row) break;
        items.push_back(read_item_row(**statement));
    }
    auto barcodes = connection.prepare("SELECT sku, gtin FROM item_barcodes ORDER BY sku, position");
    if (!barcodes) return barcodes.error();
    size_t next = 0;  // both lists are ordered by sku: merge them in one pass
    for (;;) {
        auto row = (*barcodes)->step();
        if (!row) return row.error();
        if (!*row) break;
        std::string sku = (*barcodes)->column_text(0);
        while (next < items.size() && items[next].sku < sku) ++next;
        if (next < items.size() && items[next].sku == sku) items[next].gtins.push_back((*barcodes)->column_text(1));
    }
    return items;
}

DbResult<std::optional<ItemRecord>> find_item_by_sku(Connection& connection, const std::string& sku) {
    return find_one(connection, "SELECT " + item_columns + " FROM items WHERE sku = ?", sku);
}

DbResult<std::optional<ItemRecord>> find_item_by_plu(Connection& connection, const std::string& plu) {
    return find_one(connection, "SELECT " + item_columns + " FROM items WHERE plu = ?", plu);
}

DbResult<std::optional<ItemRecord>> find_item_by_gtin(Connection& connection, const std::string& gtin) {
    return find_one(connection,
                    "SELECT " + item_columns + " FROM items WHERE sku = (SELECT sku FROM item_barcodes WHERE gtin = ?)",
                    gtin);
}

DbResult<int64_t> count_items(Connection& connection) {
    auto count = connection.query_text("SELECT count(*) FROM items");
    if (!count) return count.error();
    return std::stoll(count->value_or("0"));
}

}  // namespace pos::db
