// Member credit accounts (挂账): what a member may still buy on account, and the checks on a
// sale on account and a repayment. Pure.
#pragma once

#include "pos/core/money.hpp"
#include "pos/core/result.hpp"

namespace pos::core {

struct MemberAccount {
    Money limit;    // credit limit
    Money balance;  // owed to the store
};

// limit − balance, never below zero (a lowered limit can leave a member over it).
[[nodiscard]] Money available_credit(const MemberAccount& account);

// A sale of `amount` on account: refused (over_credit_limit) beyond the available credit, with a
// message naming it so the cashier can take that much on account and the rest in another tender.
[[nodiscard]] Status check_account_sale(const MemberAccount& account, Money amount);

// A repayment: positive and no more than is owed.
[[nodiscard]] Status check_repayment(const MemberAccount& account, Money amount);

}  // namespace pos::core
