// What the Lane hands out about its operator, shift and member: values of pos/core, not
// database records, so its callers (pos/ui, pos/checkout, posctl) need no db/ header.
#pragma once

#include <cstdint>
#include <string>

#include "pos/core/member_credit.hpp"
#include "pos/core/money.hpp"
#include "pos/core/permissions.hpp"

namespace pos::actions {

// The operator logged in at the lane.
struct Operator {
    std::string operator_id;
    std::string name;
    core::Role role = core::Role::cashier;
};

// The lane's open shift.
struct OpenShift {
    std::string id;
    int64_t lane = 0;
    std::string operator_id;  // who opened it
    std::string opened_at;    // ISO 8601 with offset
    core::Money float_amount;
};

// A member credit account (挂账) as lane.db has it.
struct Member {
    std::string card;
    std::string phone;
    std::string name;
    core::MemberAccount account;  // the credit limit and what is owed
};

}  // namespace pos::actions
