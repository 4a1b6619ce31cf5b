// Data directory set-up: init (with the demo store), opening the databases, catalog import and export.
#include "pos/actions/setup/store_setup.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "db/shared/catalog_sync.hpp"
#include "db/shared/directory_sync.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/access/secrets.hpp"

#ifndef POS_ASSETS_DIR
#define POS_ASSETS_DIR "assets"
#endif

namespace pos::actions {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;

// Demo users: for trying the lane only (README says so). Real stores create their own.
struct DemoUser {
    const char* operator_id;
    const char* name;
    const char* role;
    const char* pin;
};
constexpr DemoUser demo_users[] = {
    {"1001", "张伟", "cashier", "1234"},
    {"1002", "李娜", "cashier", "2345"},
    {"9001", "王芳", "supervisor", "999999"},
    {"8801", "赵敏", "manager", "888888"},  // so the manager report (F7) and 日结 can be tried
};

// Owner read and write only: lane.db and store.db hold PIN hashes and sales, pos.toml the token.
void keep_private(const std::string& path) {
    std::error_code ignored;  // best effort: a file system without modes (a USB stick) keeps going
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ignored);
}

// A demo (or test) lane lets scripts set the clock: [security] scripted_time = true.
core::Status mark_demo_config(const fs::path& config_path) {
    std::ifstream in(config_path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string toml = text.str();
    if (toml.rfind("scripted_time", 0) == 0 || toml.find("\nscripted_time") != std::string::npos) return core::Done{};
    const std::string line = "scripted_time = true       # a demo lane: scripts' \"now\" sets the clock\n";
    size_t header = toml.find("[security]\n");
    if (header == std::string::npos) {
        if (!toml.empty() && toml.back() != '\n') toml += '\n';
        toml += "\n[security]\n" + line;
    } else {
        toml.insert(header + std::string("[security]\n").size(), line);
    }
    std::ofstream out(config_path, std::ios::binary | std::ios::trunc);
    out << toml;
    if (!out) return make_error(ErrorCode::io, fmt::format("cannot write {}", config_path.string()));
    return core::Done{};
}

std::string lane_db_path(const std::string& data_dir) { return (fs::path(data_dir) / "lane.db").string(); }

core::Result<std::string> read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return make_error(ErrorCode::not_found,
                          fmt::format("{} cannot be opened: check the path and permissions", path));
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// The lane's replica, marked as the store's current catalog version so that its first sync
// does not fetch the same catalog again.
db::DbStatus copy_catalog_to_lane(db::StoreDb& store, db::LaneDb& lane, std::vector<db::ItemRecord> records,
                                  const db::RowsWritten& progress = {}) {
    auto version = db::store_catalog_version(store);
    if (!version) return version.error();
    auto promotions = db::read_promotions(store);  // the store's, kept with the new items
    if (!promotions) return promotions.error();
    return db::apply_catalog_snapshot(lane, db::CatalogSnapshot{*version, std::move(records), std::move(*promotions)},
                                      local_now(), progress);
}

}  // namespace

std::string store_db_path(const std::string& data_dir, const LaneConfig& config) {
    fs::path path(config.store_db_path);
    return (path.is_absolute() ? path : fs::path(data_dir) / path).string();
}

std::string default_data_dir() {
    if (const char* explicit_dir = std::getenv("POS_DATA_DIR"); explicit_dir && *explicit_dir) return explicit_dir;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return (fs::path(xdg) / "pos").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : ".") / ".local/share/pos").string();
}

std::string assets_dir() {
    if (const char* explicit_dir = std::getenv("POS_ASSETS_DIR"); explicit_dir && *explicit_dir) return explicit_dir;
    return POS_ASSETS_DIR;
}

core::Result<OpenLane> open_lane(const std::string& data_dir) {
    auto config = load_config(data_dir);
    if (!config) return config.error();
    std::string path = lane_db_path(data_dir);
    if (!fs::exists(path)) {
        return make_error(ErrorCode::not_found,
                          fmt::format("{} has no lane database: run `posctl --data {} init` and add operators with "
                                      "`posctl user add`, or `posctl --data {} init --demo` for a demo store",
                                      data_dir, data_dir, data_dir));
    }
    auto lane = db::LaneDb::open(path, false);
    if (!lane) return storage_error(lane.error());
    return OpenLane{std::move(*config), std::move(*lane)};
}

