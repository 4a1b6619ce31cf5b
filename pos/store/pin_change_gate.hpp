// How many PIN checks pos-store runs for lanes. Each POST /v1/pin that passes the cheap checks
// costs two argon2id runs (64 MiB, about a tenth of a second each): a lane's token must not turn
// that into a way to exhaust the store's memory or to guess faster than the lockout counts. So:
// one request per operator at a time, from before its cheap checks until its count is written;
// a few at once in all; and at most `per_lane` checks per `window` from any one lane.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <variant>

namespace pos::store {

class PinChangeGate {
public:
    using Clock = std::chrono::steady_clock;
    struct Limits {
        int per_lane = 10;
        std::chrono::seconds window{600};
        int at_once = 2;
    };

    // Holds an operator's place until destroyed, on every path out of a request.
    class Pass {
    public:
        Pass(PinChangeGate& gate, std::string operator_id) : gate_(&gate), operator_id_(std::move(operator_id)) {}
        Pass(Pass&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)), operator_id_(other.operator_id_) {}
        Pass(const Pass&) = delete;
        Pass& operator=(const Pass&) = delete;
        Pass& operator=(Pass&&) = delete;
        ~Pass() {
            if (gate_) gate_->leave(operator_id_);
        }

    private:
        PinChangeGate* gate_;
        std::string operator_id_;
    };

    explicit PinChangeGate(Limits limits) : limits_(limits) {}

    // A pass for a request about this operator, or why not now (for a 429).
    [[nodiscard]] std::variant<Pass, std::string> enter(const std::string& operator_id);
    // Counts one PIN check against the lane's allowance: empty when it may run, else why not.
    [[nodiscard]] std::string charge(int64_t lane, Clock::time_point now);

private:
    void leave(const std::string& operator_id);

    Limits limits_;
    std::mutex mutex_;
    std::set<std::string> in_progress_;                         // operators with a request under way
    std::map<int64_t, std::deque<Clock::time_point>> checked_;  // each lane's checks within the window
};

}  // namespace pos::store
