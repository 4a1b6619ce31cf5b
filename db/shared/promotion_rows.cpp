// Reading and writing the promotions tables shared by lane.db and store.db.
#include "db/shared/promotion_rows.hpp"

#include "db/lane/lane_db.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {

DbResult<std::vector<PromotionRecord>> read_promotions(Connection& connection) {
    auto rows = connection.prepare(
        "SELECT id, name, kind, starts_on, ends_on, department, price_fen, buy_qty, free_qty, percent "
        "FROM promotions ORDER BY id");
    if (!rows) return rows.error();
    std::vector<PromotionRecord> promotions;
    Statement& r = (*rows)->reset();
    for (;;) {
        auto next = r.step();
        if (!next) return next.error();
        if (!*next) break;
        promotions.push_back(PromotionRecord{r.column_text(0),
                                             r.column_text(1),
                                             r.column_text(2),
                                             r.column_text(3),
                                             r.column_text(4),
                                             r.column_text(5),
                                             r.column_int(6),
                                             r.column_int(7),
                                             r.column_int(8),
                                             r.column_int(9),
                                             {}});
    }
    auto items = connection.prepare("SELECT sku FROM promotion_items WHERE promotion_id = ? ORDER BY sku");
    if (!items) return items.error();
    for (PromotionRecord& promotion : promotions) {
        Statement& i = (*items)->reset().bind(1, promotion.id);
        for (;;) {
            auto next = i.step();
            if (!next) return next.error();
            if (!*next) break;
            promotion.skus.push_back(i.column_text(0));
        }
    }
    return promotions;
}

DbStatus write_promotion(Connection& connection, const PromotionRecord& p) {
    auto clear = connection.prepare("DELETE FROM promotion_items WHERE promotion_id = ?");
    if (!clear) return clear.error();
    if (auto cleared = (*clear)->reset().bind(1, p.id).run(); !cleared) return cleared;
    auto row = connection.prepare(
        "INSERT OR REPLACE INTO promotions (id, name, kind, starts_on, ends_on, department, price_fen, buy_qty, "
        "free_qty, "
        "percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!row) return row.error();
    Statement& r = (*row)->reset();
    r.bind(1, p.id).bind(2, p.name).bind(3, p.kind).bind(4, p.starts_on).bind(5, p.ends_on).bind(6, p.department);
    r.bind(7, p.price_fen).bind(8, p.buy_qty).bind(9, p.free_qty).bind(10, p.percent);
    if (auto written = r.run(); !written) return written;
    auto item = connection.prepare("INSERT OR IGNORE INTO promotion_items (promotion_id, sku) VALUES (?, ?)");
    if (!item) return item.error();
    for (const std::string& sku : p.skus) {
        if (auto written = (*item)->reset().bind(1, p.id).bind(2, sku).run(); !written) return written;
    }
    return support::Done{};
}

DbStatus write_promotions(Connection& connection, const std::vector<PromotionRecord>& promotions) {
    if (auto cleared = connection.exec("DELETE FROM promotion_items; DELETE FROM promotions"); !cleared) return cleared;
    for (const PromotionRecord& promotion : promotions) {
        if (auto written = write_promotion(connection, promotion); !written) return written;
    }
    return support::Done{};
}

DbResult<std::vector<PromotionRecord>> read_promotions(LaneDb& lane) { return read_promotions(lane.connection()); }

DbResult<std::vector<PromotionRecord>> read_promotions(StoreDb& store) { return read_promotions(store.connection()); }

}  // namespace pos::db
