// pos-store's limits on PIN checks (pos/store/pin_change_gate.hpp).
#include "pos/store/pin_change_gate.hpp"

#include <fmt/format.h>

namespace pos::store {

std::variant<PinChangeGate::Pass, std::string> PinChangeGate::enter(const std::string& operator_id) {
    std::lock_guard lock(mutex_);
    if (in_progress_.contains(operator_id)) {
        return fmt::format(
            "a PIN change of operator {} is being checked already: nothing was checked; try again "
            "in a moment",
            operator_id);
    }
    if (int(in_progress_.size()) >= limits_.at_once) {
        return std::string("the store is checking other PIN changes: nothing was checked; try again in a moment");
    }
    in_progress_.insert(operator_id);
    return Pass(*this, operator_id);
}

std::string PinChangeGate::charge(int64_t lane, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    std::deque<Clock::time_point>& times = checked_[lane];
    while (!times.empty() && now - times.front() >= limits_.window) times.pop_front();
    if (int(times.size()) >= limits_.per_lane) {
        auto wait = std::chrono::ceil<std::chrono::minutes>(limits_.window - (now - times.front()));
        return fmt::format(
            "lane {} asked for {} PIN changes within {} minutes, more than any till needs: nothing "
            "was checked; try again in {} minute(s), or a manager resets the PIN",
            lane, limits_.per_lane, std::chrono::duration_cast<std::chrono::minutes>(limits_.window).count(),
            wait.count());
    }
    times.push_back(now);
    return {};
}

void PinChangeGate::leave(const std::string& operator_id) {
    std::lock_guard lock(mutex_);
    in_progress_.erase(operator_id);
}

}  // namespace pos::store
