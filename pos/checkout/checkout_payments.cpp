// F4 扫码支付 on the checkout screen with a payment desk: the code classified, the ticket's part
// fixed by the Lane, the order charged and driven to final on the payment worker while the screen
// waits (Esc cancels), then a paid order taken onto the ticket on this thread — the sale completes
// as any other — or the gateway's words shown. At start, the orders the last run left open are
// settled before anyone sells. The rules are the Lane's and the desk's; this only moves screens.
#include <algorithm>

#include "pos/actions/scripts/session.hpp"
#include "pos/checkout/checkout.hpp"
#include "pos/core/payment_code.hpp"

namespace pos::checkout {

using core::ErrorCode;
using ui::Notice;
using ui::Screen;
using ui::Tone;
using Phase = ui::PayCodeForm::Phase;

namespace {

// A journal that cannot be read at start is read again this often (with the problem on screen).
constexpr std::chrono::seconds settle_retry{5};

}  // namespace

void Checkout::set_payment_desk(actions::PaymentDesk* desk) {
    desk_ = desk;
    if (!desk_) return;
    settling_ = true;
    settle_view_ = ui::SettleView{};
    payment_.settle(*desk_, settle_retry, notify_);
}

void Checkout::apply(const ui::intent::OpenPayCode& intent) {
    state_.pay_code = ui::PayCodeForm{};
    state_.pay_code.amount_text = intent.amount_text;
    state_.screen = Screen::payment_code;
}

void Checkout::apply(const ui::intent::ChargeCode& intent) {
    ui::PayCodeForm& form = state_.pay_code;
    if (!desk_ || form.phase != Phase::entry) return;
    if (payment_.running()) {  // a return's refund is still with the gateway
        form.notice = Notice{Tone::error, tr_("paycode.busy"), {}};
        return;
    }
    auto provider = core::classify_payment_code(intent.code);
    if (!provider) {
        form.notice = Notice{Tone::error, tr_("paycode.bad_code"), provider.error().message};
        return;
    }
    std::optional<core::Money> amount;
    if (!form.amount_text.empty()) {
        auto typed = core::Money::parse(form.amount_text);
        if (!typed) {
            state_.screen = Screen::tender;
            state_.tender.notice = ui::error_notice(tr_, typed.error());
            return;
        }
        amount = *typed;
    }
    auto ticket = lane_.code_payment_ticket(amount);
    if (!ticket) {
        // The amount typed on the tender screen is wrong (more than is due ...): said there.
        state_.screen = Screen::tender;
        state_.tender.notice = ui::error_notice(tr_, ticket.error());
        return;
    }
    form.phase = Phase::waiting;
    form.provider = std::string(core::payment_provider_name(*provider));
    form.masked_code = core::mask_payment_code(intent.code);
    form.amount = ticket->amount;
    form.state = "requested";
    form.cancelling = false;
    form.notice.clear();
    progress_seconds_ = desk_->config().timings.confirm_limit_ms / 1000;
    progress_at_ = std::chrono::steady_clock::now();
    form.seconds_left = progress_seconds_;
    take_problem_.clear();
    payment_.charge(*desk_, intent.code, ticket->amount, ticket->sale_id, actions::local_now(), notify_);
}

void Checkout::apply(const ui::intent::CancelPayment&) {
    ui::PayCodeForm& form = state_.pay_code;
    if (form.phase != Phase::waiting || form.cancelling) return;
    payment_.cancel();
    form.cancelling = true;
}

void Checkout::apply(const ui::intent::FinishPaidSale&) {
    ui::PayCodeForm& form = state_.pay_code;
    auto finished = lane_.finish_paid_sale(actions::local_now());
    if (!finished) {
        form.notice = ui::error_notice(tr_, finished.error());
        return;
    }
    if (!finished->sale_id) {
        state_.screen = Screen::tender;
        state_.tender.notice =
            Notice{Tone::info, tr_.format("tender.remaining", ui::money_text(finished->payment.remaining)), {}};
        return;
    }
    show_sale_done(*finished, paid_method_);
}

bool Checkout::poll_payment() {
    bool news = payment_.has_news();
    if (auto progress = payment_.progress(); progress && news) show_progress(*progress);
    if (std::string problem = payment_.settle_problem(); settling_ && !problem.empty()) {
        settle_view_.problem = problem;  // the journal cannot be read: tried again meanwhile
    }
    ui::PayCodeForm& form = state_.pay_code;
    if (state_.screen == Screen::payment_code && form.phase == Phase::waiting) {
        // The countdown goes on between the worker's reports (a query every few seconds).
        auto elapsed =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - progress_at_);
        int64_t left = std::max<int64_t>(0, progress_seconds_ - elapsed.count());
        news = news || left != form.seconds_left;
        form.seconds_left = left;
    }
    if (auto done = payment_.take()) {
        finish_payment(std::move(*done));
        return true;
    }
    return news;
}

