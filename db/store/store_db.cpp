// store.db: opening, the catalog master, and the lanes' sales and shifts as sync delivers them.
#include "db/store/store_db.hpp"

#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/shared/audit_log.hpp"
#include "db/shared/catalog_tables.hpp"
#include "db/shared/members.hpp"
#include "db/shared/migrations.hpp"
#include "db/shared/outbox_payload.hpp"
#include "db/shared/sale_rows.hpp"
#include "db/shared/stock_scan_payload.hpp"
#include "db/store/audit_anchor.hpp"
#include "db/store/daily_check.hpp"
#include "db/store/kept_aside.hpp"
#include "db/store/stock_scans.hpp"

namespace pos::db {
namespace {

// Inserts the sale unless its UUID is already there; lines and tenders only with a new row.
DbResult<bool> insert_sale(Connection& connection, const SaleRecord& sale, const std::string& received_at) {
    auto header = connection.prepare(
        "INSERT INTO sales (id, receipt_no, lane, shift_id, operator, completed_at, total_fen, rounding_fen, "
        "paid_fen, change_fen, item_count_milli, received_at, kind, original_sale_id, reason, approved_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
    if (!header) return header.error();
    Statement& row = **header;
    row.bind(1, sale.id).bind(2, sale.receipt_no).bind(3, sale.lane).bind(4, sale.shift_id).bind(5, sale.operator_id);
    row.bind(6, sale.completed_at).bind(7, sale.total_fen).bind(8, sale.rounding_fen).bind(9, sale.paid_fen);
    row.bind(10, sale.change_fen).bind(11, sale.item_count_milli).bind(12, received_at);
    bind_return_columns(row, sale, 13);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    if (connection.changes() == 0) return false;

    if (auto rows = insert_sale_lines_and_tenders(connection, sale); !rows) return rows.error();
    return true;
}

DbResult<bool> insert_shift(Connection& connection, const ShiftRecord& shift, const std::string& received_at) {
    auto statement = connection.prepare(
        "INSERT INTO shifts (id, lane, operator, opened_at, float_fen, closed_at, received_at, float_counts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
    if (!statement) return statement.error();
    Statement& row = (**statement).bind(1, shift.id).bind(2, shift.lane).bind(3, shift.operator_id);
    row.bind(4, shift.opened_at).bind(5, shift.float_fen).bind(7, received_at);
    if (shift.closed_at)
        row.bind(6, *shift.closed_at);
    else
        row.bind_null(6);
    if (shift.float_counts.empty())
        row.bind_null(8);
    else
        row.bind(8, shift.float_counts);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    return connection.changes() == 1;
}

DbResult<bool> insert_shift_close(Connection& connection, const StoreShiftClose& close,
                                  const std::string& received_at) {
    auto statement = connection.prepare(
        "INSERT INTO shift_closes (shift_id, lane, operator, opened_at, closed_at, expected_cash_fen, "
        "counted_cash_fen, "
        "largest_variance_fen, approver, reason, report, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (shift_id) DO NOTHING");
    if (!statement) return statement.error();
    Statement& row = (**statement).bind(1, close.shift_id).bind(2, close.lane).bind(3, close.operator_id);
    row.bind(4, close.opened_at)
        .bind(5, close.closed_at)
        .bind(6, close.expected_cash_fen)
        .bind(7, close.counted_cash_fen);
    row.bind(8, close.largest_variance_fen).bind(9, close.approver).bind(10, close.reason).bind(11, close.report);
    row.bind(12, received_at);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    return connection.changes() == 1;
}

DbResult<bool> insert_cash_movement(Connection& connection, const StoreCashMovement& movement,
                                    const std::string& received_at) {
    auto statement = connection.prepare(
        "INSERT INTO cash_movements (id, shift_id, lane, kind, amount_fen, reason, operator, approver, at, "
        "received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
    if (!statement) return statement.error();
    Statement& row = (**statement).bind(1, movement.id).bind(2, movement.shift_id).bind(3, movement.lane);
    row.bind(4, movement.kind).bind(5, movement.amount_fen).bind(6, movement.reason).bind(7, movement.operator_id);
    row.bind(8, movement.approver).bind(9, movement.at).bind(10, received_at);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    return connection.changes() == 1;
}

// A new sale whose business day is already closed is kept (it is in sales) and flagged late on
// that day. Its day: the one that counted its shift, else the first day closed after its shift
// opened (after the sale itself, when its shift never reached the store). julianday() reads the
// lanes' ISO 8601 offsets, so lanes on different offsets compare correctly. Same rule as
// pos/core/business_day.hpp, which decides the open day's shifts.
DbStatus flag_if_late(Connection& connection, const SaleRecord& sale, const std::string& received_at) {
    auto day = connection.prepare(
        "SELECT coalesce((SELECT day FROM business_day_shifts WHERE shift_id = ?1), "
        "(SELECT day FROM business_days WHERE julianday(closed_at) > "
        "julianday(coalesce((SELECT opened_at FROM shifts WHERE id = ?1), ?2)) ORDER BY julianday(closed_at) LIMIT "
        "1))");
    if (!day) return day.error();
    Statement& query = (**day).bind(1, sale.shift_id).bind(2, sale.completed_at);
    auto row = query.step();
    if (!row) return row.error();
    std::optional<std::string> closed_day;
    if (*row && !query.column_is_null(0)) closed_day = query.column_text(0);
    query.reset();
    if (!closed_day) return support::Done{};
    auto late = connection.prepare("INSERT INTO late_sales (sale_id, day, total_fen, received_at) VALUES (?, ?, ?, ?)");
    if (!late) return late.error();
    if (auto inserted =
            (**late).bind(1, sale.id).bind(2, *closed_day).bind(3, sale.total_fen).bind(4, received_at).run();
        !inserted) {
        return inserted.error();
    }
    auto count = connection.prepare(
        "UPDATE business_days SET late_sales = late_sales + 1, late_net_fen = late_net_fen + ? WHERE day = ?");
    if (!count) return count.error();
    return (**count).bind(1, sale.total_fen).bind(2, *closed_day).run();
}

// The journal of every delivered record; true when this (kind, ref) is new.
DbResult<bool> insert_received(Connection& connection, const OutboxRecord& record, std::optional<int64_t> lane,
                               const std::string& received_at) {
    auto statement = connection.prepare(
        "INSERT INTO received (kind, ref, lane, payload, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, ref) DO NOTHING");
    if (!statement) return statement.error();
    Statement& row = (**statement).bind(1, record.kind).bind(2, record.ref);
    if (lane)
        row.bind(3, *lane);
    else
        row.bind_null(3);
    row.bind(4, record.payload).bind(5, record.created_at).bind(6, received_at);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    return connection.changes() == 1;
}

std::optional<int64_t> payload_lane(const std::string& payload) {
    nlohmann::json root = nlohmann::json::parse(payload, nullptr, false);
    if (root.is_object() && root.contains("lane") && root["lane"].is_number_integer())
        return root["lane"].get<int64_t>();
    return std::nullopt;
}

DbError unreadable(const OutboxRecord& record, const DbError& error) {
    return DbError{error.code,
                   fmt::format("{} {} (outbox #{}): {}; nothing in this batch was stored, the lane keeps it",
                               record.kind, record.ref, record.seq, error.message)};
}

// Shift closes and cash movements delivered before the store filed them (schema 0002 kept them
// only in `received`) are filed once, so the end of day knows those shifts are closed.
// Writes nothing when there is nothing to file; an unreadable payload stays in `received` only.
DbStatus file_received(Connection& connection) {
    auto pending = connection.prepare(
        "SELECT kind, payload, received_at FROM received WHERE (kind = 'shift_close' AND ref NOT IN "
        "(SELECT shift_id FROM shift_closes)) OR (kind = 'cash_movement' AND ref NOT IN (SELECT id FROM "
        "cash_movements)) "
        "ORDER BY received_at");
    if (!pending) return pending.error();
    std::vector<std::array<std::string, 3>> rows;
    for (;;) {
        auto row = (**pending).step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back({(**pending).column_text(0), (**pending).column_text(1), (**pending).column_text(2)});
    }
    (**pending).reset();
    if (rows.empty()) return support::Done{};
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    for (const auto& [kind, payload, received_at] : rows) {
        if (kind == "shift_close") {
            auto close = parse_shift_close_payload(payload);
            if (!close) continue;
            if (auto inserted = insert_shift_close(connection, *close, received_at); !inserted) return inserted.error();
        } else {
            auto movement = parse_cash_movement_payload(payload);
            if (!movement) continue;
            if (auto inserted = insert_cash_movement(connection, *movement, received_at); !inserted)
                return inserted.error();
        }
    }
    return transaction->commit();
}

}  // namespace

DbResult<std::unique_ptr<StoreDb>> StoreDb::open(const std::string& path, bool create, DailyCheck daily) {
    auto connection = open_checked(path, create, store_migrations(), IntegrityScope::store_without_history());
    if (!connection) return connection.error();
    if (daily == DailyCheck::at_open) {
        if (auto checked = db::check_whole_file_daily(**connection); !checked) return checked.error();
    }
    if (auto filed = file_received(**connection); !filed) return filed.error();
    return std::unique_ptr<StoreDb>(new StoreDb(std::move(*connection)));
}

DbStatus StoreDb::check_whole_file_daily(const std::stop_token& stop) {
    return db::check_whole_file_daily(*connection_, stop);
}

DbResult<std::unique_ptr<StoreDb>> StoreDb::open_for_reading(const std::string& path) {
    auto connection = Connection::open(path, false);
    if (!connection) return connection.error();
    if (auto migrated = migrate(**connection, store_migrations()); !migrated) return migrated.error();
    return std::unique_ptr<StoreDb>(new StoreDb(std::move(*connection)));
}

DbStatus StoreDb::replace_catalog(const std::vector<ItemRecord>& items, const RowsWritten& progress) {
    // The version moves with the items, in one transaction: the lanes fetch the new catalog.
    auto transaction = Transaction::begin(*connection_);
    if (!transaction) return transaction.error();
    if (auto written = write_catalog(*connection_, items, progress); !written) return written;
    if (auto bumped = connection_->exec("UPDATE catalog_version SET version = version + 1, "
                                        "changed_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = 1");
        !bumped) {
        return bumped;
    }
    return transaction->commit();
}

DbResult<std::vector<ItemRecord>> StoreDb::all_items() { return read_catalog(*connection_); }

DbResult<std::optional<ItemRecord>> StoreDb::find_item_by_sku(const std::string& sku) {
    return db::find_item_by_sku(*connection_, sku);
}

namespace {

// What one record was filed as: its lane, whether it was new, and what of the audit riding with it
// was kept aside.
struct Filed {
    std::optional<int64_t> lane;
    bool was_new = false;
    std::vector<KeptAside> audit_aside;
};

// The record already held under (kind, ref): its lane and payload.
struct Held {
    std::optional<int64_t> lane;
    std::string payload;
};

DbResult<std::optional<Held>> held_record(Connection& connection, const OutboxRecord& record) {
    auto query = connection.prepare("SELECT lane, payload FROM received WHERE kind = ? AND ref = ?");
    if (!query) return query.error();
    Statement& row = (**query).bind(1, record.kind).bind(2, record.ref);
    auto found = row.step();
    if (!found) return found.error();
    std::optional<Held> held;
    if (*found) {
        held = Held{};
        if (!row.column_is_null(0)) held->lane = row.column_int(0);
        held->payload = row.column_text(1);
    }
    row.reset();
    return held;
}

// Record ids are scoped by lane: a record naming a shift the store knows as another lane's is
// refused, so no lane can close, count or sell into another lane's shift (issue #17).
DbStatus check_shift_owner(Connection& connection, const OutboxRecord& record, const std::string& shift_id,
                           int64_t lane) {
    auto query = connection.prepare("SELECT lane FROM shifts WHERE id = ?");
    if (!query) return query.error();
    Statement& row = (**query).bind(1, shift_id);
    auto found = row.step();
    if (!found) return found.error();
    std::optional<int64_t> owner;
    if (*found) owner = row.column_int(0);
    row.reset();
    if (owner && *owner != lane) {
        return DbError{DbErrorCode::refused,
                       fmt::format("the {} record {} of lane {} names shift {}, which is lane {}'s: a lane writes only "
                                   "into its own shifts; nothing of this batch was stored",
                                   record.kind, record.ref, lane, shift_id, *owner)};
    }
    return support::Done{};
}

DbError mismatched_ref(const char* field) {
    return DbError{DbErrorCode::other, fmt::format("its {} differs from the outbox ref", field)};
}

// Files one record into its table(s); an error of code `other` or `constraint` means this record
// cannot be stored (it is quarantined), any other fails the batch.
DbResult<Filed> file_record(Connection& connection, const OutboxRecord& record, const std::string& received_at) {
    Filed filed;
    std::optional<bool> inserted_row;  // set for kinds with their own table
    if (record.kind == "sale") {
        auto sale = parse_sale_payload(record.payload);
        if (!sale) return sale.error();
        if (sale->id != record.ref) return mismatched_ref("sale_id");
        if (auto owned = check_shift_owner(connection, record, sale->shift_id, sale->lane); !owned)
            return owned.error();
        filed.lane = sale->lane;
        auto inserted = insert_sale(connection, *sale, received_at);
        if (!inserted) return inserted.error();
        if (*inserted) {
            if (auto flagged = flag_if_late(connection, *sale, received_at); !flagged) return flagged.error();
        }
        inserted_row = *inserted;
    } else if (record.kind == "shift") {
        auto shift = parse_shift_payload(record.payload);
        if (!shift) return shift.error();
        if (shift->id != record.ref) return mismatched_ref("shift_id");
        if (auto owned = check_shift_owner(connection, record, shift->id, shift->lane); !owned) return owned.error();
        filed.lane = shift->lane;
        auto inserted = insert_shift(connection, *shift, received_at);
        if (!inserted) return inserted.error();
        inserted_row = *inserted;
    } else if (record.kind == "shift_close") {
        auto close = parse_shift_close_payload(record.payload);
        if (!close) return close.error();
        if (close->shift_id != record.ref) return mismatched_ref("shift_id");
        if (auto owned = check_shift_owner(connection, record, close->shift_id, close->lane); !owned)
            return owned.error();
        filed.lane = close->lane;
        auto inserted = insert_shift_close(connection, *close, received_at);
        if (!inserted) return inserted.error();
        inserted_row = *inserted;
    } else if (record.kind == "cash_movement") {
        auto movement = parse_cash_movement_payload(record.payload);
        if (!movement) return movement.error();
        if (movement->id != record.ref) return mismatched_ref("id");
        if (auto owned = check_shift_owner(connection, record, movement->shift_id, movement->lane); !owned)
            return owned.error();
        filed.lane = movement->lane;
        auto inserted = insert_cash_movement(connection, *movement, received_at);
        if (!inserted) return inserted.error();
        inserted_row = *inserted;
    } else if (record.kind == "member_movement") {
        auto movement = parse_member_movement_payload(record.payload);
        if (!movement) return movement.error();
        if (movement->id != record.ref) return mismatched_ref("id");
        filed.lane = movement->lane;
        auto inserted = file_member_movement(connection, *movement, received_at);
        if (!inserted) return inserted.error();
        inserted_row = *inserted;
    } else if (record.kind == "stock_scan") {
        auto scan = parse_stock_scan_payload(record.payload);
        if (!scan) return scan.error();
        if (scan->id != record.ref) return mismatched_ref("id");
        filed.lane = scan->lane;
        auto inserted = file_stock_scan(connection, *scan, received_at);
        if (!inserted) return inserted.error();
        inserted_row = *inserted;
    } else {
        filed.lane = payload_lane(record.payload);
    }
    // The lane's audit records ride along with its records (lane migration 0007).
    auto anchored = anchor_attached_audit(connection, record.payload, received_at);
    if (!anchored) return anchored.error();
    filed.audit_aside = std::move(*anchored);
    auto journaled = insert_received(connection, record, filed.lane, received_at);
    if (!journaled) return journaled.error();
    filed.was_new = inserted_row.value_or(*journaled);
    return filed;
}

bool cannot_be_stored(DbErrorCode code) { return code == DbErrorCode::other || code == DbErrorCode::constraint; }

}  // namespace

DbResult<std::vector<Acknowledged>> StoreDb::apply_batch(const std::vector<OutboxRecord>& batch,
                                                         const std::string& received_at) {
    auto transaction = Transaction::begin(*connection_);
    if (!transaction) return transaction.error();
    std::vector<Acknowledged> acknowledged;
    acknowledged.reserve(batch.size());
    for (const OutboxRecord& record : batch) {
        Acknowledged ack{record.kind, record.ref, false, {}, {}};
        auto held = held_record(*connection_, record);
        if (!held) return held.error();
        if (*held) {
            // Already there: the same content is a repeat (a lost acknowledgement); different
            // content is never written over what the store holds, nor dropped.
            if ((*held)->payload != record.payload) {
                int64_t lane = payload_lane(record.payload).value_or((*held)->lane.value_or(0));
                ack.aside = "conflict";
                ack.reason = fmt::format("the store already holds a different {} {}{}", record.kind, record.ref,
                                         (*held)->lane && *(*held)->lane != lane
                                             ? fmt::format(", delivered by lane {}", *(*held)->lane)
                                             : std::string{});
                KeptAside kept{
                    0,           lane, record.kind, record.ref, ack.aside, ack.reason, (*held)->payload, record.payload,
                    received_at, {},   {},          {}};
                if (auto kept_aside = keep_aside(*connection_, kept); !kept_aside) return kept_aside.error();
            }
            acknowledged.push_back(std::move(ack));
            continue;
        }
        // This record alone rolls back when it cannot be stored; the rest of the batch goes on.
        auto filed = [&]() -> DbResult<Filed> {
            auto one = Transaction::savepoint(*connection_);
            if (!one) return one.error();
            auto done = file_record(*connection_, record, received_at);
            if (!done) return done.error();
            if (auto released = one->commit(); !released) return released.error();
            return done;
        }();
        if (!filed) {
            if (filed.error().code == DbErrorCode::refused) return filed.error();
            if (!cannot_be_stored(filed.error().code)) return unreadable(record, filed.error());
            ack.aside = "quarantine";
            ack.reason = fmt::format("{} {} (outbox #{}) cannot be stored: {}", record.kind, record.ref, record.seq,
                                     filed.error().message);
            KeptAside kept{0,           payload_lane(record.payload).value_or(0),
                           record.kind, record.ref,
                           ack.aside,   ack.reason,
                           {},          record.payload,
                           received_at, {},
                           {},          {}};
            if (auto kept_aside = keep_aside(*connection_, kept); !kept_aside) return kept_aside.error();
            // The audit records riding with it still extend the lane's chain when they can be
            // read, so one unreadable record does not fork the chain behind it.
            auto audit = [&]() -> DbStatus {
                auto one = Transaction::savepoint(*connection_);
                if (!one) return one.error();
                auto anchored = anchor_attached_audit(*connection_, record.payload, received_at);
                if (!anchored) return anchored.error();
                return one->commit();
            }();
            if (!audit && !cannot_be_stored(audit.error().code)) return unreadable(record, audit.error());
            acknowledged.push_back(std::move(ack));
            continue;
        }
        ack.was_new = filed->was_new;
        if (!filed->audit_aside.empty()) {
            const KeptAside& first = filed->audit_aside.front();
            ack.aside = first.why;
            ack.reason = first.reason;
        }
        acknowledged.push_back(std::move(ack));
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return acknowledged;
}

}  // namespace pos::db
