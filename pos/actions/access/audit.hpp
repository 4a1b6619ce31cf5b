// The audit log from the lane's side: every sensitive event appended to the hash chain in the
// same transaction as the event itself, and the chain verified (lane.db, or the store's copy).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/shared/audit_log.hpp"
#include "db/lane/lane_db.hpp"
#include "db/store/store_db.hpp"
#include "pos/core/audit_chain.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// What happened, by whom, approved by whom, and why (in `detail`).
struct AuditEvent {
    std::string at;
    int64_t lane = 0;
    std::string kind;  // sale, void, override, cash_movement kinds, login, login_failed, lockout, ...
    std::string actor;
    std::string approver;
    std::string ref;
    nlohmann::json detail = nlohmann::json::object();
};

// Hex SHA-256 (libsodium crypto_hash_sha256).
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

// The system clock set back past the last record: what to record (kind clock_backwards), or none.
[[nodiscard]] std::optional<nlohmann::json> clock_went_back(const std::optional<core::AuditEntry>& previous,
                                                            const std::string& now);

// Appends the event to the chain, dated by the system clock (event.at is the business time and is
// not what the log keeps). Call inside the transaction that writes the event, so both
// are kept or neither is. Records reach the store inside the next outbox row (with_audit).
[[nodiscard]] db::DbStatus append_audit(db::LaneDb& lane, const AuditEvent& event);

// An event with nothing else to write (a login, a failed PIN): its own transaction.
[[nodiscard]] core::Status record_audit(db::LaneDb& lane, const AuditEvent& event);

// Runs `write` (a db call returning DbResult<T> or DbStatus) and appends the event, in one
// transaction: the write's own transaction becomes a savepoint of it. When the write queued an
// outbox row, every audit record not yet sent rides along in its payload, so the chain travels
// to the store with the sales without adding rows to the queue.
template <typename Write>
auto with_audit(db::LaneDb& lane, const AuditEvent& event, Write&& write) -> decltype(write()) {
    auto transaction = lane.begin_transaction();
    if (!transaction) return transaction.error();
    auto before = db::last_outbox_seq(lane);
    if (!before) return before.error();
    auto written = write();
    if (!written) return written;
    if (auto logged = append_audit(lane, event); !logged) return logged.error();
    auto after = db::last_outbox_seq(lane);
    if (!after) return after.error();
    if (*after > *before) {
        if (auto attached = db::attach_unsent_audit(lane, *after); !attached) return attached.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return written;
}

struct AuditVerdict {
    int64_t lane = 0;
    int64_t records = 0;
    std::optional<core::ChainBreak> broken;
    std::string last_hash;  // of the last record: write it down to compare later
};

[[nodiscard]] core::AuditEntry to_entry(const db::AuditRow& row);
[[nodiscard]] core::Result<std::vector<core::AuditEntry>> audit_entries(db::LaneDb& lane,
                                                                        const std::optional<std::string>& since);
// Walks lane.db's chain; records removed from the end are caught against the outbox's count.
[[nodiscard]] core::Result<AuditVerdict> verify_lane_audit(db::LaneDb& lane);
// Walks each lane's chain as the store received it.
[[nodiscard]] core::Result<std::vector<AuditVerdict>> verify_store_audit(db::StoreDb& store);

// One readable line per record for `posctl audit show`.
[[nodiscard]] std::string audit_line(const core::AuditEntry& entry);

}  // namespace pos::actions
