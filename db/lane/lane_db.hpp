// lane.db: the terminal's own database — catalog replica, users, shifts, sale journal, outbox.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "db/shared/records.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

class LaneDb {
public:
    // Opens lane.db, runs PRAGMA quick_check on every table but the catalog replica (the
    // tables a sale, shift or outbox writes; db/shared/integrity_check.hpp) and the migrations. A file
    // that fails the check is refused with DbErrorCode::corrupt, so nothing more is written to
    // it. The whole file is checked in the background by the sync worker.
    [[nodiscard]] static DbResult<std::unique_ptr<LaneDb>> open(const std::string& path, bool create);

    [[nodiscard]] DbStatus replace_catalog(const std::vector<ItemRecord>& items);
    [[nodiscard]] DbResult<std::vector<ItemRecord>> all_items();
    [[nodiscard]] DbResult<std::optional<ItemRecord>> find_item_by_gtin(const std::string& gtin);
    [[nodiscard]] DbResult<std::optional<ItemRecord>> find_item_by_plu(const std::string& plu);
    [[nodiscard]] DbResult<std::optional<ItemRecord>> find_item_by_sku(const std::string& sku);

    [[nodiscard]] DbStatus save_user(const UserRecord& user);
    [[nodiscard]] DbResult<std::optional<UserRecord>> find_user(const std::string& operator_id);

    [[nodiscard]] DbResult<std::optional<ShiftRecord>> find_open_shift(int64_t lane);
    // Inserts the shift and its outbox row in one transaction.
    [[nodiscard]] DbStatus open_shift(const ShiftRecord& shift, const std::string& outbox_payload);

    // Commits the sale, its lines, tenders and outbox row in one transaction, assigning the
    // next receipt number. When this returns ok the sale is on disk (synchronous=FULL).
    // `payload` renders the outbox row from the sale once its receipt number is known.
    // `guard`, when given, runs first inside the same transaction and can refuse the commit
    // (a return checks there that nothing is returned twice); what it reads or writes through
    // this LaneDb is part of that transaction.
    [[nodiscard]] DbResult<int64_t> commit_sale(SaleRecord sale,
                                                const std::function<std::string(const SaleRecord&)>& payload,
                                                const std::function<DbStatus()>& guard = {});
    [[nodiscard]] DbResult<std::optional<SaleRecord>> find_sale(const std::string& id);
    // The weighed lines of a sale: grams and whether the scale, a label or a keyed weight gave them.
    [[nodiscard]] DbResult<std::vector<SaleLineWeight>> sale_line_weights(const std::string& sale_id);
    [[nodiscard]] DbResult<std::vector<std::string>> sale_ids();
    // The highest receipt number on this lane, nullopt before the first sale.
    [[nodiscard]] DbResult<std::optional<int64_t>> last_receipt_no();
    // The id of the sale with this receipt number, nullopt when there is none.
    [[nodiscard]] DbResult<std::optional<std::string>> sale_id_of_receipt(int64_t receipt_no);
    // How many items the catalog replica holds, counted only up to `limit` (count(*) of a
    // million items reads a whole index): a result above `limit` means "more than limit".
    [[nodiscard]] DbResult<int64_t> count_items_up_to(int64_t limit);

    [[nodiscard]] DbResult<std::vector<OutboxRecord>> unsynced(int64_t limit);

    // Several operations written as one: everything done through this LaneDb until commit()
    // is kept together, or rolled back when the handle goes without commit(). The writes inside
    // it (commit_sale, close_shift, ...) join it as savepoints (Transaction::begin_composite).
    [[nodiscard]] DbResult<Transaction> begin_transaction();
    // Checkpoints only when asked (the sync worker between its passes), so a sale commit never
    // carries one (docs/performance.md).
    [[nodiscard]] DbStatus stop_automatic_checkpoints();
    // Copies what the WAL holds into the file, without waiting on readers or writers (PASSIVE).
    [[nodiscard]] DbStatus checkpoint();
    // PRAGMA quick_check of the whole file (db/shared/integrity_check.hpp); `consequence` says
    // in the error what the damage means for the lane; `stop` ends it early (the worker stopping).
    [[nodiscard]] DbStatus check_whole_file(const std::string& consequence, const std::stop_token& stop = {});
    // Folds the WAL into the file and stops using one, so the file is whole on its own (before
    // it is renamed into place); fails when the journal mode could not be changed.
    [[nodiscard]] DbStatus leave_wal();
    // The file this database was opened from.
    [[nodiscard]] const std::string& path() const { return connection_->path(); }

    // For db/ and tests only: pos/ and sync/ ask for operations, never for the connection
    // (checked at build time by cmake/CheckStorageCalls.cmake).
    [[nodiscard]] Connection& connection() { return *connection_; }

private:
    explicit LaneDb(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
    std::unique_ptr<Connection> connection_;
};

}  // namespace pos::db
