// Returns: returnable quantities, refunds per line, and the refund's split over tenders.
#include <doctest/doctest.h>

#include "pos/core/returns.hpp"

using namespace pos::core;

namespace {

CashRounding jiao_down{CashRounding::Step::jiao, CashRounding::Mode::down};

}  // namespace

TEST_CASE("returns: refund per line is proportional, and the last part takes the rest") {
    // 3 for 10.00 (a multi-buy): 3.33, 3.33, then 3.34 so the three refunds add up to 10.00.
    SoldLine line{1, 3000, Money::fen(1000), 0, Money{}};
    CHECK(refund_for(line, 1000).value() == Money::fen(333));
    line.returned_milli = 1000;
    line.refunded = Money::fen(333);
    CHECK(refund_for(line, 1000).value() == Money::fen(333));
    line.returned_milli = 2000;
    line.refunded = Money::fen(666);
    CHECK(refund_for(line, 1000).value() == Money::fen(334));
    // Half-up: 2 of 3 for 10.00 = 6.666… -> 6.67.
    CHECK(refund_for(SoldLine{1, 3000, Money::fen(1000), 0, Money{}}, 2000).value() == Money::fen(667));
    // Weighed: 0.200 of 0.350 kg for 4.48 = 2.56.
    CHECK(refund_for(SoldLine{2, 350, Money::fen(448), 0, Money{}}, 200).value() == Money::fen(256));
}

TEST_CASE("returns: no more than what is left") {
    SoldLine line{4, 2000, Money::fen(400), 1500, Money::fen(300)};
    CHECK(returnable_milli(line) == 500);
    auto over = refund_for(line, 1000);
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().code == ErrorCode::over_return);
    CHECK(over.error().message == "line 4: only 0.5 of 2 sold can still be returned (the rest came back already)");
    CHECK(refund_for(line, 0).error().code == ErrorCode::bad_amount);
    CHECK(returnable_milli(SoldLine{1, 1000, Money::fen(200), 1000, Money::fen(200)}) == 0);
}

TEST_CASE("returns: refund to the original tenders, non-cash first, the rest in cash") {
    std::vector<PaidTender> paid = {{TenderMethod::card, Money::fen(1500), Money{}},
                                    {TenderMethod::cash, Money::fen(500), Money{}}};
    auto plan = plan_refund(Money::fen(1100), paid, std::nullopt, jiao_down);
    REQUIRE(plan.ok());
    REQUIRE(plan->tenders.size() == 1);  // all of it fits on the card
    CHECK(plan->tenders[0].method == TenderMethod::card);
    CHECK(plan->tenders[0].amount == Money::fen(1100));
    CHECK(plan->total == Money::fen(1100));

    paid[0].refunded = Money::fen(900);
    plan = plan_refund(Money::fen(1100), paid, std::nullopt, jiao_down);
    REQUIRE(plan.ok());
    REQUIRE(plan->tenders.size() == 2);
    CHECK(plan->tenders[0].amount == Money::fen(600));
    CHECK(plan->tenders[1].method == TenderMethod::cash);
    CHECK(plan->tenders[1].amount == Money::fen(500));
}

TEST_CASE("returns: cash is always allowed, another tender only as far as it paid") {
    std::vector<PaidTender> paid = {{TenderMethod::card, Money::fen(900), Money{}}};
    auto cash = plan_refund(Money::fen(900), paid, TenderMethod::cash, jiao_down);
    REQUIRE(cash.ok());
    REQUIRE(cash->tenders.size() == 1);
    CHECK(cash->tenders[0].method == TenderMethod::cash);
    auto mobile = plan_refund(Money::fen(900), paid, TenderMethod::mobile, jiao_down);
    REQUIRE_FALSE(mobile.ok());
    CHECK(mobile.error().code == ErrorCode::tender_over);
    CHECK(mobile.error().message ==
          "only 0.00 paid by mobile can still be refunded to it: refund 9.00 in cash or to the original tenders");
    CHECK(plan_refund(Money{}, paid, std::nullopt, jiao_down).error().code == ErrorCode::bad_amount);
}

TEST_CASE("returns: the cash part is rounded (抹零) by magnitude") {
    auto plan = plan_refund(Money::fen(448), {}, std::nullopt, jiao_down);
    REQUIRE(plan.ok());
    REQUIRE(plan->tenders.size() == 1);
    CHECK(plan->tenders[0].amount == Money::fen(440));
    CHECK(plan->rounding == Money::fen(8));
    CHECK(plan->total == Money::fen(440));
    CHECK(plan->exact == Money::fen(448));
    // An amount under one jiao is refunded exactly, as it is charged exactly.
    auto small = plan_refund(Money::fen(8), {}, std::nullopt, jiao_down);
    REQUIRE(small.ok());
    CHECK(small->total == Money::fen(8));
}
