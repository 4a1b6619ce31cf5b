// The payment-code worker's thread: one job at a time, its progress and answer handed to the UI
// thread under one mutex, the UI woken by `notify` after each.
#include "pos/checkout/payment_worker.hpp"

#include <algorithm>
#include <utility>

namespace pos::checkout {

PaymentWorker::~PaymentWorker() {
    // Closing: the order is left open as the journal has it; the next start settles it.
    if (control_) control_->stop();
    if (thread_.joinable()) thread_.join();
}

void PaymentWorker::start(std::function<Done(actions::PaymentControl&)> job, std::function<void()> notify) {
    if (thread_.joinable()) thread_.join();
    control_ = std::make_unique<actions::PaymentControl>();
    {
        std::lock_guard lock(mutex_);
        progress_.reset();
        done_.reset();
        settle_problem_.clear();
        running_ = true;
        news_ = false;
        notify_ = std::move(notify);
    }
    thread_ = std::thread([this, job = std::move(job), &control = *control_] {
        Done done = job(control);
        std::function<void()> wake;
        {
            std::lock_guard lock(mutex_);
            done_ = std::move(done);
            news_ = true;
            wake = notify_;
        }
        // After the answer is set: whoever is woken finds it.
        if (wake) wake();
    });
}

void PaymentWorker::report(const actions::PaymentProgress& progress) {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        progress_ = progress;
        news_ = true;
        notify = notify_;
    }
    if (notify) notify();
}

void PaymentWorker::charge(actions::PaymentDesk& desk, std::string code, core::Money amount, std::string sale_id,
                           std::string now, std::function<void()> notify) {
    start(
        [this, &desk, code = std::move(code), amount, sale_id = std::move(sale_id),
         now = std::move(now)](actions::PaymentControl& control) mutable {
            Done done{Job::charge, {}, {}, {}, false, {}};
            auto begun = desk.begin(code, amount, sale_id, now);
            if (!begun) {
                std::fill(code.begin(), code.end(), '0');
                done.error = begun.error();
                return done;
            }
            // Shown until the gateway's first answer (which may take the call's whole timeout).
            report(actions::PaymentProgress{begun->out_trade_no, begun->provider, "requested", 0, false, {}, {}});
            done.order = desk.charge(*begun, std::move(code), control,
                                     [this](const actions::PaymentProgress& progress) { report(progress); });
            done.cancelled = control.cancelled();
            return done;
        },
        std::move(notify));
}

void PaymentWorker::reverse(actions::PaymentDesk& desk, actions::CodeOrder order, std::function<void()> notify) {
    start(
        [this, &desk, order = std::move(order)](actions::PaymentControl& control) {
            Done done{Job::reverse, {}, {}, {}, false, {}};
            done.order =
                desk.reverse(order, control, [this](const actions::PaymentProgress& progress) { report(progress); });
            return done;
        },
        std::move(notify));
}

void PaymentWorker::refund(actions::PaymentDesk& desk, std::string return_id, std::function<void()> notify) {
    start(
        [&desk, return_id = std::move(return_id)](actions::PaymentControl& control) {
            Done done{Job::refund, {}, {}, {}, false, {}};
            auto refunds = desk.refund_return(return_id, control);
            if (refunds)
                done.refunds = std::move(*refunds);
            else
                done.error = refunds.error();
            return done;
        },
        std::move(notify));
}

void PaymentWorker::settle(actions::PaymentDesk& desk, std::chrono::milliseconds retry, std::function<void()> notify) {
    start(
        [this, &desk, retry](actions::PaymentControl& control) {
            Done done{Job::settle, {}, {}, {}, false, {}};
            for (;;) {
                auto settled = desk.settle_at_start(
                    control, [this](const actions::PaymentProgress& progress) { report(progress); });
                if (settled) {
                    done.settled = std::move(*settled);
                    return done;
                }
                std::function<void()> notify_now;
                {
                    std::lock_guard lock(mutex_);
                    settle_problem_ = settled.error().message;
                    news_ = true;
                    notify_now = notify_;
                }
                if (notify_now) notify_now();
                if (control.wait(retry) && control.stopped()) {
                    done.error = settled.error();
                    return done;
                }
            }
        },
        std::move(notify));
}

void PaymentWorker::cancel() {
    if (control_) control_->cancel();
}

bool PaymentWorker::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

bool PaymentWorker::has_news() const {
    std::lock_guard lock(mutex_);
    return news_;
}

std::optional<actions::PaymentProgress> PaymentWorker::progress() {
    std::lock_guard lock(mutex_);
    news_ = done_.has_value();
    return progress_;
}

std::optional<PaymentWorker::Done> PaymentWorker::take() {
    std::optional<Done> done;
    {
        std::lock_guard lock(mutex_);
        if (!done_) return std::nullopt;
        done = std::move(done_);
        done_.reset();
        running_ = false;
        news_ = false;
    }
    thread_.join();  // the answer is set; at most the notify call is left to run
    return done;
}

std::string PaymentWorker::settle_problem() const {
    std::lock_guard lock(mutex_);
    return settle_problem_;
}

}  // namespace pos::checkout
