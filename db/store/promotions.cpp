// Promotions and price-change documents in store.db, each change bumping the catalog version.
#include "db/store/promotions.hpp"

namespace pos::db {

DbStatus bump_catalog_version(Connection& connection) {
    return connection.exec(
        "UPDATE catalog_version SET version = version + 1, "
        "changed_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = 1");
}

DbStatus add_promotion(StoreDb& store, const PromotionRecord& promotion) {
    auto transaction = Transaction::begin(store.connection());
    if (!transaction) return transaction.error();
    if (auto written = write_promotion(store.connection(), promotion); !written) return written;
    if (auto bumped = bump_catalog_version(store.connection()); !bumped) return bumped;
    return transaction->commit();
}

DbResult<bool> end_promotion(StoreDb& store, const std::string& id, const std::string& today) {
    auto transaction = Transaction::begin(store.connection());
    if (!transaction) return transaction.error();
    auto update =
        store.connection().prepare("UPDATE promotions SET ends_on = min(ends_on, date(?, '-1 day')) WHERE id = ?");
    if (!update) return update.error();
    if (auto ran = (*update)->reset().bind(1, today).bind(2, id).run(); !ran) return ran.error();
    if (store.connection().changes() == 0) return false;
    if (auto bumped = bump_catalog_version(store.connection()); !bumped) return bumped.error();
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return true;
}

DbResult<int64_t> create_price_change(StoreDb& store, const PriceChangeRecord& change) {
    auto transaction = Transaction::begin(store.connection());
    if (!transaction) return transaction.error();
    auto header = store.connection().prepare(
        "INSERT INTO price_changes (effective_on, reason, created_by, created_at) VALUES (?, ?, ?, ?)");
    if (!header) return header.error();
    if (auto ran = (*header)
                       ->reset()
                       .bind(1, change.effective_on)
                       .bind(2, change.reason)
                       .bind(3, change.created_by)
                       .bind(4, change.created_at)
                       .run();
        !ran) {
        return ran.error();
    }
    int64_t id = store.connection().last_insert_rowid();
    auto item = store.connection().prepare(
        "INSERT INTO price_change_items (price_change_id, sku, old_price_fen, new_price_fen) VALUES (?, ?, ?, ?)");
    if (!item) return item.error();
    for (const PriceChangeItem& line : change.items) {
        if (auto ran = (*item)
                           ->reset()
                           .bind(1, id)
                           .bind(2, line.sku)
                           .bind(3, line.old_price_fen)
                           .bind(4, line.new_price_fen)
                           .run();
            !ran) {
            return ran.error();
        }
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return id;
}

DbResult<std::vector<PriceChangeRecord>> list_price_changes(StoreDb& store) {
    auto rows = store.connection().prepare(
        "SELECT id, effective_on, reason, created_by, created_at, approved_by, approved_at, applied_at "
        "FROM price_changes ORDER BY id");
    if (!rows) return rows.error();
    std::vector<PriceChangeRecord> changes;
    Statement& r = (*rows)->reset();
    for (;;) {
        auto next = r.step();
        if (!next) return next.error();
        if (!*next) break;
        changes.push_back(PriceChangeRecord{r.column_int(0),
                                            r.column_text(1),
                                            r.column_text(2),
                                            r.column_text(3),
                                            r.column_text(4),
                                            r.column_text(5),
                                            r.column_text(6),
                                            r.column_text(7),
                                            {}});
    }
    auto items = store.connection().prepare(
        "SELECT sku, old_price_fen, new_price_fen FROM price_change_items WHERE price_change_id = ? ORDER BY sku");
    if (!items) return items.error();
    for (PriceChangeRecord& change : changes) {
        Statement& i = (*items)->reset().bind(1, change.id);
        for (;;) {
            auto next = i.step();
            if (!next) return next.error();
            if (!*next) break;
            change.items.push_back(PriceChangeItem{i.column_text(0), i.column_int(1), i.column_int(2)});
        }
    }
    return changes;
}

DbResult<std::optional<PriceChangeRecord>> find_price_change(StoreDb& store, int64_t id) {
    auto all = list_price_changes(store);
    if (!all) return all.error();
    for (PriceChangeRecord& change : *all) {
        if (change.id == id) return std::optional<PriceChangeRecord>(std::move(change));
    }
    return std::optional<PriceChangeRecord>();
}

DbStatus approve_price_change(StoreDb& store, int64_t id, const std::string& by, const std::string& at) {
    auto update = store.connection().prepare(
        "UPDATE price_changes SET approved_by = ?, approved_at = ? WHERE id = ? AND approved_by = ''");
    if (!update) return update.error();
    return (*update)->reset().bind(1, by).bind(2, at).bind(3, id).run();
}

DbResult<std::vector<int64_t>> apply_due_price_changes(StoreDb& store, const std::string& today,
                                                       const std::string& now) {
    auto transaction = Transaction::begin(store.connection());
    if (!transaction) return transaction.error();
    auto due = store.connection().prepare(
        "SELECT id FROM price_changes WHERE approved_by <> '' AND applied_at = '' AND effective_on <= ? "
        "ORDER BY effective_on, id");
    if (!due) return due.error();
    std::vector<int64_t> ids;
    Statement& d = (*due)->reset().bind(1, today);
    for (;;) {
        auto next = d.step();
        if (!next) return next.error();
        if (!*next) break;
        ids.push_back(d.column_int(0));
    }
    if (ids.empty()) return ids;
    auto price = store.connection().prepare(
        "UPDATE items SET price_fen = CASE WHEN sale_unit = 'weight' THEN price_fen ELSE i.new_price_fen END, "
        "price_per_kg_fen = CASE WHEN sale_unit = 'weight' THEN i.new_price_fen ELSE price_per_kg_fen END "
        "FROM price_change_items AS i WHERE i.price_change_id = ? AND i.sku = items.sku");
    auto mark = store.connection().prepare("UPDATE price_changes SET applied_at = ? WHERE id = ?");
    if (!price) return price.error();
    if (!mark) return mark.error();
    for (int64_t id : ids) {
        if (auto ran = (*price)->reset().bind(1, id).run(); !ran) return ran.error();
        if (auto ran = (*mark)->reset().bind(1, now).bind(2, id).run(); !ran) return ran.error();
    }
    if (auto bumped = bump_catalog_version(store.connection()); !bumped) return bumped.error();
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return ids;
}

DbResult<std::vector<int64_t>> apply_due_price_changes_today(StoreDb& store) {
    auto clock = store.connection().prepare(
        "SELECT date('now', 'localtime'), strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')");
    if (!clock) return clock.error();
    Statement& c = (*clock)->reset();
    auto row = c.step();
    if (!row) return row.error();
    std::string today = c.column_text(0), now = c.column_text(1);
    c.reset();
    return apply_due_price_changes(store, today, now);
}

}  // namespace pos::db
