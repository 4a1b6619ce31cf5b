// Reading the store's catalog version and snapshot; applying a snapshot on the lane.
#include "db/shared/catalog_sync.hpp"

#include "db/lane/name_grams.hpp"
#include "db/shared/catalog_tables.hpp"

namespace pos::db {
namespace {

DbResult<CatalogVersion> read_version(Connection& connection, const std::string& table) {
    auto statement = connection.prepare("SELECT store_id, version FROM " + table + " WHERE id = 1");
    if (!statement) return statement.error();
    auto row = (*statement)->step();
    if (!row) return row.error();
    CatalogVersion version;
    if (*row) version = CatalogVersion{(*statement)->column_text(0), (*statement)->column_int(1)};
    (*statement)->reset();
    return version;
}

}  // namespace

DbResult<CatalogVersion> store_catalog_version(StoreDb& store) {
    return read_version(store.connection(), "catalog_version");
}

DbResult<CatalogSnapshot> read_catalog_snapshot(StoreDb& store) {
    // A read transaction: the version and the items come from the same moment.
    if (auto begun = store.connection().exec("BEGIN"); !begun) return begun.error();
    auto version = store_catalog_version(store);
    auto items = version ? read_catalog(store.connection()) : DbResult<std::vector<ItemRecord>>(version.error());
    auto promotions =
        items ? read_promotions(store.connection()) : DbResult<std::vector<PromotionRecord>>(items.error());
    (void)store.connection().exec("COMMIT");
    if (!version) return version.error();
    if (!items) return items.error();
    if (!promotions) return promotions.error();
    return CatalogSnapshot{*version, std::move(*items), std::move(*promotions)};
}

DbResult<CatalogVersion> applied_catalog_version(LaneDb& lane) {
    return read_version(lane.connection(), "catalog_applied");
}

DbStatus apply_catalog_snapshot(LaneDb& lane, const CatalogSnapshot& snapshot, const std::string& now,
                                const RowsWritten& progress) {
    auto transaction = Transaction::begin(lane.connection());
    if (!transaction) return transaction.error();
    if (auto written = write_catalog(lane.connection(), snapshot.items, progress); !written) return written;
    if (auto indexed = rebuild_name_grams(lane.connection()); !indexed) return indexed;
    if (auto written = write_promotions(lane.connection(), snapshot.promotions); !written) return written;
    auto statement =
        lane.connection().prepare("UPDATE catalog_applied SET store_id = ?, version = ?, applied_at = ? WHERE id = 1");
    if (!statement) return statement.error();
    if (auto recorded =
            (*statement)->bind(1, snapshot.version.store_id).bind(2, snapshot.version.number).bind(3, now).run();
        !recorded) {
        return recorded;
    }
    return transaction->commit();
}

}  // namespace pos::db
