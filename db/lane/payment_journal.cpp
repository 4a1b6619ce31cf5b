// The payment journal's SQL: numbering, the one-open-attempt-per-ticket rule, final states.
#include "db/lane/payment_journal.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pos::db {
namespace {

constexpr const char* columns =
    "out_trade_no, provider, masked_code, amount_fen, ticket_ref, state, coalesce(transaction_id, ''), "
    "coalesce(last_code, ''), coalesce(last_message, ''), created_at, updated_at, coalesce(sale_id, '')";

constexpr const char* refund_columns =
    "out_refund_no, out_trade_no, refund_fen, total_fen, return_id, state, coalesce(last_code, ''), "
    "coalesce(last_message, ''), created_at, updated_at";

// A whole code is 16–24 digits; a masked one has its middle starred.
bool looks_unmasked(const std::string& code) {
    size_t digits = 0;
    for (char c : code) digits += c >= '0' && c <= '9';
    return digits >= 12;
}

}  // namespace

DbResult<std::unique_ptr<PaymentJournal>> PaymentJournal::open(const std::string& lane_db_path) {
    auto connection = Connection::open(lane_db_path, false);
    if (!connection) return connection.error();
    return std::unique_ptr<PaymentJournal>(new PaymentJournal(std::move(*connection)));
}

DbResult<PaymentAttemptRecord> PaymentJournal::begin(const std::string& provider, const std::string& masked_code,
                                                     int64_t amount_fen, const std::string& ticket_ref, int64_t lane,
                                                     const std::string& now) {
    std::lock_guard lock(mutex_);
    if (looks_unmasked(masked_code)) {
        return DbError{DbErrorCode::constraint, "a payment code is kept masked only: pass mask_payment_code()"};
    }
    auto transaction = Transaction::begin(*connection_);
    if (!transaction) return transaction.error();
    auto open = connection_->prepare(
        "SELECT out_trade_no FROM payment_attempts WHERE ticket_ref = ? AND state IN ('requested', 'waiting', "
        "'unknown')");
    if (!open) return open.error();
    Statement& pending = (*open)->bind(1, ticket_ref);
    auto row = pending.step();
    if (!row) return row.error();
    if (*row) {
        std::string other = pending.column_text(0);
        pending.reset();
        return DbError{DbErrorCode::constraint,
                       fmt::format("payment {} of this sale is not settled yet: wait for it before another", other)};
    }
    pending.reset();
    std::string day;
    for (char c : now.substr(0, 10)) {
        if (c != '-') day.push_back(c);
    }
    std::string prefix = fmt::format("L{}-{}-", lane, day);
    auto count = connection_->prepare("SELECT count(*) FROM payment_attempts WHERE out_trade_no LIKE ? || '%'");
    if (!count) return count.error();
    Statement& counted = (*count)->bind(1, prefix);
    auto counted_row = counted.step();
    if (!counted_row) return counted_row.error();
    int64_t seq = counted.column_int(0) + 1;
    counted.reset();
    PaymentAttemptRecord attempt{fmt::format("{}{:04}", prefix, seq),
                                 provider,
                                 masked_code,
                                 amount_fen,
                                 ticket_ref,
                                 "requested",
                                 {},
                                 {},
                                 {},
                                 now,
                                 now,
                                 {}};
    auto insert = connection_->prepare(
        "INSERT INTO payment_attempts (out_trade_no, provider, masked_code, amount_fen, ticket_ref, state, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'requested', ?, ?)");
    if (!insert) return insert.error();
    auto inserted = (*insert)
                        ->bind(1, attempt.out_trade_no)
                        .bind(2, provider)
                        .bind(3, masked_code)
                        .bind(4, amount_fen)
                        .bind(5, ticket_ref)
                        .bind(6, now)
                        .bind(7, now)
                        .run();
    if (!inserted) return inserted.error();
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return attempt;
}

