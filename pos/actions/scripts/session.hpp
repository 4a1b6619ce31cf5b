// The action-script runner (docs/design.md "Action scripts"): JSON Lines in, one JSON result per action out.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "pos/actions/lane.hpp"

namespace pos::actions {

class PaymentDesk;

// Returns the current time as ISO 8601 with offset; an action's "now" field overrides it.
using Clock = std::function<std::string()>;

// The wall clock in local time, e.g. "2026-11-23T09:15:00+08:00".
[[nodiscard]] std::string local_now();

// The result line of a failed action: {"ok":false,"error":{"code","message"}}.
[[nodiscard]] nlohmann::json failure(const core::Error& error);

// Applies one action to the lane and returns its result object ({"ok":true,...} or
// {"ok":false,"error":{"code","message"}}). A failed action changes nothing.
// `desk`: the lane's payment codes (pay_code); null where [payments] is not set up.
[[nodiscard]] nlohmann::json apply_action(Lane& lane, const nlohmann::json& action, const Clock& clock,
                                          PaymentDesk* desk = nullptr);

struct SessionSummary {
    int actions = 0;
    int failed = 0;
};

// Runs every line of `script` through apply_action, writing and flushing each result line
// before the next action starts (so a printed result is always a finished action).
SessionSummary run_session(Lane& lane, std::istream& script, std::ostream& results, const Clock& clock,
                           PaymentDesk* desk = nullptr);

}  // namespace pos::actions
