// PIN lockout rules.
#include "pos/core/lockout.hpp"

namespace pos::core {

bool is_locked(const PinLock& lock, int64_t now) { return lock.locked_until && now < *lock.locked_until; }

int64_t minutes_left(const PinLock& lock, int64_t now) {
    if (!is_locked(lock, now)) return 0;
    return (*lock.locked_until - now + 59) / 60;
}

PinLock after_wrong_pin(PinLock lock, int64_t now, int64_t lock_minutes) {
    if (lock.locked_until && !is_locked(lock, now)) lock.locked_until.reset();  // an expired lock starts afresh
    ++lock.failed;
    if (lock.failed >= max_wrong_pins) {
        lock.failed = 0;
        lock.locked_until = now + lock_minutes * 60;
    }
    return lock;
}

}  // namespace pos::core
