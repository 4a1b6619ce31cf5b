// store.db: opening and the catalog master. Sales arrive through the sync worker.
#include "db/store_db.hpp"

#include "db/catalog_tables.hpp"
#include "db/migrations.hpp"

namespace pos::db {

DbResult<std::unique_ptr<StoreDb>> StoreDb::open(const std::string& path, bool create) {
    auto connection = open_checked(path, create, store_migrations());
    if (!connection) return connection.error();
    return std::unique_ptr<StoreDb>(new StoreDb(std::move(*connection)));
}

DbStatus StoreDb::replace_catalog(const std::vector<ItemRecord>& items) {
    auto transaction = Transaction::begin(*connection_);
    if (!transaction) return transaction.error();
    if (auto written = write_catalog(*connection_, items); !written) return written;
    return transaction->commit();
}

DbResult<std::vector<ItemRecord>> StoreDb::all_items() { return read_catalog(*connection_); }

}  // namespace pos::db
