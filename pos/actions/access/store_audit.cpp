// The store's own audit chain (pos/actions/access/store_audit.hpp).
#include "pos/actions/access/store_audit.hpp"

#include "db/store/store_audit.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"

namespace pos::actions {
namespace {

core::Sha256Hex hasher() {
    return [](std::string_view bytes) { return sha256_hex(bytes); };
}

db::AuditRow to_row(const core::AuditEntry& entry) {
    return db::AuditRow{entry.seq,      entry.at,  entry.lane,   entry.kind,      entry.actor,
                        entry.approver, entry.ref, entry.detail, entry.prev_hash, entry.hash};
}

}  // namespace

core::Status record_store_audit(db::StoreDb& store, AuditEvent event, int64_t via_lane) {
    event.detail["via_lane"] = via_lane;
    std::string now = local_now();
    std::optional<core::AuditEntry> back_record;
    auto appended = db::append_store_own_audit_row(store, [&](const std::optional<db::AuditRow>& last) {
        std::optional<core::AuditEntry> previous;
        if (last) previous = to_entry(*last);
        core::AuditEntry entry{0,  now, 0, event.kind, event.actor, event.approver, event.ref, event.detail.dump(),
                               {}, {}};
        if (auto went_back = clock_went_back(previous, now)) {
            // Recorded in the detail of the act itself: the store's chain gets one row per act.
            nlohmann::json detail = event.detail;
            detail["clock_backwards"] = *went_back;
            entry.detail = detail.dump();
        }
        return to_row(core::chained(std::move(entry), previous, hasher()));
    });
    if (!appended) return storage_error(appended.error());
    return core::Done{};
}

core::Result<std::vector<core::AuditEntry>> store_own_audit_entries(db::StoreDb& store) {
    auto rows = db::read_store_own_audit_rows(store);
    if (!rows) return storage_error(rows.error());
    std::vector<core::AuditEntry> entries;
    entries.reserve(rows->size());
    for (const db::AuditRow& row : *rows) entries.push_back(to_entry(row));
    return entries;
}

core::Result<AuditVerdict> verify_store_own_audit(db::StoreDb& store) {
    auto entries = store_own_audit_entries(store);
    if (!entries) return entries.error();
    AuditVerdict verdict;
    verdict.lane = 0;
    verdict.records = int64_t(entries->size());
    if (!entries->empty()) verdict.last_hash = entries->back().hash;
    verdict.broken = core::find_break(*entries, hasher());
    return verdict;
}

}  // namespace pos::actions
