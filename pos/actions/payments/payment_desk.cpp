// The payment-code desk: journal first, then the gateway, then the closed loop to a final state.
#include "pos/actions/payments/payment_desk.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "pos/actions/scripts/session.hpp"
#include "pos/core/payment_flow.hpp"

namespace pos::actions {
namespace {

using core::ErrorCode;
using core::make_error;
using payments::GatewayAnswer;
using payments::OrderState;
using SteadyClock = std::chrono::steady_clock;

core::OrderStanding standing_of(OrderState state) {
    switch (state) {
        case OrderState::paid: return core::OrderStanding::paid;
        case OrderState::waiting: return core::OrderStanding::waiting;
        case OrderState::failed: return core::OrderStanding::failed;
        case OrderState::closed: return core::OrderStanding::closed;
        case OrderState::unknown: break;
    }
    return core::OrderStanding::unclear;
}

int64_t elapsed_ms(SteadyClock::time_point since) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - since).count();
}

CodeOrder to_order(const db::PaymentAttemptRecord& record) {
    return CodeOrder{record.out_trade_no, record.provider,  record.masked_code,    core::Money::fen(record.amount_fen),
                     record.ticket_ref,   record.state,     record.transaction_id, record.last_code,
                     record.last_message, record.created_at};
}

CodeRefund to_refund(const db::PaymentRefundRecord& record) {
    return CodeRefund{record.out_refund_no, record.out_trade_no, core::Money::fen(record.refund_fen),
                      record.return_id,     record.state,        record.last_code,
                      record.last_message};
}

template <typename Record, typename Value>
core::Result<std::vector<Value>> converted(db::DbResult<std::vector<Record>> records, Value (*convert)(const Record&)) {
    if (!records) {
        return make_error(ErrorCode::storage,
                          "the payment journal in lane.db cannot be read: " + records.error().message);
    }
    std::vector<Value> values;
    for (const Record& record : *records) values.push_back(convert(record));
    return values;
}

}  // namespace

void PaymentControl::cancel() {
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        ++changes_;
    }
    changed_.notify_all();
}

void PaymentControl::stop() {
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        ++changes_;
    }
    changed_.notify_all();
}

bool PaymentControl::cancelled() const {
    std::lock_guard lock(mutex_);
    return cancelled_;
}

void PaymentControl::stop_after(std::chrono::milliseconds limit) {
    std::lock_guard lock(mutex_);
    deadline_ = std::chrono::steady_clock::now() + limit;
}

bool PaymentControl::past_deadline() const { return deadline_ && std::chrono::steady_clock::now() >= *deadline_; }

bool PaymentControl::stopped() const {
    std::lock_guard lock(mutex_);
    return stopped_ || past_deadline();
}

bool PaymentControl::wait(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    if (stopped_ || past_deadline()) return true;
    int seen = changes_;
    auto until = std::chrono::steady_clock::now() + duration;
    if (deadline_ && *deadline_ < until) {
        return changed_.wait_until(lock, *deadline_, [&] { return changes_ != seen; }) || past_deadline();
    }
    return changed_.wait_until(lock, until, [&] { return changes_ != seen; });
}

PaymentDesk::PaymentDesk(std::unique_ptr<db::PaymentJournal> journal, PaymentConfig config, std::string data_dir,
                         std::string store_id, int lane)
    : journal_(std::move(journal)),
      config_(std::move(config)),
      data_dir_(std::move(data_dir)),
      store_id_(std::move(store_id)),
      lane_(lane) {}

core::Result<std::unique_ptr<PaymentDesk>> PaymentDesk::open(const std::string& lane_db_path, PaymentConfig config,
                                                             std::string data_dir, std::string store_id, int lane) {
    auto journal = db::PaymentJournal::open(lane_db_path);
    if (!journal) {
        return make_error(ErrorCode::storage,
                          "the payment journal in lane.db cannot be opened: " + journal.error().message);
    }
    return std::unique_ptr<PaymentDesk>(
        new PaymentDesk(std::move(*journal), std::move(config), std::move(data_dir), std::move(store_id), lane));
}

core::Result<payments::Gateway*> PaymentDesk::gateway(const std::string& provider) {
    std::lock_guard lock(gateways_mutex_);
    if (auto found = gateways_.find(provider); found != gateways_.end()) return found->second.get();
    core::PaymentProvider which = provider == "wechat"   ? core::PaymentProvider::wechat
                                  : provider == "alipay" ? core::PaymentProvider::alipay
                                                         : core::PaymentProvider::unionpay;
    auto made = make_gateway(config_, which, data_dir_, store_id_);
    if (!made) return made.error();
    payments::Gateway* gateway = made->get();
    gateways_[provider] = std::move(*made);
    return gateway;
}

