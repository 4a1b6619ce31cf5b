// Adopting head office price changes: the store's document made and approved in the transaction
// that records the adoption, so a pull cut off anywhere adopts each document exactly once.
#include "db/store/head_office_inbox.hpp"

namespace pos::db {

DbResult<std::vector<int64_t>> adopted_head_office_price_changes(StoreDb& store) {
    auto statement = store.connection().prepare("SELECT hq_id FROM head_office_price_changes ORDER BY hq_id");
    if (!statement) return statement.error();
    std::vector<int64_t> ids;
    Statement& query = (*statement)->reset();
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        ids.push_back(query.column_int(0));
    }
    query.reset();
    return ids;
}

DbResult<std::optional<AdoptedPriceChange>> adopt_head_office_price_change(
    StoreDb& store, int64_t hq_id, PriceChangeRecord header, const std::vector<HeadOfficePriceItem>& items,
    const std::string& now) {
    // Gathers the price change document it creates (create_price_change joins as a savepoint).
    auto transaction = Transaction::begin_composite(store.connection());
    if (!transaction) return transaction.error();
    auto seen = store.connection().prepare("SELECT 1 FROM head_office_price_changes WHERE hq_id = ?");
    if (!seen) return seen.error();
    auto already = (*seen)->reset().bind(1, hq_id).step();
    if (!already) return already.error();
    (*seen)->reset();
    if (*already) return std::optional<AdoptedPriceChange>{};

    AdoptedPriceChange adopted;
    header.items.clear();
    for (const HeadOfficePriceItem& item : items) {
        auto found = store.find_item_by_sku(item.sku);
        if (!found) return found.error();
        if (!*found) {
            adopted.skipped_skus.push_back(item.sku);
            continue;
        }
        int64_t old_price = (*found)->sale_unit == "weight" ? (*found)->price_per_kg_fen : (*found)->price_fen;
        header.items.push_back({item.sku, old_price, item.new_price_fen});
    }
    if (!header.items.empty()) {
        auto id = create_price_change(store, header);
        if (!id) return id.error();
        if (auto approved = approve_price_change(store, *id, header.approved_by, now); !approved) {
            return approved.error();
        }
        adopted.price_change_id = *id;
    }
    std::string skipped;
    for (const std::string& sku : adopted.skipped_skus) skipped += (skipped.empty() ? "" : ",") + sku;
    auto record = store.connection().prepare(
        "INSERT INTO head_office_price_changes (hq_id, price_change_id, skipped_skus, adopted_at) VALUES (?, ?, ?, ?)");
    if (!record) return record.error();
    Statement& insert = (*record)->reset().bind(1, hq_id);
    if (adopted.price_change_id) {
        insert.bind(2, *adopted.price_change_id);
    } else {
        insert.bind_null(2);
    }
    if (auto ran = insert.bind(3, skipped).bind(4, now).run(); !ran) return ran.error();
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return std::optional<AdoptedPriceChange>{adopted};
}

}  // namespace pos::db
