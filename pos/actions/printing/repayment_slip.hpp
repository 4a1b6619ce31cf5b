// The slip a member account repayment (还款) prints at the lane: store, lane, cashier, time, the
// member, the amount and how it was paid, and what the member still owes. The customer keeps it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "drivers/printer/profile.hpp"
#include "pos/actions/setup/config.hpp"
#include "pos/actions/lane.hpp"

namespace pos::actions {

[[nodiscard]] std::vector<std::string> repayment_slip_lines(const AccountRepayment& repayment, const LaneConfig& config,
                                                            const std::string& operator_id, const std::string& at,
                                                            int columns);

}  // namespace pos::actions
