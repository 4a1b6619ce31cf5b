// A held ticket's lines as JSON (挂单), and back (取单): the item snapshot, quantity and price
// as they were when held, so a resumed ticket charges what the customer was shown.
#pragma once

#include <string>
#include <vector>

#include "pos/core/result.hpp"
#include "pos/core/ticket.hpp"

namespace pos::actions {

[[nodiscard]] std::string held_lines_json(const core::Ticket& ticket);
[[nodiscard]] core::Result<std::vector<core::TicketLine>> held_lines_from_json(const std::string& text);

}  // namespace pos::actions
