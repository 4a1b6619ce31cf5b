// Reading the acting operator of an admin command (pos/cli/acting_operator.hpp).
#include "pos/cli/acting_operator.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "pos/actions/scripts/session.hpp"

namespace pos::cli {

std::string read_line(std::string_view prompt, bool secret) {
    bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    bool hidden = false;
    if (terminal) {
        std::cerr << prompt << ": " << std::flush;
        if (secret && tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            hidden = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    std::string line;
    std::getline(std::cin, line);
    if (hidden) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << '\n';
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

actions::Approval read_acting_operator(const std::string& number, std::string_view role) {
    actions::Approval acting;
    acting.approver = number.empty() ? read_line(fmt::format("{}'s operator number", role), false) : number;
    acting.pin = read_line(fmt::format("PIN of {}", acting.approver), true);
    return acting;
}

core::Result<std::string> given_time(const actions::LaneConfig& config, const std::string& now) {
    if (now.empty() || config.scripted_time) return now;
    return core::make_error(core::ErrorCode::not_permitted,
                            "this lane keeps the system clock: --now is taken only on a demo or test lane "
                            "([security] scripted_time = true in pos.toml); leave --now out");
}

}  // namespace pos::cli
