// Head office price-change documents: made, approved by a second person, read by the stores.
#include "hq/master_data.hpp"

#include <map>
#include <set>

namespace pos::hq {
namespace {

constexpr const char* header_columns =
    "SELECT id, scope, target, effective_on::text, reason, created_by, coalesce(approved_by, '') "
    "FROM chain_price_changes ";

std::vector<ChainPriceChange> headers(const Rows& rows) {
    std::vector<ChainPriceChange> out;
    for (int i = 0; i < rows.size(); ++i) {
        out.push_back({rows.integer(i, 0),
                       rows.text(i, 1),
                       rows.text(i, 2),
                       rows.text(i, 3),
                       rows.text(i, 4),
                       rows.text(i, 5),
                       rows.text(i, 6),
                       {}});
    }
    return out;
}

PgResult<support::Done> with_items(PgConnection& connection, std::vector<ChainPriceChange>& changes) {
    if (changes.empty()) return support::Done{};
    std::string ids = "{";
    for (const ChainPriceChange& change : changes) ids += (ids.size() > 1 ? "," : "") + std::to_string(change.id);
    auto rows = connection.exec(
        "SELECT price_change_id, sku, new_price_fen FROM chain_price_change_items "
        "WHERE price_change_id = ANY($1::bigint[]) ORDER BY price_change_id, sku",
        {ids + "}"});
    if (!rows) return rows.error();
    std::map<int64_t, ChainPriceChange*> by_id;
    for (ChainPriceChange& change : changes) by_id[change.id] = &change;
    for (int i = 0; i < rows->size(); ++i) {
        by_id[rows->integer(i, 0)]->items.push_back({rows->text(i, 1), rows->integer(i, 2)});
    }
    return support::Done{};
}

}  // namespace

PgResult<int64_t> create_chain_price_change(PgConnection& admin, const ChainPriceChange& change) {
    if (change.items.empty()) return PgError{"a price change needs at least one item (--item SKU=PRICE)", "22023"};
    if (change.scope != "chain") {
        auto known = admin.exec(change.scope == "store" ? "SELECT 1 FROM stores WHERE store_id = $1"
                                                        : "SELECT 1 FROM stores WHERE region = $1",
                                {change.target});
        if (!known) return known.error();
        if (known->size() == 0) return PgError{"no " + change.scope + " " + change.target + " in the chain", "22023"};
    }
    return in_transaction(admin, [&]() -> PgResult<int64_t> {
        auto made = admin.exec(
            "INSERT INTO chain_price_changes (scope, target, effective_on, reason, created_by) "
            "VALUES ($1, $2, $3::date, $4, $5) RETURNING id",
            {change.scope, change.target, change.effective_on, change.reason, change.created_by});
        if (!made) return made.error();
        int64_t id = made->integer(0, 0);
        for (const ChainPriceItem& item : change.items) {
            auto added = admin.exec(
                "INSERT INTO chain_price_change_items (price_change_id, sku, new_price_fen) VALUES ($1, $2, $3)",
                {std::to_string(id), item.sku, std::to_string(item.new_price_fen)});
            if (!added) return added.error();
        }
        return id;
    });
}

PgResult<ChainPriceChange> approve_chain_price_change(PgConnection& admin, int64_t id, const std::string& by) {
    auto found = admin.exec(std::string(header_columns) + "WHERE id = $1", {std::to_string(id)});
    if (!found) return found.error();
    if (found->size() == 0) return PgError{"there is no chain price change " + std::to_string(id), "22023"};
    ChainPriceChange change = headers(*found).front();
    if (!change.approved_by.empty()) {
        return PgError{"price change " + std::to_string(id) + " was approved by " + change.approved_by + " already",
                       "22023"};
    }
    if (change.created_by == by) {
        return PgError{"price change " + std::to_string(id) + " needs a second person: " + by + " made it", "22023"};
    }
    auto approved = admin.exec(
        "UPDATE chain_price_changes SET approved_by = $2, approved_at = now() WHERE id = $1 AND approved_by IS NULL",
        {std::to_string(id), by});
    if (!approved) return approved.error();
    change.approved_by = by;
    return change;
}

PgResult<std::vector<ChainPriceChange>> list_chain_price_changes(PgConnection& admin) {
    auto rows = admin.exec(std::string(header_columns) + "ORDER BY id");
    if (!rows) return rows.error();
    std::vector<ChainPriceChange> changes = headers(*rows);
    if (auto items = with_items(admin, changes); !items) return items.error();
    return changes;
}

PgResult<std::vector<ChainPriceChange>> approved_price_changes_for_me(PgConnection& store,
                                                                      const std::vector<int64_t>& known) {
    // Row-level security shows this store only the approved documents for it.
    auto rows = store.exec(std::string(header_columns) + "ORDER BY id");
    if (!rows) return rows.error();
    std::set<int64_t> have(known.begin(), known.end());
    std::vector<ChainPriceChange> fresh;
    for (ChainPriceChange& change : headers(*rows)) {
        if (!have.contains(change.id)) fresh.push_back(std::move(change));
    }
    if (auto items = with_items(store, fresh); !items) return items.error();
    return fresh;
}

}  // namespace pos::hq
