// What the 会员还款 screen draws of a member: formatted from the Lane's member record.
#pragma once

#include <string>

#include "pos/actions/lane_types.hpp"

namespace pos::ui {

struct MemberView {
    std::string card;  // empty: none looked up yet
    std::string name;
    std::string phone;
    std::string limit;  // "500.00"
    std::string owed;
    std::string available;
    bool owes = false;  // something to repay
};

[[nodiscard]] MemberView make_member_view(const actions::Member& member);

}  // namespace pos::ui
