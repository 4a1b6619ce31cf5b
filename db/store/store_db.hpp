// store.db: the store's database — catalog master, users, every lane's sales and shifts.
#pragma once

#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "db/shared/records.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

// What the store did with one delivered outbox record.
struct Acknowledged {
    std::string kind;
    std::string ref;
    bool was_new = false;  // false: already there (an earlier delivery whose acknowledgement was lost)
    // Empty when stored (or already there). Else what the store kept aside instead of storing it
    // (db/store/kept_aside.hpp): "conflict" (its key holds different content at the store), "fork"
    // (an audit record riding with it does not continue the lane's chain) or "quarantine" (the
    // store cannot read or file it); `reason` says why. Either way the store holds it: the lane
    // need not send it again, and raises the alarm.
    std::string aside;
    std::string reason;
};

class StoreDb {
public:
    // When a writer's open checks the whole file (once a day, db/store/daily_check.hpp): at the
    // open, or later by the caller (check_whole_file_daily), as the sync worker does between
    // passes so that `pos` neither starts nor closes waiting for seconds of reading.
    enum class DailyCheck { at_open, by_caller };
    // Opens store.db for writing: PRAGMA quick_check of every table but the history and the
    // catalog (IntegrityScope::store_without_history), the whole file once a day, and the migrations.
    [[nodiscard]] static DbResult<std::unique_ptr<StoreDb>> open(const std::string& path, bool create,
                                                                 DailyCheck daily = DailyCheck::at_open);
    // The day's whole-file check when it is due (db/store/daily_check.hpp); `stop` ends it early
    // without recording it.
    [[nodiscard]] DbStatus check_whole_file_daily(const std::stop_token& stop);
    // For reports, which only read: without the integrity check and the filing of old records,
    // which read the whole file (seconds at a year of history). A damaged page still fails the
    // query that reads it, with SQLite's error.
    [[nodiscard]] static DbResult<std::unique_ptr<StoreDb>> open_for_reading(const std::string& path);

    [[nodiscard]] DbStatus replace_catalog(const std::vector<ItemRecord>& items, const RowsWritten& progress = {});
    [[nodiscard]] DbResult<std::vector<ItemRecord>> all_items();
    [[nodiscard]] DbResult<std::optional<ItemRecord>> find_item_by_sku(const std::string& sku);

    // Stores a batch of a lane's outbox records in one BEGIN IMMEDIATE transaction. Each record
    // is kept once, keyed by (kind, ref); a sale goes into sales keyed by its UUID, its lines and
    // tenders only when the sale row is new; a shift into shifts likewise, a shift close into
    // shift_closes, a cash movement into cash_movements; a new sale whose business day is already
    // closed is flagged in late_sales. Every record is also kept verbatim in `received`, and the
    // audit records riding with it extend the lane's chain (db/store/audit_anchor.hpp).
    // A record whose key holds different content, or one that cannot be read or filed, is kept
    // aside (db/store/kept_aside.hpp) and acknowledged as such while the rest is stored (issue #17).
    // The batch is refused whole (DbErrorCode::refused) when a record writes into a shift of
    // another lane; a storage failure (busy, disk full, ...) stores nothing.
    [[nodiscard]] DbResult<std::vector<Acknowledged>> apply_batch(const std::vector<OutboxRecord>& batch,
                                                                  const std::string& received_at);

    // The file this database was opened from.
    [[nodiscard]] const std::string& path() const { return connection_->path(); }

    // For db/ and tests only: pos/ and sync/ ask for operations, never for the connection
    // (checked at build time by cmake/CheckStorageCalls.cmake).
    [[nodiscard]] Connection& connection() { return *connection_; }
    // Several operations written as one (an act and its record in the store's audit chain): the
    // writes inside it join it as savepoints (Transaction::begin_composite).
    [[nodiscard]] DbResult<Transaction> begin_transaction() { return Transaction::begin_composite(*connection_); }

private:
    explicit StoreDb(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
    std::unique_ptr<Connection> connection_;
};

}  // namespace pos::db
