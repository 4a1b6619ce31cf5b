// lane.db's payment_attempts: the journal of payment-code charges. An attempt is committed
// before its request leaves the lane, so a lane killed at any moment finds every open attempt
// when it starts again. Its own connection, for the payment worker's thread; calls are
// serialised by a mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

struct PaymentAttemptRecord {
    std::string out_trade_no;
    std::string provider;     // wechat, alipay, unionpay
    std::string masked_code;  // 1346**********8540
    int64_t amount_fen = 0;
    std::string ticket_ref;
    std::string state;  // requested, waiting, unknown, paid, failed, closed
    std::string transaction_id;
    std::string last_code;
    std::string last_message;
    std::string created_at;
    std::string updated_at;
    std::string sale_id;
};

// A refund of a payment-code order (a return paid back to the customer's WeChat or Alipay).
struct PaymentRefundRecord {
    std::string out_refund_no;
    std::string out_trade_no;
    int64_t refund_fen = 0;
    int64_t total_fen = 0;
    std::string return_id;
    std::string state;  // requested, processing, unknown, refunded, failed
    std::string last_code;
    std::string last_message;
    std::string created_at;
    std::string updated_at;
};

// Inside a return's transaction (its guard): `fen` given back to the customer's `provider` account
// for sale `sale_id`, journaled with the return so a refund is never lost and never made without
// its return. Spread over the sale's paid orders of that provider, each at most what is left of
// it; numbered R<out_trade_no>-<n>. Refused (constraint) when the orders cannot cover it.
[[nodiscard]] DbStatus journal_refunds(LaneDb& lane, const std::string& sale_id, const std::string& provider,
                                       int64_t fen, const std::string& return_id, const std::string& now);

class PaymentJournal {
public:
    // Opens an existing, migrated lane.db (LaneDb::open ran the migrations).
    [[nodiscard]] static DbResult<std::unique_ptr<PaymentJournal>> open(const std::string& lane_db_path);

    // A new attempt in state `requested`, numbered L<lane>-<yyyymmdd>-<seq> for the day of `now`.
    // Refused (constraint) while the ticket has an attempt that is not final: a second charge of a
    // sale starts only once the first is settled. Refused too for a code that is not masked.
    [[nodiscard]] DbResult<PaymentAttemptRecord> begin(const std::string& provider, const std::string& masked_code,
                                                       int64_t amount_fen, const std::string& ticket_ref, int64_t lane,
                                                       const std::string& now);
    // What the gateway answered. A final state stays final; only a paid attempt may become closed
    // (reversed and refunded). An answer that would break that is refused (constraint).
    [[nodiscard]] DbStatus record(const std::string& out_trade_no, const std::string& state,
                                  const std::string& transaction_id, const std::string& code,
                                  const std::string& message, const std::string& now);
    // The sale a paid attempt completed.
    [[nodiscard]] DbStatus attach_sale(const std::string& out_trade_no, const std::string& sale_id);
    // Attempts not yet final, oldest first: what a restarted lane settles before it sells.
    [[nodiscard]] DbResult<std::vector<PaymentAttemptRecord>> open_attempts();
    [[nodiscard]] DbResult<std::optional<PaymentAttemptRecord>> find(const std::string& out_trade_no);
    // Paid attempts whose sale never completed (no sale carries their ticket_ref as its id): a lane
    // killed between the payment and the sale. Only a lane starting up may reverse them; while it
    // sells, its open ticket's paid part looks the same.
    [[nodiscard]] DbResult<std::vector<PaymentAttemptRecord>> paid_without_sale();
    // The paid attempts a sale rests on (for its refunds).
    [[nodiscard]] DbResult<std::vector<PaymentAttemptRecord>> paid_for_sale(const std::string& sale_id);
    // Every attempt created on `day` (yyyy-mm-dd): what the lane compares with the gateway's statement.
    [[nodiscard]] DbResult<std::vector<PaymentAttemptRecord>> attempts_of_day(const std::string& day);

    // A refund's answer; refunded and failed are final.
    [[nodiscard]] DbStatus record_refund(const std::string& out_refund_no, const std::string& state,
                                         const std::string& code, const std::string& message, const std::string& now);
    [[nodiscard]] DbResult<std::vector<PaymentRefundRecord>> open_refunds();
    [[nodiscard]] DbResult<std::optional<PaymentRefundRecord>> find_refund(const std::string& out_refund_no);
    [[nodiscard]] DbResult<std::vector<PaymentRefundRecord>> refunds_of_return(const std::string& return_id);
    // The refunds made on `day` (yyyy-mm-dd), for reconciliation.
    [[nodiscard]] DbResult<std::vector<PaymentRefundRecord>> refunds_of_day(const std::string& day);

private:
    explicit PaymentJournal(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
    DbResult<std::vector<PaymentAttemptRecord>> select(const std::string& where, const std::string& value);
    DbResult<std::vector<PaymentRefundRecord>> select_refunds(const std::string& where, const std::string& value);
    std::mutex mutex_;
    std::unique_ptr<Connection> connection_;
};

}  // namespace pos::db
