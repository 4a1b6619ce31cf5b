// Filing a lane's audit records at the store only where they continue its chain.
#include "db/store/audit_anchor.hpp"

#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/shared/audit_log.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {
namespace {

DbResult<std::optional<AuditRow>> store_row(Connection& store, int64_t lane, int64_t seq) {
    auto query = store.prepare(
        "SELECT seq, at, lane, kind, actor, approver, ref, detail, prev_hash, hash FROM audit "
        "WHERE lane = ? AND seq = ?");
    if (!query) return query.error();
    Statement& row = (**query).bind(1, lane).bind(2, seq);
    auto found = row.step();
    if (!found) return found.error();
    std::optional<AuditRow> held;
    if (*found) {
        held = AuditRow{row.column_int(0),  row.column_text(1), row.column_int(2),  row.column_text(3),
                        row.column_text(4), row.column_text(5), row.column_text(6), row.column_text(7),
                        row.column_text(8), row.column_text(9)};
    }
    row.reset();
    return held;
}

DbResult<int64_t> highest_seq(Connection& store, int64_t lane) {
    auto query = store.prepare("SELECT coalesce(max(seq), 0) FROM audit WHERE lane = ?");
    if (!query) return query.error();
    Statement& row = (**query).bind(1, lane);
    auto found = row.step();
    if (!found) return found.error();
    int64_t highest = *found ? row.column_int(0) : 0;
    row.reset();
    return highest;
}

// The first column in which two versions of one record differ, for the alarm's reason.
std::string first_difference(const AuditRow& held, const AuditRow& delivered) {
    for (auto [name, mine, theirs] :
         {std::tuple{"at", &held.at, &delivered.at}, std::tuple{"kind", &held.kind, &delivered.kind},
          std::tuple{"actor", &held.actor, &delivered.actor},
          std::tuple{"approver", &held.approver, &delivered.approver}, std::tuple{"ref", &held.ref, &delivered.ref},
          std::tuple{"detail", &held.detail, &delivered.detail},
          std::tuple{"prev_hash", &held.prev_hash, &delivered.prev_hash},
          std::tuple{"hash", &held.hash, &delivered.hash}}) {
        if (*mine != *theirs)
            return fmt::format("{} is \"{}\" at the store, \"{}\" in this delivery", name, *mine, *theirs);
    }
    return "they differ";
}

bool same_record(const AuditRow& a, const AuditRow& b) {
    return a.at == b.at && a.kind == b.kind && a.actor == b.actor && a.approver == b.approver && a.ref == b.ref &&
           a.detail == b.detail && a.prev_hash == b.prev_hash && a.hash == b.hash;
}

}  // namespace

DbResult<std::vector<KeptAside>> anchor_attached_audit(Connection& store, const std::string& payload,
                                                       const std::string& received_at) {
    std::vector<KeptAside> aside;
    nlohmann::json root = nlohmann::json::parse(payload, nullptr, false);
    if (!root.is_object() || !root.contains("audit")) return aside;
    if (!root["audit"].is_array()) return DbError{DbErrorCode::other, "its audit records are not a list"};
    for (const nlohmann::json& record : root["audit"]) {
        auto row = parse_audit_payload(record.dump());
        if (!row) return row.error();
        KeptAside kept{0,           row->lane, "audit", fmt::format("{}:{}", row->lane, row->seq),
                       "",          "",        {},      audit_payload(*row),
                       received_at, {},        {},      {}};
        auto held = store_row(store, row->lane, row->seq);
        if (!held) return held.error();
        if (*held) {
            if (same_record(**held, *row)) continue;  // delivered again: already anchored
            kept.why = "conflict";
            kept.reason = fmt::format("the store already holds a different audit record {} of lane {}: {}", row->seq,
                                      row->lane, first_difference(**held, *row));
            kept.stored = audit_payload(**held);
        } else {
            auto previous = store_row(store, row->lane, row->seq - 1);
            if (!previous) return previous.error();
            auto highest = highest_seq(store, row->lane);
            if (!highest) return highest.error();
            if (*previous && (*previous)->hash != row->prev_hash) {
                kept.why = "fork";
                kept.reason = fmt::format(
                    "audit record {} of lane {} does not continue the chain the store holds: its prev_hash is not "
                    "the hash of record {} at the store",
                    row->seq, row->lane, row->seq - 1);
                kept.stored = audit_payload(**previous);
            } else if (!*previous && *highest > 0) {
                kept.why = "fork";
                kept.reason = fmt::format(
                    "audit record {} of lane {} does not continue the chain the store holds: the store's last "
                    "record of that lane is {}",
                    row->seq, row->lane, *highest);
            }
        }
        if (!kept.why.empty()) {
            if (auto kept_aside = keep_aside(store, kept); !kept_aside) return kept_aside.error();
            aside.push_back(std::move(kept));
            continue;
        }
        auto inserted = insert_store_audit_row(store, *row);
        if (!inserted) return inserted.error();
    }
    return aside;
}

DbResult<StoreAuditCopy> read_store_audit_copy(StoreDb& store, int64_t lane) {
    StoreAuditCopy copy;
    copy.lane = lane;
    auto records = read_store_audit_rows(store, lane);
    if (!records) return records.error();
    copy.records = std::move(*records);
    auto aside = open_kept_aside(store, lane);
    if (!aside) return aside.error();
    for (KeptAside& kept : *aside) {
        if (kept.kind == "audit") copy.kept_aside.push_back(std::move(kept));
    }
    return copy;
}

}  // namespace pos::db
