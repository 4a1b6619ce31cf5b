// F2 会员 on the sale screen: the card number or phone typed is looked up by the Lane and the
// member stays on the ticket (member prices, a sale on account with F5 on the tender screen).
#include "pos/app/checkout.hpp"

#include "pos/actions/session.hpp"
#include "pos/core/member_credit.hpp"

namespace pos::app {

void Checkout::apply(const ui::intent::ApplyMember& intent) {
    ui::SaleForm& form = state_.sale;
    auto member = lane_.apply_member(intent.card_or_phone, actions::local_now());
    if (!member) {
        form.notice = ui::error_notice(tr_, member.error());
        return;
    }
    core::Money available = core::available_credit({core::Money::fen(member->limit_fen), core::Money::fen(member->balance_fen)});
    form.notice = ui::Notice{ui::Tone::success,
                             tr_.format("sale.member_applied", member->name, member->card, ui::money_text(available)),
                             {}};
}

}  // namespace pos::app
