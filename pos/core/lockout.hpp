// PIN lockout: after max_wrong_pins wrong PINs in a row an operator is locked out for the
// configured time. Pure: times are seconds since the epoch, passed in.
#pragma once

#include <cstdint>
#include <optional>

namespace pos::core {

inline constexpr int max_wrong_pins = 5;

struct PinLock {
    int failed = 0;                       // wrong PINs in a row since the last good one or lock
    std::optional<int64_t> locked_until;  // set while (or since) locked
};

[[nodiscard]] bool is_locked(const PinLock& lock, int64_t now);
// Whole minutes left, rounded up (a lock with 10 seconds left says 1 minute).
[[nodiscard]] int64_t minutes_left(const PinLock& lock, int64_t now);
// One more wrong PIN: the fifth locks for `lock_minutes` and starts the count again.
[[nodiscard]] PinLock after_wrong_pin(PinLock lock, int64_t now, int64_t lock_minutes);

}  // namespace pos::core
