// PIN lockout: the fifth wrong PIN locks for the configured minutes; the wait is rounded up.
#include <doctest/doctest.h>

#include "pos/core/lockout.hpp"

using namespace pos::core;

TEST_CASE("lockout: four wrong PINs warn, the fifth locks for the configured time") {
    PinLock lock;
    for (int i = 1; i <= 4; ++i) {
        lock = after_wrong_pin(lock, 1000, 15);
        CHECK(lock.failed == i);
        CHECK_FALSE(is_locked(lock, 1000));
    }
    lock = after_wrong_pin(lock, 1000, 15);
    CHECK(is_locked(lock, 1000));
    CHECK(lock.locked_until == 1000 + 15 * 60);
    CHECK(minutes_left(lock, 1000) == 15);
    CHECK(minutes_left(lock, 1000 + 15 * 60 - 10) == 1);
    CHECK_FALSE(is_locked(lock, 1000 + 15 * 60));
    CHECK(minutes_left(lock, 1000 + 15 * 60) == 0);
}

TEST_CASE("lockout: after the lock runs out the count starts again") {
    PinLock lock{0, 2000};
    lock = after_wrong_pin(lock, 3000, 5);
    CHECK(lock.failed == 1);
    CHECK_FALSE(lock.locked_until.has_value());
}
