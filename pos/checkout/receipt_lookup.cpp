// The F9 receipt lookup's worker: one thread per lookup, its answer handed over through a promise.
#include "pos/checkout/receipt_lookup.hpp"

#include <chrono>
#include <exception>

namespace pos::checkout {

ReceiptLookup::~ReceiptLookup() {
    if (worker_.joinable()) worker_.join();
}

void ReceiptLookup::start(actions::Lane& lane, std::string receipt, std::function<void()> notify) {
    if (worker_.joinable()) worker_.join();
    std::promise<Answer> promise;
    answer_ = promise.get_future();
    worker_ = std::thread(
        [&lane, receipt = std::move(receipt), notify = std::move(notify), promise = std::move(promise)]() mutable {
            try {
                promise.set_value(lane.find_returnable(receipt));
            } catch (...) {
                promise.set_exception(std::current_exception());  // rethrown by take(), on the UI thread
            }
            // After set_value: whoever is woken finds the answer ready.
            if (notify) notify();
        });
}

bool ReceiptLookup::ready() const {
    return answer_.valid() && answer_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

std::optional<ReceiptLookup::Answer> ReceiptLookup::take() {
    if (!ready()) return std::nullopt;
    worker_.join();  // the answer is set; at most the notify call is left to run
    return answer_.get();
}

}  // namespace pos::checkout
