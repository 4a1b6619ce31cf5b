// `posctl audit verify --against-store`: the first record where lane.db and the store disagree.
#include "pos/actions/access/audit_against_store.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "db/shared/audit_log.hpp"
#include "db/store/store_db.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "sync/http_store_sink.hpp"

namespace pos::actions {
namespace {

std::optional<std::string> field_difference(const db::AuditRow& mine, const db::AuditRow& stored) {
    for (auto [name, here, there] :
         {std::tuple{"at", &mine.at, &stored.at}, std::tuple{"kind", &mine.kind, &stored.kind},
          std::tuple{"actor", &mine.actor, &stored.actor}, std::tuple{"approver", &mine.approver, &stored.approver},
          std::tuple{"ref", &mine.ref, &stored.ref}, std::tuple{"detail", &mine.detail, &stored.detail},
          std::tuple{"prev_hash", &mine.prev_hash, &stored.prev_hash}, std::tuple{"hash", &mine.hash, &stored.hash}}) {
        if (*here != *there) return fmt::format("{} is \"{}\" in lane.db but \"{}\" at the store", name, *here, *there);
    }
    return std::nullopt;
}

db::DbResult<db::StoreAuditCopy> store_copy(const std::string& data_dir, const LaneConfig& config) {
    if (!config.store_url.empty()) {
        sync::HttpStoreOptions options = store_service_options(config, std::chrono::milliseconds(15000));
        return sync::fetch_store_audit(options);
    }
    std::string path = store_db_path(data_dir, config);
    std::error_code missing;
    if (!std::filesystem::exists(path, missing)) {
        return db::DbError{db::DbErrorCode::cant_open,
                           fmt::format("{} does not exist: this lane has never synced to it", path)};
    }
    auto store = db::StoreDb::open_for_reading(path);
    if (!store) return store.error();
    return db::read_store_audit_copy(**store, config.lane);
}

}  // namespace

AnchorVerdict compare_with_store(int64_t lane, const std::vector<db::AuditRow>& lane_rows,
                                 const db::StoreAuditCopy& store) {
    AnchorVerdict verdict;
    verdict.lane = lane;
    verdict.lane_records = int64_t(lane_rows.size());
    verdict.store_records = int64_t(store.records.size());
    verdict.kept_aside = store.kept_aside;
    std::map<int64_t, const db::AuditRow*> at_store;
    int64_t store_last = 0;
    for (const db::AuditRow& row : store.records) {
        at_store[row.seq] = &row;
        store_last = std::max(store_last, row.seq);
    }
    std::map<int64_t, std::string> differences;  // by seq: the first one is reported
    std::map<int64_t, bool> on_lane;
    for (const db::AuditRow& row : lane_rows) {
        on_lane[row.seq] = true;
        auto stored = at_store.find(row.seq);
        if (stored == at_store.end()) {
            if (row.seq > store_last) {
                ++verdict.not_yet_sent;
            } else {
                differences[row.seq] =
                    fmt::format("record {} ({}) is in lane.db but the store never took it", row.seq, row.kind);
            }
            continue;
        }
        if (auto differs = field_difference(row, *stored->second)) {
            differences[row.seq] =
                fmt::format("record {} ({} at {}): {}", row.seq, stored->second->kind, stored->second->at, *differs);
        }
    }
    for (const auto& [seq, row] : at_store) {
        if (!on_lane.contains(seq)) {
            differences.try_emplace(seq, fmt::format("record {} ({} at {}) is at the store but missing from lane.db",
                                                     seq, row->kind, row->at));
        }
    }
    if (!differences.empty()) {
        verdict.differs_at = differences.begin()->first;
        verdict.difference = differences.begin()->second;
    }
    return verdict;
}

core::Result<AnchorVerdict> verify_against_store(db::LaneDb& lane, const std::string& data_dir,
                                                 const LaneConfig& config) {
    auto rows = db::read_audit_rows(lane, std::nullopt);
    if (!rows) return storage_error(rows.error());
    auto copy = store_copy(data_dir, config);
    if (!copy) return storage_error(copy.error());
    return compare_with_store(config.lane, *rows, *copy);
}

}  // namespace pos::actions
