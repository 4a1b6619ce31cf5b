// Asking the store about a sale for a return: store.db opened for reading, or pos-store over HTTP.
#include "pos/actions/returns/return_store.hpp"

#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "sync/http_store_sink.hpp"
#include "db/store/store_db.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/setup/store_sync.hpp"

namespace pos::actions {

db::DbResult<db::SaleForReturn> ask_store_for_sale(const std::string& data_dir, const LaneConfig& config,
                                                   const db::SaleQuery& query) {
    if (!config.store_url.empty()) {
        // The customer waits at the desk: a store that does not answer soon is reported, not awaited.
        sync::HttpStoreOptions options = store_service_options(config, std::chrono::milliseconds(5000));
        return sync::fetch_sale_for_return(options, query);
    }
    std::string path = store_db_path(data_dir, config);
    std::error_code missing;
    if (!std::filesystem::exists(path, missing)) {
        return db::DbError{db::DbErrorCode::cant_open, fmt::format("{} does not exist", path)};
    }
    auto store = db::StoreDb::open_for_reading(path);
    if (!store) return store.error();
    return db::find_sale_for_return(**store, query);
}

}  // namespace pos::actions
