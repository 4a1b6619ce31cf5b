// Waiting in tests for what another thread or process does, bounded, with no sleep standing in
// for it: eventually() polls a condition that has no event to wait on (a state file, a status
// query, the sync worker's snapshot); Signal wakes the test at each notify() of the other side.
// The limits only end a test that would otherwise hang; they are no claim about speed.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include <doctest/doctest.h>

namespace pos::testing {

// Polls `condition` until it holds (true) or `limit` passes (false, with a message naming `what`,
// the thing awaited). The wait between tries grows from 1 ms to 50 ms: quick when the answer is
// near, light on the two shared cores when it is not.
inline bool eventually(std::string_view what, const std::function<bool()>& condition,
                       std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    auto give_up = std::chrono::steady_clock::now() + limit;
    auto pause = std::chrono::milliseconds(1);
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= give_up) {
            MESSAGE("waited ", limit.count(), " ms for ", what, ": it did not happen");
            return false;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min<std::chrono::milliseconds>(pause * 2, std::chrono::milliseconds(50));
    }
    return true;
}

// An event another thread reports: it calls notify() after changing what the test looks at; the
// test waits for the n-th notify, or for its own condition re-checked at every notify.
class Signal {
public:
    void notify() {
        {
            std::lock_guard lock(mutex_);
            ++count_;
        }
        changed_.notify_all();
    }

    // True once notify() was called `times` times in all.
    bool wait_count(std::string_view what, int times, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
        std::unique_lock lock(mutex_);
        if (changed_.wait_for(lock, limit, [&] { return count_ >= times; })) return true;
        MESSAGE("waited ", limit.count(), " ms for ", what, ": notified ", count_, " times of ", times);
        return false;
    }

    // True once `condition` holds; it is checked now and after every notify(), under this
    // signal's lock (so it must not call back into this Signal).
    bool wait_until(std::string_view what, const std::function<bool()>& condition,
                    std::chrono::milliseconds limit = std::chrono::seconds(10)) {
        std::unique_lock lock(mutex_);
        if (changed_.wait_for(lock, limit, condition)) return true;
        MESSAGE("waited ", limit.count(), " ms for ", what, ": it did not happen");
        return false;
    }

    [[nodiscard]] int count() const {
        std::lock_guard lock(mutex_);
        return count_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    int count_ = 0;
};

}  // namespace pos::testing