core::Result<std::unique_ptr<db::StoreDb>> open_store(const std::string& data_dir, const LaneConfig& config) {
    if (!config.store_url.empty()) {
        return make_error(
            ErrorCode::not_permitted,
            fmt::format("this lane sends its records to pos-store at {}; store.db is on the store server: "
                        "run this there with `posctl --data <the store's data folder> ...`",
                        config.store_url));
    }
    auto store = db::StoreDb::open(store_db_path(data_dir, config), false);
    if (!store) return storage_error(store.error());
    return std::move(*store);
}

core::Result<std::unique_ptr<db::StoreDb>> open_store_for_reading(const std::string& data_dir,
                                                                  const LaneConfig& config) {
    if (!config.store_url.empty()) return open_store(data_dir, config);  // says where store.db is
    auto store = db::StoreDb::open_for_reading(store_db_path(data_dir, config));
    if (!store) return storage_error(store.error());
    return std::move(*store);
}

core::Result<CatalogFileCheck> read_catalog_file(const std::string& path, const LaneConfig& config) {
    auto text = read_file(path);
    if (!text) return text.error();
    auto parsed = parse_catalog_csv(*text, config.nomenclature);
    if (!parsed) return parsed.error();
    return CatalogFileCheck{std::move(parsed->items), std::move(parsed->problems)};
}

core::Status install_catalog(const std::string& data_dir, OpenLane& lane, const std::vector<core::CatalogItem>& items,
                             const CatalogProgress& progress) {
    if (items.empty()) {
        // A header-only file is far more likely a mistake than a store with nothing to sell.
        return make_error(ErrorCode::bad_input, "the file has no items: the catalog was not changed");
    }
    std::vector<db::ItemRecord> records;
    records.reserve(items.size());
    for (const core::CatalogItem& item : items) records.push_back(to_item_record(item));
    // The store holds the master; the lane's replica follows. Each is replaced in one transaction.
    auto store = open_store(data_dir, lane.config);
    if (!store) return store.error();
    auto total = int64_t(records.size());
    auto told = [&](const std::string& database) -> db::RowsWritten {
        if (!progress) return {};
        return [&progress, database, total](int64_t written) { progress(database, written, total); };
    };
    if (auto written = (*store)->replace_catalog(records, told("store.db")); !written) {
        return storage_error(written.error());
    }
    if (auto written = copy_catalog_to_lane(**store, *lane.db, std::move(records), told("lane.db")); !written) {
        core::Error failure = storage_error(written.error());
        failure.message =
            "the store's catalog was updated but this lane's copy was not; run the import again: " + failure.message;
        return failure;
    }
    return core::Done{};
}

core::Status write_catalog_file(const std::string& path, db::LaneDb& lane) {
    auto records = lane.all_items();
    if (!records) return storage_error(records.error());
    std::vector<core::CatalogItem> items;
    for (const db::ItemRecord& record : *records) items.push_back(to_catalog_item(record));
    std::string text = format_catalog_csv(items);
    std::string partial = path + ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        file << text;
        file.flush();
        if (!file) {
            fs::remove(partial);
            return make_error(ErrorCode::io,
                              fmt::format("{} could not be written: check free space and permissions", path));
        }
    }
    std::error_code renamed;
    fs::rename(partial, path, renamed);  // never leave a half-written export under the real name
    if (renamed) return make_error(ErrorCode::io, fmt::format("{} could not be written: {}", path, renamed.message()));
    return core::Done{};
}

