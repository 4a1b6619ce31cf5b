// Sync for `pos` and `posctl sync`: where this lane's records go (the store database named in
// pos.toml) and the worker that takes them there (sync/sync_worker.hpp).
#pragma once

#include <memory>
#include <string>

#include "sync/http_store_sink.hpp"
#include "sync/sync_worker.hpp"
#include "pos/actions/setup/config.hpp"

namespace pos::actions {

// Opens the store this lane syncs to: store.db at [store_database] path (direct mode), or
// pos-store at [store_database] url with the lane's token (service mode).
// Each call opens afresh (with the integrity check), so a repaired or restored file is picked up;
// `daily` says who runs store.db's whole-file check of the day (StoreSink::check_store_daily).
[[nodiscard]] sync::OpenStoreSink store_sink_opener(const std::string& data_dir, const LaneConfig& config,
                                                    db::StoreDb::DailyCheck daily = db::StoreDb::DailyCheck::at_open);

// How this lane reaches pos-store (service mode): its url, token, lane and pin from pos.toml, with
// the timeouts given.
[[nodiscard]] sync::HttpStoreOptions store_service_options(const LaneConfig& config,
                                                           std::chrono::milliseconds read_timeout);

// "…/store.db" or "pos-store at http://…", for messages.
[[nodiscard]] std::string store_description(const std::string& data_dir, const LaneConfig& config);

// The worker for a data directory, not yet started; timestamps in local time.
[[nodiscard]] std::unique_ptr<sync::SyncWorker> make_sync_worker(const std::string& data_dir, const LaneConfig& config,
                                                                 sync::SyncWorkerOptions options = {});

}  // namespace pos::actions