DbStatus PaymentJournal::record(const std::string& out_trade_no, const std::string& state,
                                const std::string& transaction_id, const std::string& code, const std::string& message,
                                const std::string& now) {
    std::lock_guard lock(mutex_);
    auto update = connection_->prepare(
        "UPDATE payment_attempts SET state = ?, transaction_id = coalesce(nullif(?, ''), transaction_id), "
        "last_code = ?, last_message = ?, updated_at = ? WHERE out_trade_no = ? AND (state IN ('requested', "
        "'waiting', 'unknown') OR (state = 'paid' AND ? IN ('paid', 'closed')) OR state = ?)");
    if (!update) return update.error();
    auto updated = (*update)
                       ->bind(1, state)
                       .bind(2, transaction_id)
                       .bind(3, code)
                       .bind(4, message)
                       .bind(5, now)
                       .bind(6, out_trade_no)
                       .bind(7, state)
                       .bind(8, state)
                       .run();
    if (!updated) return updated.error();
    if (connection_->changes() == 0) {
        return DbError{DbErrorCode::constraint,
                       fmt::format("payment {} is unknown or already final: a final state stays final (only paid "
                                   "may become closed)",
                                   out_trade_no)};
    }
    return support::Done{};
}

DbStatus PaymentJournal::attach_sale(const std::string& out_trade_no, const std::string& sale_id) {
    std::lock_guard lock(mutex_);
    auto update =
        connection_->prepare("UPDATE payment_attempts SET sale_id = ? WHERE out_trade_no = ? AND state = 'paid'");
    if (!update) return update.error();
    if (auto updated = (*update)->bind(1, sale_id).bind(2, out_trade_no).run(); !updated) return updated.error();
    if (connection_->changes() == 0) {
        return DbError{DbErrorCode::constraint,
                       fmt::format("payment {} is not paid: no sale may rest on it", out_trade_no)};
    }
    return support::Done{};
}

DbResult<std::vector<PaymentAttemptRecord>> PaymentJournal::select(const std::string& where, const std::string& value) {
    auto statement =
        connection_->prepare(fmt::format("SELECT {} FROM payment_attempts WHERE {} ORDER BY created_at, "
                                         "out_trade_no",
                                         columns, where));
    if (!statement) return statement.error();
    Statement& query = value.empty() ? **statement : (*statement)->bind(1, value);
    std::vector<PaymentAttemptRecord> found;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        found.push_back({query.column_text(0), query.column_text(1), query.column_text(2), query.column_int(3),
                         query.column_text(4), query.column_text(5), query.column_text(6), query.column_text(7),
                         query.column_text(8), query.column_text(9), query.column_text(10), query.column_text(11)});
    }
    query.reset();
    return found;
}

DbResult<std::vector<PaymentAttemptRecord>> PaymentJournal::open_attempts() {
    std::lock_guard lock(mutex_);
    return select("state IN ('requested', 'waiting', 'unknown')", {});
}

DbResult<std::optional<PaymentAttemptRecord>> PaymentJournal::find(const std::string& out_trade_no) {
    std::lock_guard lock(mutex_);
    auto found = select("out_trade_no = ?", out_trade_no);
    if (!found) return found.error();
    if (found->empty()) return std::optional<PaymentAttemptRecord>{};
    return std::optional<PaymentAttemptRecord>(found->front());
}

DbResult<std::vector<PaymentAttemptRecord>> PaymentJournal::paid_without_sale() {
    std::lock_guard lock(mutex_);
    return select("state = 'paid' AND sale_id IS NULL AND NOT EXISTS (SELECT 1 FROM sales WHERE id = ticket_ref)", {});
}

DbResult<std::vector<PaymentAttemptRecord>> PaymentJournal::paid_for_sale(const std::string& sale_id) {
    std::lock_guard lock(mutex_);
    return select("state = 'paid' AND (sale_id = ?1 OR (sale_id IS NULL AND ticket_ref = ?1))", sale_id);
}

DbResult<std::vector<PaymentAttemptRecord>> PaymentJournal::attempts_of_day(const std::string& day) {
    std::lock_guard lock(mutex_);
    return select("substr(created_at, 1, 10) = ?", day);
}

