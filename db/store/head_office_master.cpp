// Taking the head office's master data into store.db, whole, in one transaction.
#include "db/store/head_office_master.hpp"

#include "db/shared/catalog_tables.hpp"
#include "db/store/promotions.hpp"

namespace pos::db {

DbResult<HeadOfficeTaken> head_office_master_taken(StoreDb& store) {
    HeadOfficeTaken taken;
    auto version = store.connection().query_text("SELECT version FROM head_office_catalog WHERE id = 1");
    if (!version) return version.error();
    if (*version) taken.catalog_version = std::stoll(**version);
    auto statement = store.connection().prepare("SELECT hq_id FROM head_office_promotions ORDER BY hq_id");
    if (!statement) return statement.error();
    Statement& query = (*statement)->reset();
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        taken.promotions.push_back(query.column_int(0));
    }
    query.reset();
    return taken;
}

DbStatus adopt_head_office_master_data(StoreDb& store, const HeadOfficeMasterData& data, const std::string& now) {
    Connection& connection = store.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    if (data.catalog_version) {
        if (auto written = write_catalog(connection, data.items); !written) return written;
        auto taken = connection.prepare(
            "INSERT INTO head_office_catalog (id, version, items, adopted_at) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version, items = excluded.items, "
            "adopted_at = excluded.adopted_at");
        if (!taken) return taken.error();
        auto ran =
            (*taken)->reset().bind(1, *data.catalog_version).bind(2, int64_t(data.items.size())).bind(3, now).run();
        if (!ran) return ran;
    }
    for (const HeadOfficePromotion& promotion : data.promotions) {
        if (auto written = write_promotion(connection, promotion.promotion); !written) return written;
        auto taken =
            connection.prepare("INSERT INTO head_office_promotions (hq_id, promotion_id, adopted_at) VALUES (?, ?, ?)");
        if (!taken) return taken.error();
        auto ran = (*taken)->reset().bind(1, promotion.hq_id).bind(2, promotion.promotion.id).bind(3, now).run();
        if (!ran) return ran;
    }
    if (auto bumped = bump_catalog_version(connection); !bumped) return bumped;
    return transaction->commit();
}

}  // namespace pos::db
