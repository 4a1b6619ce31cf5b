// The lane's payment-code desk (付款码): journals each attempt before its request leaves, charges
// the code through the provider's gateway, and drives every order to a final state — paid, failed
// or closed (reversed) — and every refund to refunded or failed (docs/payments.md "Every order
// ends final"). Calls block: the checkout runs them on its payment worker, posctl and action
// scripts in their own thread. The journal is lane.db's payment_attempts / payment_refunds.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/lane/payment_journal.hpp"
#include "payments/gateway.hpp"
#include "pos/actions/lane_types.hpp"
#include "pos/actions/payments/payment_config.hpp"
#include "pos/actions/setup/config.hpp"
#include "pos/core/money.hpp"
#include "pos/core/payment_code.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// Another thread's say in a running drive: cancel (the cashier's Esc: reverse the order) or stop
// (the program is closing: leave the order open for the next start to settle).
class PaymentControl {
public:
    void cancel();
    void stop();
    // A stop that comes by itself once `limit` has passed (a command that must not wait forever on a
    // silent gateway).
    void stop_after(std::chrono::milliseconds limit);
    [[nodiscard]] bool cancelled() const;
    [[nodiscard]] bool stopped() const;
    // Waits `duration`, less if cancel() or stop() is called (or the stop_after limit passes)
    // meanwhile; true when one was.
    bool wait(std::chrono::milliseconds duration);

private:
    [[nodiscard]] bool past_deadline() const;

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool cancelled_ = false;
    bool stopped_ = false;
    int changes_ = 0;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
};

// What the cashier sees while an order is open (等待顾客输入密码 and its countdown).
struct PaymentProgress {
    std::string out_trade_no;
    std::string provider;
    std::string state;  // requested, waiting, unknown, paid, failed, closed
    int64_t seconds_left = 0;
    bool cancelling = false;
    std::string code;     // the gateway's last code (USERPAYING, NOTENOUGH, no_answer ...)
    std::string message;  // its words
};

using ProgressListener = std::function<void(const PaymentProgress&)>;

struct SettledAtStart {
    std::vector<CodeOrder> orders;    // as they ended
    std::vector<CodeRefund> refunds;  // as they ended
    bool all_final = true;            // false: the control was stopped first (the rest listed as they stood)
};

class PaymentDesk {
public:
    // The journal on lane.db and the gateways of `config` (keys read when first needed, from
    // `data_dir`). `store_id` names the store to the providers.
    [[nodiscard]] static core::Result<std::unique_ptr<PaymentDesk>> open(const std::string& lane_db_path,
                                                                         PaymentConfig config, std::string data_dir,
                                                                         std::string store_id, int lane);

    [[nodiscard]] bool configured() const { return config_.any(); }
    [[nodiscard]] const PaymentConfig& config() const { return config_; }
    // Every order created on `day` (yyyy-mm-dd) and the refunds made that day, for reconciliation.
    [[nodiscard]] core::Result<std::vector<CodeOrder>> orders_of_day(const std::string& day);
    [[nodiscard]] core::Result<std::vector<CodeRefund>> refunds_of_day(const std::string& day);
    // The paid orders a sale rests on, for its refunds.
    [[nodiscard]] core::Result<std::vector<CodeOrder>> paid_for_sale(const std::string& sale_id);
    // The provider's gateway, made from [payments] when first asked for.
    [[nodiscard]] core::Result<payments::Gateway*> gateway(const std::string& provider);
    [[nodiscard]] int lane() const { return lane_; }

    // Classifies the code, checks its provider is set up, and journals the attempt (masked code
    // only) for `amount` of the ticket `ticket_ref`. Nothing has been charged yet.
    [[nodiscard]] core::Result<CodeOrder> begin(std::string_view code, core::Money amount,
                                                const std::string& ticket_ref, const std::string& now);
    // Charges `code` for the journaled attempt and drives the order until it is final: paid, failed,
    // or closed when the customer did not confirm in time or the control was cancelled (a paid order
    // is then reversed, which refunds it). Returns the attempt as journaled at the end.
    [[nodiscard]] CodeOrder charge(const CodeOrder& attempt, std::string code, PaymentControl& control,
                                   const ProgressListener& progress = {});
    // Reverses an order whose sale cannot complete, until closed (or the control is cancelled).
    [[nodiscard]] CodeOrder reverse(const CodeOrder& attempt, PaymentControl& control,
                                    const ProgressListener& progress = {});
    // Drives a journaled refund (payment_refunds) until refunded or failed.
    [[nodiscard]] CodeRefund refund(const CodeRefund& refund, PaymentControl& control);
    // Drives the refunds journaled with the return `return_id` (none: an empty list).
    [[nodiscard]] core::Result<std::vector<CodeRefund>> refund_return(const std::string& return_id,
                                                                      PaymentControl& control);
    // When a lane starts, before it sells: every open order and every paid order whose sale never
    // completed is reversed until closed; every open refund is driven to final.
    [[nodiscard]] core::Result<SettledAtStart> settle_at_start(PaymentControl& control,
                                                               const ProgressListener& progress = {});

private:
    PaymentDesk(std::unique_ptr<db::PaymentJournal> journal, PaymentConfig config, std::string data_dir,
                std::string store_id, int lane);
    // The loop after the charge (or from the journal's last word): query, then cancel, until final.
    [[nodiscard]] CodeOrder drive(const CodeOrder& attempt, payments::GatewayAnswer answer, bool reverse_wanted,
                                  std::chrono::steady_clock::time_point charged, PaymentControl& control,
                                  const ProgressListener& progress);
    [[nodiscard]] CodeOrder journaled(const CodeOrder& attempt);
    void journal_answer(const std::string& out_trade_no, const payments::GatewayAnswer& answer);

    std::unique_ptr<db::PaymentJournal> journal_;
    PaymentConfig config_;
    std::string data_dir_;
    std::string store_id_;
    int lane_ = 1;
    std::mutex gateways_mutex_;
    std::map<std::string, std::unique_ptr<payments::Gateway>> gateways_;
};

// The desk of the lane in `data_dir` (its lane.db and [payments]); null when [payments] sets up
// no provider.
[[nodiscard]] core::Result<std::unique_ptr<PaymentDesk>> open_payment_desk(const std::string& data_dir,
                                                                           const LaneConfig& config);

}  // namespace pos::actions