DbStatus journal_refunds(LaneDb& lane, const std::string& sale_id, const std::string& provider, int64_t fen,
                         const std::string& return_id, const std::string& now) {
    Connection& connection = lane.connection();
    // The sale's paid orders of the provider, with what earlier refunds (not failed) took of each.
    auto orders = connection.prepare(
        "SELECT a.out_trade_no, a.amount_fen, coalesce((SELECT sum(r.refund_fen) FROM payment_refunds r "
        "WHERE r.out_trade_no = a.out_trade_no AND r.state != 'failed'), 0), "
        "(SELECT count(*) FROM payment_refunds r WHERE r.out_trade_no = a.out_trade_no) "
        "FROM payment_attempts a WHERE a.state = 'paid' AND a.provider = ? AND (a.sale_id = ?2 OR a.ticket_ref = ?2) "
        "ORDER BY a.created_at, a.out_trade_no");
    if (!orders) return orders.error();
    Statement& query = (*orders)->bind(1, provider).bind(2, sale_id);
    struct Room {
        std::string out_trade_no;
        int64_t total = 0;
        int64_t left = 0;
        int64_t count = 0;
    };
    std::vector<Room> rooms;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        rooms.push_back({query.column_text(0), query.column_int(1), query.column_int(1) - query.column_int(2),
                         query.column_int(3)});
    }
    query.reset();
    int64_t rest = fen;
    for (const Room& room : rooms) {
        int64_t part = std::min(rest, room.left);
        if (part <= 0) continue;
        auto insert = connection.prepare(
            "INSERT INTO payment_refunds (out_refund_no, out_trade_no, refund_fen, total_fen, return_id, state, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'requested', ?, ?)");
        if (!insert) return insert.error();
        auto inserted = (*insert)
                            ->bind(1, fmt::format("R{}-{}", room.out_trade_no, room.count + 1))
                            .bind(2, room.out_trade_no)
                            .bind(3, part)
                            .bind(4, room.total)
                            .bind(5, return_id)
                            .bind(6, now)
                            .bind(7, now)
                            .run();
        if (!inserted) return inserted.error();
        rest -= part;
    }
    if (rest > 0) {
        return DbError{DbErrorCode::constraint,
                       fmt::format("the sale's {} payments cannot cover a refund of {} fen more: this lane's payment "
                                   "journal has no order left for it",
                                   provider, rest)};
    }
    return support::Done{};
}

DbStatus PaymentJournal::record_refund(const std::string& out_refund_no, const std::string& state,
                                       const std::string& code, const std::string& message, const std::string& now) {
    std::lock_guard lock(mutex_);
    auto update = connection_->prepare(
        "UPDATE payment_refunds SET state = ?, last_code = ?, last_message = ?, updated_at = ? "
        "WHERE out_refund_no = ? AND (state IN ('requested', 'processing', 'unknown') OR state = ?)");
    if (!update) return update.error();
    auto updated = (*update)
                       ->bind(1, state)
                       .bind(2, code)
                       .bind(3, message)
                       .bind(4, now)
                       .bind(5, out_refund_no)
                       .bind(6, state)
                       .run();
    if (!updated) return updated.error();
    if (connection_->changes() == 0) {
        return DbError{DbErrorCode::constraint,
                       fmt::format("refund {} is unknown or already final: a final state stays final", out_refund_no)};
    }
    return support::Done{};
}

DbResult<std::vector<PaymentRefundRecord>> PaymentJournal::select_refunds(const std::string& where,
                                                                          const std::string& value) {
    auto statement = connection_->prepare(fmt::format(
        "SELECT {} FROM payment_refunds WHERE {} ORDER BY created_at, out_refund_no", refund_columns, where));
    if (!statement) return statement.error();
    Statement& query = value.empty() ? **statement : (*statement)->bind(1, value);
    std::vector<PaymentRefundRecord> found;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        found.push_back({query.column_text(0), query.column_text(1), query.column_int(2), query.column_int(3),
                         query.column_text(4), query.column_text(5), query.column_text(6), query.column_text(7),
                         query.column_text(8), query.column_text(9)});
    }
    query.reset();
    return found;
}

DbResult<std::vector<PaymentRefundRecord>> PaymentJournal::open_refunds() {
    std::lock_guard lock(mutex_);
    return select_refunds("state IN ('requested', 'processing', 'unknown')", {});
}

DbResult<std::optional<PaymentRefundRecord>> PaymentJournal::find_refund(const std::string& out_refund_no) {
    std::lock_guard lock(mutex_);
    auto found = select_refunds("out_refund_no = ?", out_refund_no);
    if (!found) return found.error();
    if (found->empty()) return std::optional<PaymentRefundRecord>{};
    return std::optional<PaymentRefundRecord>(found->front());
}

DbResult<std::vector<PaymentRefundRecord>> PaymentJournal::refunds_of_return(const std::string& return_id) {
    std::lock_guard lock(mutex_);
    return select_refunds("return_id = ?", return_id);
}

DbResult<std::vector<PaymentRefundRecord>> PaymentJournal::refunds_of_day(const std::string& day) {
    std::lock_guard lock(mutex_);
    return select_refunds("substr(created_at, 1, 10) = ?", day);
}

}  // namespace pos::db
