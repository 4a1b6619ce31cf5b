// The closed loop of a payment-code order (docs/payments.md "Every order ends final"): after
// each answer, what the lane does next and when. Pure: the caller brings the time and the
// answers; the payment worker (pos/actions/payments) does the waiting and the calls.
#pragma once

#include <cstdint>

namespace pos::core {

// The gateways' documented timings ([payments] in pos.toml may shorten them for tests).
struct PaymentTimings {
    int64_t first_query_ms = 5000;        // after an unclear answer or USERPAYING: wait, then ask
    int64_t query_every_ms = 5000;        // then ask again this often
    int64_t confirm_limit_ms = 45000;     // not paid this long after the charge: cancel (reverse)
    int64_t cancel_after_ms = 15000;      // WeChat: never reverse sooner than this after the charge
    int64_t cancel_every_ms = 5000;       // a cancel without a clear answer is repeated this often
    int64_t cancel_every_max_ms = 60000;  // ... backing off to this, for as long as it takes
};

// Where an order stands, as the lane last heard it.
enum class OrderStanding { unclear, waiting, paid, failed, closed };

struct OrderProgress {
    OrderStanding standing = OrderStanding::unclear;
    int64_t since_charge_ms = 0;  // time since the charge request left
    bool cancel_wanted = false;   // the cashier cancelled, the sale cannot complete, or it is an orphan
    int cancels_sent = 0;         // cancel requests already made without a final answer
    int queries_sent = 0;         // queries made since the charge
};

enum class NextCall { none, query, cancel };

struct PaymentStep {
    NextCall call = NextCall::none;
    int64_t wait_ms = 0;  // from now
};

// none: the order is final (paid and wanted, failed, or closed). A paid order that is no longer
// wanted is cancelled (reversed, which refunds it); a waiting or unclear one is queried until the
// confirmation limit (at least once: a charge answered late may have been paid), then cancelled,
// and the cancel repeated with backoff until it is final.
[[nodiscard]] PaymentStep next_payment_step(const OrderProgress& progress, const PaymentTimings& timings);

// The wait before the n-th repeat of a call (n from 1): `first`, doubling, never above `ceiling`.
[[nodiscard]] int64_t backoff_ms(int repeat, int64_t first, int64_t ceiling);

// Seconds left for the customer to confirm, for the countdown on screen (never below 0).
[[nodiscard]] int64_t seconds_to_confirm(int64_t since_charge_ms, const PaymentTimings& timings);

}  // namespace pos::core
