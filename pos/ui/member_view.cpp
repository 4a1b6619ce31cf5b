// The member's figures as the 还款 screen shows them.
#include "pos/ui/member_view.hpp"

#include "pos/core/member_credit.hpp"
#include "pos/core/money.hpp"

namespace pos::ui {

MemberView make_member_view(const actions::Member& member) {
    const core::MemberAccount& account = member.account;
    return MemberView{member.card,
                      member.name,
                      member.phone,
                      account.limit.to_string(),
                      account.balance.to_string(),
                      core::available_credit(account).to_string(),
                      !account.balance.is_zero() && !account.balance.is_negative()};
}

}  // namespace pos::ui