core::Result<InitReport> init_data_dir(const std::string& data_dir, bool demo) {
    std::error_code created;
    fs::create_directories(data_dir, created);
    if (created) {
        return make_error(ErrorCode::io, fmt::format("cannot create {}: {}", data_dir, created.message()));
    }
    std::string lane_path = lane_db_path(data_dir);
    if (fs::exists(lane_path)) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("{} already has a lane database: nothing was changed. Use another --data folder, "
                                      "or move the old one away first",
                                      data_dir));
    }
    fs::path config_path = fs::path(data_dir) / "pos.toml";
    if (!fs::exists(config_path)) {
        fs::path example = fs::path(assets_dir()) / "pos.toml.example";
        if (!fs::exists(example)) {
            return make_error(ErrorCode::io,
                              fmt::format("{} is missing: set POS_ASSETS_DIR to the assets folder", example.string()));
        }
        std::error_code copied;
        fs::copy_file(example, config_path, copied);
        if (copied)
            return make_error(ErrorCode::io,
                              fmt::format("cannot write {}: {}", config_path.string(), copied.message()));
    }
    if (demo) {
        if (auto marked = mark_demo_config(config_path); !marked) return marked.error();
    }
    keep_private(config_path.string());  // it will hold the lane's token
    auto config = load_config(data_dir);
    if (!config) return config.error();

    // Validate the demo catalog before creating anything, so a bad asset leaves no half store.
    std::vector<core::CatalogItem> items;
    if (demo) {
        auto catalog = read_catalog_file((fs::path(assets_dir()) / "catalog/demo_catalog.csv").string(), *config);
        if (!catalog) return catalog.error();
        if (!catalog->problems.empty()) {
            const CatalogCsvProblem& first = catalog->problems.front();
            return make_error(ErrorCode::internal, fmt::format("the demo catalog is broken at row {}, column {}: {}",
                                                               first.row, first.column, first.message));
        }
        items = std::move(catalog->items);
    }
    std::vector<db::ItemRecord> records;
    for (const core::CatalogItem& item : items) records.push_back(to_item_record(item));

    // An existing store database keeps its catalog master: the new lane takes a copy of it.
    std::string store_path = store_db_path(data_dir, *config);
    bool store_existed = fs::exists(store_path);
    auto store = db::StoreDb::open(store_path, true);
    if (!store) return storage_error(store.error());
    if (!store_existed) keep_private(store_path);
    if (store_existed) {
        auto master = (*store)->all_items();
        if (!master) return storage_error(master.error());
        records = std::move(*master);
    } else if (auto written = (*store)->replace_catalog(records); !written) {
        return storage_error(written.error());
    }

    // The lane is built under a temporary name and renamed into place only when whole, so a
    // failed init leaves nothing that a second init would refuse.
    std::string building = lane_path + ".init";
    auto discard = [&building] {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(building + suffix);
    };
    discard();
    InitReport report{data_dir, int(records.size()), 0};
    {
        auto lane = db::LaneDb::open(building, true);
        if (!lane) return discard(), storage_error(lane.error());
        keep_private(building);
        if (auto written = copy_catalog_to_lane(**store, **lane, records); !written) {
            return discard(), storage_error(written.error());
        }
        if (demo) {
            for (const DemoUser& demo_user : demo_users) {
                auto hash = hash_pin(demo_user.pin);
                if (!hash) return discard(), hash.error();
                db::UserRecord user{demo_user.operator_id, demo_user.name, demo_user.role, *hash, true};
                if (auto saved = (*lane)->save_user(user); !saved) return discard(), storage_error(saved.error());
                // At the store too, so store-side acts (user --store, catalog, promotions) have
                // their approvers; a store that already has the operator keeps its own.
                auto at_store = db::find_store_user(**store, user.operator_id);
                if (!at_store) return discard(), storage_error(at_store.error());
                if (!*at_store) {
                    if (auto saved = db::save_store_user(**store, user); !saved)
                        return discard(), storage_error(saved.error());
                }
                ++report.users;
            }
        }
        // Fold the WAL into the file (and stop using one) so the renamed file is whole on its own;
        // on a full disk this fails here, not at the next start.
        if (auto folded = (*lane)->leave_wal(); !folded) {
            discard();
            return make_error(ErrorCode::storage,
                              fmt::format("could not finish {}: {}; free disk space and run init again", lane_path,
                                          folded.error().message));
        }
    }
    std::error_code renamed;
    fs::rename(building, lane_path, renamed);
    if (renamed) {
        discard();
        return make_error(ErrorCode::io, fmt::format("cannot create {}: {}", lane_path, renamed.message()));
    }
    return report;
}

}  // namespace pos::actions
