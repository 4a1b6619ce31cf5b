// Audit log: chaining events with SHA-256 (libsodium) and verifying lane and store copies.
#include "pos/actions/access/audit.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/core/business_day.hpp"

namespace pos::actions {
namespace {

db::AuditRow to_row(const core::AuditEntry& entry) {
    return db::AuditRow{entry.seq,      entry.at,  entry.lane,   entry.kind,      entry.actor,
                        entry.approver, entry.ref, entry.detail, entry.prev_hash, entry.hash};
}

core::Sha256Hex hasher() {
    return [](std::string_view bytes) { return sha256_hex(bytes); };
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

core::AuditEntry to_entry(const db::AuditRow& row) {
    return core::AuditEntry{row.seq,      row.at,  row.lane,   row.kind,      row.actor,
                            row.approver, row.ref, row.detail, row.prev_hash, row.hash};
}

std::optional<nlohmann::json> clock_went_back(const std::optional<core::AuditEntry>& previous, const std::string& now) {
    if (!previous) return std::nullopt;
    auto last = core::instant_of(previous->at);
    auto current = core::instant_of(now);
    if (!last || !current || *current >= *last) return std::nullopt;
    return nlohmann::json{{"last_recorded", previous->at}, {"clock", now}, {"seconds_back", *last - *current}};
}

db::DbStatus append_audit(db::LaneDb& lane, const AuditEvent& event) {
    auto last = db::last_audit_row(lane);
    if (!last) return last.error();
    std::optional<core::AuditEntry> previous;
    if (*last) previous = to_entry(**last);
    // The system clock, never the caller's "now": a script's time must not date the log or the
    // lockouts (docs/security.md "Trusted time"). A clock set back past the last record is itself
    // recorded, ahead of the event, so the log shows when time ran backwards.
    std::string now = local_now();
    if (auto went_back = clock_went_back(previous, now)) {
        core::AuditEntry back{0, now, event.lane, "clock_backwards", {}, {}, {}, went_back->dump(), {}, {}};
        core::AuditEntry chained_back = core::chained(std::move(back), previous, hasher());
        if (auto appended = db::append_audit_row(lane, to_row(chained_back)); !appended) return appended;
        previous = chained_back;
    }
    core::AuditEntry entry{0,  now, event.lane, event.kind, event.actor, event.approver, event.ref, event.detail.dump(),
                           {}, {}};
    db::AuditRow row = to_row(core::chained(std::move(entry), previous, hasher()));
    return db::append_audit_row(lane, row);
}

core::Status record_audit(db::LaneDb& lane, const AuditEvent& event) {
    auto transaction = lane.begin_transaction();
    if (!transaction) return storage_error(transaction.error());
    if (auto logged = append_audit(lane, event); !logged) return storage_error(logged.error());
    if (auto committed = transaction->commit(); !committed) return storage_error(committed.error());
    return core::Done{};
}

core::Result<std::vector<core::AuditEntry>> audit_entries(db::LaneDb& lane, const std::optional<std::string>& since) {
    auto rows = db::read_audit_rows(lane, since);
    if (!rows) return storage_error(rows.error());
    std::vector<core::AuditEntry> entries;
    entries.reserve(rows->size());
    for (const db::AuditRow& row : *rows) entries.push_back(to_entry(row));
    return entries;
}

core::Result<AuditVerdict> verify_lane_audit(db::LaneDb& lane) {
    auto entries = audit_entries(lane, std::nullopt);
    if (!entries) return entries.error();
    auto queued = db::last_queued_audit_seq(lane);
    if (!queued) return storage_error(queued.error());
    AuditVerdict verdict;
    verdict.records = int64_t(entries->size());
    if (!entries->empty()) {
        verdict.lane = entries->back().lane;
        verdict.last_hash = entries->back().hash;
    }
    verdict.broken = core::find_break(*entries, hasher(), *queued);
    return verdict;
}

core::Result<std::vector<AuditVerdict>> verify_store_audit(db::StoreDb& store) {
    auto lanes = db::store_audit_lanes(store);
    if (!lanes) return storage_error(lanes.error());
    std::vector<AuditVerdict> verdicts;
    for (int64_t lane : *lanes) {
        auto rows = db::read_store_audit_rows(store, lane);
        if (!rows) return storage_error(rows.error());
        std::vector<core::AuditEntry> entries;
        for (const db::AuditRow& row : *rows) entries.push_back(to_entry(row));
        AuditVerdict verdict;
        verdict.lane = lane;
        verdict.records = int64_t(entries.size());
        if (!entries.empty()) verdict.last_hash = entries.back().hash;
        verdict.broken = core::find_break(entries, hasher());
        verdicts.push_back(std::move(verdict));
    }
    return verdicts;
}

std::string audit_line(const core::AuditEntry& entry) {
    std::string line = fmt::format("#{:<5} {}  lane {}  {:<14} by {}", entry.seq, entry.at, entry.lane, entry.kind,
                                   entry.actor.empty() ? "-" : entry.actor);
    if (!entry.approver.empty()) line += fmt::format("  approved by {}", entry.approver);
    if (!entry.ref.empty()) line += fmt::format("  ref {}", entry.ref);
    if (entry.detail != "{}" && !entry.detail.empty()) line += "  " + entry.detail;
    return line;
}

}  // namespace pos::actions
