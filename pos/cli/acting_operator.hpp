// Who acts in an admin command: their number and PIN read from the terminal (the PIN without
// echo) or from standard input, never from the command line (shell history, `ps`).
#pragma once

#include <string>
#include <string_view>

#include "pos/actions/lane.hpp"

namespace pos::cli {

// One line of standard input without its line ending; on a terminal `prompt` is shown on stderr
// first and, for a secret, the typing is not echoed.
[[nodiscard]] std::string read_line(std::string_view prompt, bool secret);

// The acting operator: `number` when given (--by and the like), else the next line; then the PIN
// on the line after. `role` names who is asked for in the prompt ("manager").
[[nodiscard]] actions::Approval read_acting_operator(const std::string& number, std::string_view role);

// posctl --now: refused unless the lane lets scripts set the clock ([security] scripted_time,
// demo and test lanes); empty when not given, so the caller takes the system clock.
[[nodiscard]] core::Result<std::string> given_time(const actions::LaneConfig& config, const std::string& now);

}  // namespace pos::cli
