// Price override limits per role: within, at and past the limit, both directions, no limit.
#include <doctest/doctest.h>

#include "pos/core/override_limit.hpp"

using namespace pos::core;

TEST_CASE("override_limit: a change up to the limit passes, past it is refused with the numbers") {
    CHECK(check_override_limit(Money::fen(1000), Money::fen(800), 20, "supervisor").ok());   // exactly 20% down
    CHECK(check_override_limit(Money::fen(1000), Money::fen(1200), 20, "supervisor").ok());  // exactly 20% up
    auto refused = check_override_limit(Money::fen(1000), Money::fen(799), 20, "supervisor");
    REQUIRE(!refused.ok());
    CHECK(refused.error().code == ErrorCode::not_permitted);
    CHECK(refused.error().message ==
          "a supervisor may change a price by at most 20%: 10.00 to 7.99 is 20.1%. Ask someone with a higher limit to "
          "approve it");
}

TEST_CASE("override_limit: 0 allows no change and 100 allows any") {
    CHECK(!check_override_limit(Money::fen(500), Money::fen(499), 0, "cashier").ok());
    CHECK(check_override_limit(Money::fen(500), Money::fen(500), 0, "cashier").ok());
    CHECK(check_override_limit(Money::fen(500), Money::fen(1), 100, "manager").ok());
}
