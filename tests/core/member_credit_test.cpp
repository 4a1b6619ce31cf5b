// Member credit checks: available credit, the limit, repayments.
#include <doctest/doctest.h>

#include "pos/core/member_credit.hpp"

using pos::core::Money;

TEST_CASE("member credit: available is limit minus balance, never below zero") {
    CHECK(pos::core::available_credit({Money::yuan(500), Money::fen(12050)}) == Money::fen(37950));
    CHECK(pos::core::available_credit({Money::yuan(100), Money::yuan(120)}) == Money{});  // limit lowered
}

TEST_CASE("member credit: a sale up to the available credit passes, a fen more is refused") {
    pos::core::MemberAccount account{Money::yuan(500), Money::yuan(450)};
    CHECK(pos::core::check_account_sale(account, Money::yuan(50)).ok());
    auto over = pos::core::check_account_sale(account, Money::fen(5001));
    REQUIRE(!over.ok());
    CHECK(over.error().code == pos::core::ErrorCode::over_credit_limit);
    CHECK(over.error().message.find("only 50.00 of credit is available (limit 500.00, owed 450.00)") !=
          std::string::npos);
    CHECK(!pos::core::check_account_sale(account, Money{}).ok());
}

TEST_CASE("member credit: a repayment is above zero and at most what is owed") {
    pos::core::MemberAccount account{Money::yuan(500), Money::yuan(80)};
    CHECK(pos::core::check_repayment(account, Money::yuan(80)).ok());
    CHECK(!pos::core::check_repayment(account, Money::fen(8001)).ok());
    CHECK(!pos::core::check_repayment(account, Money{}).ok());
}
