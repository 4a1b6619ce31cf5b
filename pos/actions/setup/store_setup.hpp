// The data directory: where it is, creating it (`posctl init`), opening its databases, catalog files.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/store/store_db.hpp"
#include "pos/actions/setup/catalog_csv.hpp"
#include "pos/actions/setup/config.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// $POS_DATA_DIR, else $XDG_DATA_HOME/pos, else ~/.local/share/pos: what `pos` and `posctl`
// use when --data is not given.
[[nodiscard]] std::string default_data_dir();

// The demo assets (catalog, config example): $POS_ASSETS_DIR, else the source tree's assets/.
[[nodiscard]] std::string assets_dir();

struct OpenLane {
    LaneConfig config;
    std::unique_ptr<db::LaneDb> db;
};

// Loads pos.toml and opens lane.db of an initialised data directory.
[[nodiscard]] core::Result<OpenLane> open_lane(const std::string& data_dir);
[[nodiscard]] core::Result<std::unique_ptr<db::StoreDb>> open_store(const std::string& data_dir,
                                                                    const LaneConfig& config);
// The same store.db for reports, which only read (db::StoreDb::open_for_reading).
[[nodiscard]] core::Result<std::unique_ptr<db::StoreDb>> open_store_for_reading(const std::string& data_dir,
                                                                                const LaneConfig& config);
// Where store.db is: [store_database] path, relative to the data directory unless absolute.
[[nodiscard]] std::string store_db_path(const std::string& data_dir, const LaneConfig& config);

struct InitReport {
    std::string data_dir;
    int items = 0;
    int users = 0;
};

// Creates the data directory with pos.toml, lane.db and store.db. With `demo`, loads the
// demo catalog and the demo users. Refuses a directory that already has a lane.db.
[[nodiscard]] core::Result<InitReport> init_data_dir(const std::string& data_dir, bool demo);

// Reads and validates a catalog CSV; every problem is listed (row, column, message).
struct CatalogFileCheck {
    std::vector<core::CatalogItem> items;
    std::vector<CatalogCsvProblem> problems;
};
[[nodiscard]] core::Result<CatalogFileCheck> read_catalog_file(const std::string& path, const LaneConfig& config);

// Told, during install_catalog, which database is being written ("store.db", "lane.db") and how
// many of the `total` items are in it so far.
using CatalogProgress = std::function<void(const std::string& database, int64_t written, int64_t total)>;

// Replaces the catalog in store.db and lane.db with a validated list; `progress` may be empty.
[[nodiscard]] core::Status install_catalog(const std::string& data_dir, OpenLane& lane,
                                           const std::vector<core::CatalogItem>& items,
                                           const CatalogProgress& progress = {});

[[nodiscard]] core::Status write_catalog_file(const std::string& path, db::LaneDb& lane);

}  // namespace pos::actions
