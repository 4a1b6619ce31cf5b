// The closed loop of a payment-code order: when to query, when to cancel, when it is final.
#include <doctest/doctest.h>

#include "pos/core/payment_flow.hpp"

using namespace pos::core;

namespace {

PaymentTimings wechat_timings() { return PaymentTimings{}; }  // 5 s, 5 s, 45 s, 15 s, 5 s .. 60 s

PaymentStep after(OrderStanding standing, int64_t since_charge_ms, bool cancel_wanted = false, int cancels = 0,
                  int queries = 1) {
    return next_payment_step({standing, since_charge_ms, cancel_wanted, cancels, queries}, wechat_timings());
}

}  // namespace

TEST_CASE("payment_flow: a paid order that is wanted, a failed and a closed one are final") {
    CHECK(after(OrderStanding::paid, 300).call == NextCall::none);
    CHECK(after(OrderStanding::failed, 300).call == NextCall::none);
    CHECK(after(OrderStanding::closed, 300, true, 2).call == NextCall::none);
}

TEST_CASE("payment_flow: USERPAYING is queried 5 s after the charge, then every 5 s, the last query at the limit") {
    PaymentStep first = after(OrderStanding::waiting, 400);
    CHECK(first.call == NextCall::query);
    CHECK(first.wait_ms == 4600);
    PaymentStep again = after(OrderStanding::waiting, 5100);
    CHECK(again.call == NextCall::query);
    CHECK(again.wait_ms == 5000);
    PaymentStep last = after(OrderStanding::unclear, 42000);
    CHECK(last.call == NextCall::query);
    CHECK(last.wait_ms == 3000);
}

TEST_CASE("payment_flow: not paid within the limit, the order is cancelled at once, and again with backoff") {
    PaymentStep cancel = after(OrderStanding::waiting, 45000);
    CHECK(cancel.call == NextCall::cancel);
    CHECK(cancel.wait_ms == 0);
    CHECK(after(OrderStanding::unclear, 46000, false, 1).wait_ms == 5000);
    CHECK(after(OrderStanding::unclear, 52000, false, 2).wait_ms == 10000);
    CHECK(after(OrderStanding::unclear, 70000, false, 3).wait_ms == 20000);
    CHECK(after(OrderStanding::unclear, 900000, false, 30).wait_ms == 60000);  // never past the ceiling
}

TEST_CASE("payment_flow: a charge answered only after the limit is queried once before any cancel") {
    PaymentStep first = after(OrderStanding::unclear, 50000, false, 0, 0);
    CHECK(first.call == NextCall::query);
    CHECK(first.wait_ms == 0);
    CHECK(after(OrderStanding::unclear, 50100, false, 0, 1).call == NextCall::cancel);
}

TEST_CASE("payment_flow: a cancel by the cashier waits until 15 s after the charge (WeChat's rule)") {
    PaymentStep early = after(OrderStanding::waiting, 3000, true);
    CHECK(early.call == NextCall::cancel);
    CHECK(early.wait_ms == 12000);
    CHECK(after(OrderStanding::waiting, 20000, true).wait_ms == 0);
}

TEST_CASE("payment_flow: a paid order no longer wanted (sale not completed) is reversed, which refunds it") {
    PaymentStep reverse = after(OrderStanding::paid, 60000, true);
    CHECK(reverse.call == NextCall::cancel);
    CHECK(reverse.wait_ms == 0);
}

TEST_CASE("payment_flow: the countdown shows whole seconds left and stops at zero") {
    CHECK(seconds_to_confirm(0, wechat_timings()) == 45);
    CHECK(seconds_to_confirm(44001, wechat_timings()) == 1);
    CHECK(seconds_to_confirm(50000, wechat_timings()) == 0);
}

TEST_CASE("payment_flow: repeats back off by doubling up to the ceiling") {
    CHECK(backoff_ms(1, 5000, 60000) == 5000);
    CHECK(backoff_ms(2, 5000, 60000) == 10000);
    CHECK(backoff_ms(4, 5000, 60000) == 40000);
    CHECK(backoff_ms(5, 5000, 60000) == 60000);
    CHECK(backoff_ms(40, 5000, 60000) == 60000);
}
