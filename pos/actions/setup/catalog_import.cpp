// Catalog import with its approver and its audit record (pos/actions/setup/catalog_import.hpp).
#include "pos/actions/setup/catalog_import.hpp"

#include <map>

#include <fmt/format.h>

#include "db/store/head_office_master.hpp"
#include "pos/actions/access/store_audit.hpp"
#include "pos/actions/access/users.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"

namespace pos::actions {

namespace {

// An item as the price comparison sees it, from a file's items or the head office's rows.
struct PricedItem {
    std::string_view sku;
    std::string_view name;
    int64_t price_fen = 0;
    int64_t per_kg_fen = 0;
};

core::Result<nlohmann::json> changes_against_store(db::StoreDb& store, const std::vector<PricedItem>& items) {
    auto before = store.all_items();
    if (!before) return storage_error(before.error());
    std::map<std::string_view, const db::ItemRecord*> old_items;
    for (const db::ItemRecord& item : *before) old_items[item.sku] = &item;
    nlohmann::json changed = nlohmann::json::array();
    nlohmann::json added = nlohmann::json::array();
    auto price = [](int64_t fen) { return core::Money::fen(fen).to_string(); };
    for (const PricedItem& item : items) {
        auto found = old_items.find(item.sku);
        if (found == old_items.end()) {
            added.push_back(item.sku);
            continue;
        }
        const db::ItemRecord& old = *found->second;
        if (old.price_fen != item.price_fen) {
            changed.push_back({{"sku", item.sku},
                               {"name", item.name},
                               {"old", price(old.price_fen)},
                               {"new", price(item.price_fen)}});
        }
        if (old.price_per_kg_fen != item.per_kg_fen) {
            changed.push_back({{"sku", item.sku},
                               {"name", item.name},
                               {"per_kg", true},
                               {"old", price(old.price_per_kg_fen)},
                               {"new", price(item.per_kg_fen)}});
        }
        old_items.erase(found);
    }
    nlohmann::json removed = nlohmann::json::array();
    for (const auto& [sku, item] : old_items) removed.push_back(sku);
    return nlohmann::json{{"items", items.size()}, {"added", added}, {"removed", removed}, {"price_changes", changed}};
}

}  // namespace

core::Result<nlohmann::json> catalog_changes(db::StoreDb& store, const std::vector<core::CatalogItem>& items) {
    std::vector<PricedItem> priced;
    priced.reserve(items.size());
    for (const core::CatalogItem& item : items)
        priced.push_back({item.sku, item.name_zh, item.price.in_fen(), item.price_per_kg.in_fen()});
    return changes_against_store(store, priced);
}

core::Result<nlohmann::json> catalog_changes(db::StoreDb& store, const std::vector<db::ItemRecord>& items) {
    std::vector<PricedItem> priced;
    priced.reserve(items.size());
    for (const db::ItemRecord& item : items)
        priced.push_back({item.sku, item.name_zh, item.price_fen, item.price_per_kg_fen});
    return changes_against_store(store, priced);
}

core::Status local_catalog_import_allowed(const std::string& data_dir, OpenLane& lane) {
    auto store = open_store(data_dir, lane.config);
    if (!store) return store.error();
    // Once the chain publishes its catalog the store takes it whole (docs/head-office.md): a local
    // import would be overwritten at the next pull and lanes would sell from a catalog no one decided.
    auto taken = db::head_office_master_taken(**store);
    if (!taken) return storage_error(taken.error());
    if (taken->catalog_version == 0) return core::Done{};
    return core::make_error(core::ErrorCode::not_permitted,
                            fmt::format("this store takes the chain catalog from the head office (version {}): items, "
                                        "barcodes and departments are changed there (pos-hq catalog import); the "
                                        "store may still change prices (posctl price-change) and promotions",
                                        taken->catalog_version));
}

core::Status import_catalog(const std::string& data_dir, OpenLane& lane, const std::vector<core::CatalogItem>& items,
                            const Approval& by, const std::string& file, const CatalogProgress& progress) {
    if (items.empty()) return install_catalog(data_dir, lane, items);  // refused before asking anyone
    if (auto allowed = local_catalog_import_allowed(data_dir, lane); !allowed) return allowed;
    auto store = open_store(data_dir, lane.config);
    if (!store) return store.error();
    auto staffed = lane_has_operators(*lane.db);
    if (!staffed) return staffed.error();
    std::string actor;
    if (*staffed) {
        Lane till(*lane.db, lane.config);
        auto acting = till.authorize(by, core::Action::catalog_import, "importing a catalog", "");
        if (!acting) return acting.error();
        actor = acting->operator_id;
    }
    auto changes = catalog_changes(**store, items);
    if (!changes) return changes.error();
    if (auto installed = install_catalog(data_dir, lane, items, progress); !installed) return installed;
    (*changes)["file"] = file;
    if (actor.empty()) (*changes)["no_operator_yet"] = true;
    return record_store_audit(**store, {local_now(), 0, "catalog_import", actor, {}, file, std::move(*changes)},
                              lane.config.lane);
}

}  // namespace pos::actions