void Checkout::show_progress(const actions::PaymentProgress& progress) {
    if (settling_) {
        settle_view_.out_trade_no = progress.out_trade_no;
        // The gateway does not answer (no connection, a timeout): the lane keeps asking.
        settle_view_.unreachable = progress.code == "no_answer";
        settle_view_.problem = settle_view_.unreachable ? progress.message : std::string();
        return;
    }
    ui::PayCodeForm& form = state_.pay_code;
    if (state_.screen != Screen::payment_code || form.phase != Phase::waiting) return;
    form.state = progress.state;
    form.cancelling = form.cancelling || progress.cancelling;
    progress_seconds_ = progress.seconds_left;
    progress_at_ = std::chrono::steady_clock::now();
    form.seconds_left = progress.seconds_left;
    // An unclear answer: the gateway's words, small, while the lane asks again.
    if (progress.state == "unknown" && !progress.code.empty()) {
        form.notice = Notice{Tone::info, tr_("paycode.unclear"), progress.code + " " + progress.message};
    }
}

void Checkout::finish_payment(PaymentWorker::Done done) {
    ui::PayCodeForm& form = state_.pay_code;
    switch (done.job) {
        case PaymentWorker::Job::settle: {
            settling_ = false;
            size_t settled = done.settled.orders.size() + done.settled.refunds.size();
            if (settled > 0) state_.login.notice = Notice{Tone::info, tr_.format("paycode.settled", settled), {}};
            return;
        }
        case PaymentWorker::Job::charge:
            if (done.error) {
                // Refused before anything left: the provider is not set up, an attempt still open ...
                form.phase = Phase::failed;
                form.notice = Notice{Tone::error, tr_("paycode.refused"), done.error->message};
                return;
            }
            if (done.order.state == "paid") {
                take_paid(done.order);
                return;
            }
            show_not_paid(done.order, done.cancelled);
            return;
        case PaymentWorker::Job::refund: {
            bool all_refunded = !done.error && std::all_of(done.refunds.begin(), done.refunds.end(),
                                                           [](const actions::CodeRefund& refund) {
                                                               return refund.state == "refunded";
                                                           });
            std::string detail = done.error ? done.error->message : std::string();
            for (const actions::CodeRefund& refund : done.refunds) {
                detail += (detail.empty() ? "" : "; ") + refund.out_refund_no + " " + refund.amount.to_string() + " " +
                          refund.state + (refund.last_message.empty() ? "" : " " + refund.last_message);
            }
            state_.sale.notice = Notice{all_refunded ? Tone::success : Tone::error,
                                        tr_(all_refunded ? "paycode.refunded" : "paycode.refund_open"), detail};
            return;
        }
        case PaymentWorker::Job::reverse:
            form.phase = Phase::failed;
            form.state = done.order.state;
            form.notice =
                Notice{Tone::error, tr_(done.order.state == "closed" ? "paycode.given_back" : "paycode.give_back_open"),
                       take_problem_};
            return;
    }
}

void Checkout::take_paid(const actions::CodeOrder& order) {
    ui::PayCodeForm& form = state_.pay_code;
    paid_method_ = core::parse_tender_method(order.provider).value_or(core::TenderMethod::wechat);
    auto taken = lane_.take_code_payment(order, actions::local_now());
    if (taken) {
        if (taken->sale_id) {
            show_sale_done(*taken, paid_method_);
            return;
        }
        // Part of a split tender: the rest is due on the tender screen.
        state_.screen = Screen::tender;
        state_.tender = ui::TenderForm{};
        state_.tender.notice =
            Notice{Tone::info, tr_.format("tender.remaining", ui::money_text(taken->payment.remaining)), {}};
        return;
    }
    bool on_ticket = std::any_of(lane_.ticket().tenders().begin(), lane_.ticket().tenders().end(),
                                 [&](const core::Tender& tender) { return tender.reference == order.transaction_id; });
    if (on_ticket) {
        // The money is taken and on the ticket; only the sale's commit failed: Enter tries it again.
        form.phase = Phase::unfinished;
        form.state = order.state;
        form.notice = ui::error_notice(tr_, taken.error());
        return;
    }
    // The money was taken but cannot pay this ticket: it is given back, on the worker.
    take_problem_ = taken.error().message;
    form.state = order.state;
    form.cancelling = true;
    form.notice = ui::error_notice(tr_, taken.error());
    payment_.reverse(*desk_, order, notify_);
}

void Checkout::show_not_paid(const actions::CodeOrder& order, bool cancelled) {
    ui::PayCodeForm& form = state_.pay_code;
    form.phase = Phase::failed;
    form.state = order.state;
    std::string words = order.last_message;
    if (!order.last_code.empty()) words += (words.empty() ? "" : " ") + order.last_code;
    const char* text = "paycode.refused";
    if (cancelled) {
        text = order.state == "closed" ? "paycode.cancelled" : "paycode.cancel_open";
    } else if (order.state == "closed") {
        text = "paycode.timed_out";  // not confirmed in time: the lane cancelled it
    } else if (order.state != "failed") {
        text = "paycode.cancel_open";  // the program is closing: settled at the next start
    }
    form.notice = Notice{Tone::error, tr_(text), words};
}

}  // namespace pos::checkout