core::Result<std::vector<CodeOrder>> PaymentDesk::orders_of_day(const std::string& day) {
    return converted(journal_->attempts_of_day(day), &to_order);
}

core::Result<std::vector<CodeRefund>> PaymentDesk::refunds_of_day(const std::string& day) {
    return converted(journal_->refunds_of_day(day), &to_refund);
}

core::Result<std::vector<CodeOrder>> PaymentDesk::paid_for_sale(const std::string& sale_id) {
    return converted(journal_->paid_for_sale(sale_id), &to_order);
}

CodeOrder PaymentDesk::journaled(const CodeOrder& attempt) {
    auto found = journal_->find(attempt.out_trade_no);
    return found && *found ? to_order(**found) : attempt;
}

core::Result<CodeOrder> PaymentDesk::begin(std::string_view code, core::Money amount, const std::string& ticket_ref,
                                           const std::string& now) {
    auto provider = core::classify_payment_code(code);
    if (!provider) return provider.error();
    if (amount <= core::Money{})
        return make_error(ErrorCode::bad_amount, "nothing is due: a payment code needs an amount");
    std::string name(core::payment_provider_name(*provider));
    if (auto ready = gateway(name); !ready) return ready.error();
    auto attempt = journal_->begin(name, core::mask_payment_code(code), amount.in_fen(), ticket_ref, lane_, now);
    if (!attempt) {
        if (attempt.error().code == db::DbErrorCode::constraint) {
            return make_error(ErrorCode::payment_started, attempt.error().message);
        }
        return make_error(ErrorCode::storage,
                          "the payment could not be journaled, nothing was charged: " + attempt.error().message);
    }
    return to_order(*attempt);
}

void PaymentDesk::journal_answer(const std::string& out_trade_no, const GatewayAnswer& answer) {
    // A final state stays final: an answer after it (a late query, a cancel that failed) is not
    // recorded, and the loop goes on from what the journal holds.
    (void)journal_->record(out_trade_no, payments::order_state_name(answer.state), answer.transaction_id, answer.code,
                           answer.message, local_now());
}

CodeOrder PaymentDesk::charge(const CodeOrder& attempt, std::string code, PaymentControl& control,
                              const ProgressListener& progress) {
    auto gateway_ready = gateway(attempt.provider);
    if (!gateway_ready) {
        GatewayAnswer refused{OrderState::failed, {}, "not_set_up", gateway_ready.error().message};
        journal_answer(attempt.out_trade_no, refused);
        return journaled(attempt);
    }
    payments::ChargeRequest request{attempt.out_trade_no, attempt.amount.in_fen(), core::payment_code_digits(code),
                                    fmt::format("{} 收银台 {}", store_id_, lane_),
                                    fmt::format("{}-L{}", store_id_, lane_)};
    std::fill(code.begin(), code.end(), '0');  // the code is a bearer credential: not kept past the request
    SteadyClock::time_point charged = SteadyClock::now();
    GatewayAnswer answer = (*gateway_ready)->charge(request);
    std::fill(request.auth_code.begin(), request.auth_code.end(), '0');
    journal_answer(attempt.out_trade_no, answer);
    return drive(attempt, answer, false, charged, control, progress);
}

CodeOrder PaymentDesk::reverse(const CodeOrder& attempt, PaymentControl& control, const ProgressListener& progress) {
    GatewayAnswer last{attempt.state == "paid" ? OrderState::paid : OrderState::unknown, attempt.transaction_id,
                       attempt.last_code, attempt.last_message};
    // Its charge left long ago (a restart) or at least before this reverse was asked for.
    SteadyClock::time_point charged = SteadyClock::now() - std::chrono::milliseconds(config_.timings.cancel_after_ms);
    return drive(attempt, last, true, charged, control, progress);
}

CodeOrder PaymentDesk::drive(const CodeOrder& attempt, GatewayAnswer answer, bool reverse_wanted,
                             SteadyClock::time_point charged, PaymentControl& control,
                             const ProgressListener& progress) {
    const core::PaymentTimings& timings = config_.timings;
    core::OrderProgress order{standing_of(answer.state), elapsed_ms(charged), reverse_wanted, 0, 0};
    auto gateway_ready = gateway(attempt.provider);
    for (;;) {
        const CodeOrder current = journaled(attempt);
        // The journal's final word wins over a later unclear answer.
        if (current.state == "closed" || current.state == "failed") return current;
        if (current.state == "paid" && order.standing != core::OrderStanding::closed) {
            order.standing = core::OrderStanding::paid;
        }
        order.since_charge_ms = elapsed_ms(charged);
        order.cancel_wanted = reverse_wanted || control.cancelled();
        core::PaymentStep step = core::next_payment_step(order, timings);
        if (progress) {
            progress(PaymentProgress{attempt.out_trade_no, attempt.provider, current.state,
                                     core::seconds_to_confirm(order.since_charge_ms, timings),
                                     step.call == core::NextCall::cancel, current.last_code, current.last_message});
        }
        if (step.call == core::NextCall::none || !gateway_ready) return current;
        // A cancel by the cashier cuts a query's wait short: the loop goes on with the cancel.
        if (control.wait(std::chrono::milliseconds(step.wait_ms))) {
            if (control.stopped()) return current;
            continue;
        }
        if (step.call == core::NextCall::query) {
            answer = (*gateway_ready)->query(attempt.out_trade_no);
            ++order.queries_sent;
            order.standing = standing_of(answer.state);
        } else {
            answer = (*gateway_ready)->cancel(attempt.out_trade_no);
            ++order.cancels_sent;
            order.standing =
                answer.state == OrderState::closed ? core::OrderStanding::closed : core::OrderStanding::unclear;
        }
        journal_answer(attempt.out_trade_no, answer);
    }
}

