// Member credit checks (pos/core/member_credit.hpp).
#include "pos/core/member_credit.hpp"

namespace pos::core {

Money available_credit(const MemberAccount& account) {
    Money left = account.limit - account.balance;
    return left < Money{} ? Money{} : left;
}

Status check_account_sale(const MemberAccount& account, Money amount) {
    if (amount <= Money{}) return make_error(ErrorCode::bad_amount, "an amount on account must be more than 0");
    Money available = available_credit(account);
    if (amount > available) {
        return make_error(ErrorCode::over_credit_limit,
                          "over the credit limit: only " + available.to_string() + " of credit is available (limit " +
                              account.limit.to_string() + ", owed " + account.balance.to_string() + "); put " +
                              available.to_string() + " on account and take the rest in cash, card or mobile");
    }
    return Done{};
}

Status check_repayment(const MemberAccount& account, Money amount) {
    if (amount <= Money{}) return make_error(ErrorCode::bad_amount, "a repayment must be more than 0");
    if (amount > account.balance) {
        return make_error(ErrorCode::bad_amount,
                          "the member owes only " + account.balance.to_string() + ": take at most that much");
    }
    return Done{};
}

}  // namespace pos::core
