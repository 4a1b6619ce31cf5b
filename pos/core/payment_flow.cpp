// The closed loop of a payment-code order: query, then cancel, until final.
#include "pos/core/payment_flow.hpp"

#include <algorithm>

namespace pos::core {

namespace {

PaymentStep cancel_step(const OrderProgress& progress, const PaymentTimings& timings) {
    // WeChat asks for no reverse sooner than cancel_after_ms after the charge.
    int64_t not_before = std::max<int64_t>(0, timings.cancel_after_ms - progress.since_charge_ms);
    if (progress.cancels_sent == 0) return {NextCall::cancel, not_before};
    int64_t backoff = backoff_ms(progress.cancels_sent, timings.cancel_every_ms, timings.cancel_every_max_ms);
    return {NextCall::cancel, std::max(not_before, backoff)};
}

}  // namespace

PaymentStep next_payment_step(const OrderProgress& progress, const PaymentTimings& timings) {
    switch (progress.standing) {
        case OrderStanding::failed:
        case OrderStanding::closed: return {};
        case OrderStanding::paid: return progress.cancel_wanted ? cancel_step(progress, timings) : PaymentStep{};
        case OrderStanding::unclear:
        case OrderStanding::waiting: break;
    }
    if (progress.cancel_wanted || progress.cancels_sent > 0) return cancel_step(progress, timings);
    if (progress.since_charge_ms >= timings.confirm_limit_ms) {
        return progress.queries_sent > 0 ? cancel_step(progress, timings) : PaymentStep{NextCall::query, 0};
    }
    int64_t wait = progress.since_charge_ms < timings.first_query_ms ? timings.first_query_ms - progress.since_charge_ms
                                                                     : timings.query_every_ms;
    // The last query falls at the limit, so the cancel follows a fresh answer.
    wait = std::min(wait, timings.confirm_limit_ms - progress.since_charge_ms);
    return {NextCall::query, wait};
}

int64_t backoff_ms(int repeat, int64_t first, int64_t ceiling) {
    int64_t wait = first;
    for (int i = 1; i < repeat && wait < ceiling; ++i) wait *= 2;
    return std::min(wait, ceiling);
}

int64_t seconds_to_confirm(int64_t since_charge_ms, const PaymentTimings& timings) {
    int64_t left_ms = std::max<int64_t>(0, timings.confirm_limit_ms - since_charge_ms);
    return (left_ms + 999) / 1000;
}

}  // namespace pos::core
