// Wiring the sync worker to a data directory: the lane's own lane.db and its configured store.
#include "pos/actions/setup/store_sync.hpp"

#include <filesystem>

#include "sync/http_store_sink.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"

namespace pos::actions {

sync::HttpStoreOptions store_service_options(const LaneConfig& config, std::chrono::milliseconds read_timeout) {
    sync::HttpStoreOptions options;
    options.url = config.store_url;
    options.token = config.store_token;
    options.lane = config.lane;
    options.pin = config.store_pin;
    options.read_timeout = read_timeout;
    return options;
}

sync::OpenStoreSink store_sink_opener(const std::string& data_dir, const LaneConfig& config,
                                      db::StoreDb::DailyCheck daily) {
    if (!config.store_url.empty()) {
        sync::HttpStoreOptions options = store_service_options(config, std::chrono::milliseconds(15000));
        return [options]() -> db::DbResult<std::unique_ptr<sync::StoreSink>> {
            return std::unique_ptr<sync::StoreSink>(new sync::HttpStoreSink(options));
        };
    }
    std::string path = store_db_path(data_dir, config);
    return [path, daily, lane = config.lane]() -> db::DbResult<std::unique_ptr<sync::StoreSink>> {
        auto store = db::StoreDb::open(path, false, daily);
        if (!store) return store.error();
        return std::unique_ptr<sync::StoreSink>(new sync::DirectStoreSink(std::move(*store), lane));
    };
}

std::string store_description(const std::string& data_dir, const LaneConfig& config) {
    return config.store_url.empty() ? store_db_path(data_dir, config) : "pos-store at " + config.store_url;
}

std::unique_ptr<sync::SyncWorker> make_sync_worker(const std::string& data_dir, const LaneConfig& config,
                                                   sync::SyncWorkerOptions options) {
    std::string lane_path = (std::filesystem::path(data_dir) / "lane.db").string();
    // The worker runs store.db's daily check itself, between passes (SyncWorker::run).
    return std::make_unique<sync::SyncWorker>(
        lane_path, store_sink_opener(data_dir, config, db::StoreDb::DailyCheck::by_caller), local_now, options);
}

}  // namespace pos::actions
