// How many PIN checks pos-store runs for lanes. Each POST /v1/pin that passes the cheap checks
// costs an argon2id verify (64 MiB, about a tenth of a second): a lane's token must not turn that
// into a way to exhaust the store's memory or to guess faster than the lockout counts. So: one
// check per operator at a time (a wrong PIN is counted before the next is weighed), a few at
// once in all, and at most `per_lane` per `window` from any one lane.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace pos::store {

class PinChangeGate {
public:
    using Clock = std::chrono::steady_clock;
    struct Limits {
        int per_lane = 10;
        std::chrono::seconds window{600};
        int at_once = 2;
    };

    explicit PinChangeGate(Limits limits) : limits_(limits) {}

    // Empty when the check may run now (the caller then calls leave() with the same operator once
    // it is settled), else why not, for a 429.
    [[nodiscard]] std::string enter(int64_t lane, const std::string& operator_id, Clock::time_point now);
    void leave(const std::string& operator_id);

private:
    Limits limits_;
    std::mutex mutex_;
    std::set<std::string> weighing_;                          // operators whose check runs now
    std::map<int64_t, std::deque<Clock::time_point>> asked_;  // each lane's checks within the window
};

}  // namespace pos::store
