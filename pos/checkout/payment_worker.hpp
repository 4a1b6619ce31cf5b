// The payment-code worker: PaymentDesk calls block for as long as the customer takes to confirm on
// the phone (up to the confirmation limit, then the cancel and its retries), so they run on a
// thread of their own, one job at a time, like F9's receipt lookup (receipt_lookup.hpp). The UI
// thread polls the latest progress (for 等待顾客输入密码 and its countdown) and the final answer once
// a frame; the Lane is used only on the UI thread, the desk only here while a job runs.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "pos/actions/payments/payment_desk.hpp"

namespace pos::checkout {

class PaymentWorker {
public:
    enum class Job { charge, reverse, settle, refund };

    // How a job ended.
    struct Done {
        Job job = Job::charge;
        std::optional<core::Error> error;          // begin refused (provider not set up ...) or the journal unreadable
        actions::CodeOrder order;                  // charge, reverse: the order as it ended
        actions::SettledAtStart settled;           // settle
        bool cancelled = false;                    // the cashier pressed Esc (charge)
        std::vector<actions::CodeRefund> refunds;  // refund: each as it ended
    };

    PaymentWorker() = default;
    PaymentWorker(const PaymentWorker&) = delete;
    PaymentWorker& operator=(const PaymentWorker&) = delete;
    ~PaymentWorker();  // stops the running job (its order stays open for the next start) and joins

    // Journals and charges `code` for `amount` of the sale `sale_id`, driving the order to final.
    void charge(actions::PaymentDesk& desk, std::string code, core::Money amount, std::string sale_id, std::string now,
                std::function<void()> notify);
    // Reverses a paid order whose sale cannot take it, until closed.
    void reverse(actions::PaymentDesk& desk, actions::CodeOrder order, std::function<void()> notify);
    // A return's payment-code refunds (journaled with it) driven until refunded or failed.
    void refund(actions::PaymentDesk& desk, std::string return_id, std::function<void()> notify);
    // Before the lane sells: every order left open by the last run driven to final. A journal that
    // cannot be read is tried again every `retry` until it can (or the worker stops).
    void settle(actions::PaymentDesk& desk, std::chrono::milliseconds retry, std::function<void()> notify);

    // The cashier's Esc: the running charge is cancelled (reversed).
    void cancel();
    // A job was started and its answer not taken yet.
    [[nodiscard]] bool running() const;
    // Progress or the answer came since the last progress() / take(): a frame should follow.
    [[nodiscard]] bool has_news() const;
    // The latest progress of the running job (with `seen` cleared).
    [[nodiscard]] std::optional<actions::PaymentProgress> progress();
    // The job's answer, once, when it is there; the worker is then idle.
    [[nodiscard]] std::optional<Done> take();
    // A settle that keeps failing: its last error, for the screen (empty when none).
    [[nodiscard]] std::string settle_problem() const;

private:
    void start(std::function<Done(actions::PaymentControl&)> job, std::function<void()> notify);
    void report(const actions::PaymentProgress& progress);

    mutable std::mutex mutex_;
    std::optional<actions::PaymentProgress> progress_;
    std::optional<Done> done_;
    std::string settle_problem_;
    bool running_ = false;
    bool news_ = false;
    std::function<void()> notify_;
    std::unique_ptr<actions::PaymentControl> control_;  // the running job's; replaced only once it is joined
    std::thread thread_;
};

}  // namespace pos::checkout