CodeRefund PaymentDesk::refund(const CodeRefund& refund, PaymentControl& control) {
    auto order = journal_->find(refund.out_trade_no);
    auto record = journal_->find_refund(refund.out_refund_no);
    CodeRefund current = refund;
    if (!order || !*order || !record || !*record) return current;
    auto gateway_ready = gateway((*order)->provider);
    if (!gateway_ready) return current;
    payments::RefundRequest request{refund.out_trade_no, refund.out_refund_no, (*record)->refund_fen,
                                    (*record)->total_fen};
    bool accepted = refund.state == "processing";
    for (int tries = 0;; ++tries) {
        if (tries > 0) {
            int64_t wait_ms =
                core::backoff_ms(tries, config_.timings.query_every_ms, config_.timings.cancel_every_max_ms);
            if (control.wait(std::chrono::milliseconds(wait_ms)) && control.stopped()) return current;
        }
        // Until the gateway has taken the refund, ask for it again (the number makes it once);
        // then ask how it stands.
        payments::RefundAnswer answer =
            accepted ? (*gateway_ready)->refund_query(request) : (*gateway_ready)->refund(request);
        accepted = accepted || answer.state == payments::RefundState::processing ||
                   answer.state == payments::RefundState::refunded;
        (void)journal_->record_refund(refund.out_refund_no, payments::refund_state_name(answer.state), answer.code,
                                      answer.message, local_now());
        if (auto found = journal_->find_refund(refund.out_refund_no); found && *found) current = to_refund(**found);
        if (current.state == "refunded" || current.state == "failed") return current;
    }
}

core::Result<std::vector<CodeRefund>> PaymentDesk::refund_return(const std::string& return_id,
                                                                 PaymentControl& control) {
    auto journaled_refunds = converted(journal_->refunds_of_return(return_id), &to_refund);
    if (!journaled_refunds) return journaled_refunds.error();
    std::vector<CodeRefund> done;
    for (const CodeRefund& each : *journaled_refunds) done.push_back(refund(each, control));
    return done;
}

core::Result<SettledAtStart> PaymentDesk::settle_at_start(PaymentControl& control, const ProgressListener& progress) {
    SettledAtStart settled;
    auto open = journal_->open_attempts();
    if (!open) return make_error(ErrorCode::storage, "the payment journal cannot be read: " + open.error().message);
    auto orphans = journal_->paid_without_sale();
    if (!orphans)
        return make_error(ErrorCode::storage, "the payment journal cannot be read: " + orphans.error().message);
    // Their tickets died with the lane: none of these orders may stay charged.
    for (const auto* list : {&*open, &*orphans}) {
        for (const db::PaymentAttemptRecord& attempt : *list) {
            // Stopped: the rest are listed as they stand, still open.
            settled.orders.push_back(control.stopped() ? to_order(attempt)
                                                       : reverse(to_order(attempt), control, progress));
            settled.all_final = settled.all_final && settled.orders.back().state == "closed";
        }
    }
    auto refunds = journal_->open_refunds();
    if (!refunds)
        return make_error(ErrorCode::storage, "the refund journal cannot be read: " + refunds.error().message);
    for (const db::PaymentRefundRecord& open_refund : *refunds) {
        settled.refunds.push_back(refund(to_refund(open_refund), control));
        std::string state = settled.refunds.back().state;
        settled.all_final = settled.all_final && (state == "refunded" || state == "failed");
    }
    return settled;
}

}  // namespace pos::actions

namespace pos::actions {

core::Result<std::unique_ptr<PaymentDesk>> open_payment_desk(const std::string& data_dir, const LaneConfig& config) {
    if (!config.payments.any()) return std::unique_ptr<PaymentDesk>{};
    std::string lane_db = (std::filesystem::path(data_dir) / "lane.db").string();
    return PaymentDesk::open(lane_db, config.payments, data_dir, fmt::format("lane-{}", config.lane), config.lane);
}

}  // namespace pos::actions
