// 会员 on the checkout screen: F2 with a card number or phone typed looks the member up and keeps
// it on the ticket (member prices, a sale on account with F5 on the tender screen); F2 with
// nothing typed on an empty ticket opens 会员还款, where the member repays in cash, by card or
// mobile. The rules are the Lane's; this decides what the screen shows and prints.
#include "pos/checkout/checkout.hpp"

#include "pos/actions/printing/repayment_slip.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/core/member_credit.hpp"

namespace pos::checkout {

using ui::Notice;
using ui::Screen;
using ui::Tone;

void Checkout::apply(const ui::intent::ApplyMember& intent) {
    ui::SaleForm& form = state_.sale;
    auto member = lane_.apply_member(intent.card_or_phone, actions::local_now());
    if (!member) {
        form.notice = ui::error_notice(tr_, member.error());
        return;
    }
    core::Money available = core::available_credit(member->account);
    form.notice = ui::Notice{ui::Tone::success,
                             tr_.format("sale.member_applied", member->name, member->card, ui::money_text(available)),
                             {}};
}

void Checkout::apply(const ui::intent::OpenRepayment&) {
    if (sale_open()) {
        current_notice() = ui::error_notice(tr_, core::make_error(core::ErrorCode::ticket_open, {}));
        return;
    }
    state_.repay = ui::RepayForm{};
    member_view_ = ui::MemberView{};
    state_.screen = Screen::repayment;
    // The member already on the ticket (F2 with the card typed) is the one who repays, most likely.
    if (const auto& member = lane_.member()) {
        state_.repay.member.text = member->card;
        apply(ui::intent::FindMember{member->card});
    }
}

void Checkout::apply(const ui::intent::FindMember& intent) {
    ui::RepayForm& form = state_.repay;
    auto member = lane_.find_member(intent.card_or_phone);
    if (!member) {
        form.notice = ui::error_notice(tr_, member.error());
        form.member.clear();
        member_view_ = ui::MemberView{};
        return;
    }
    fonts_.ensure(member->name);
    member_view_ = ui::make_member_view(*member);
    form.field = ui::RepayForm::Field::amount;
    // What is owed, replaced by the first digit typed when the member pays part of it.
    form.amount = ui::Entry{ui::EntryKind::decimal, 10, member_view_.owed, true};
    form.notice.clear();
    if (!member_view_.owes) form.notice = Notice{Tone::info, tr_.format("repay.nothing_owed", member->name), {}};
}

void Checkout::apply(const ui::intent::PayAccount& intent) {
    ui::RepayForm& form = state_.repay;
    auto amount = core::Money::parse(intent.amount_text);
    if (!amount) {
        form.notice = ui::error_notice(tr_, amount.error());
        return;
    }
    std::string now = actions::local_now();
    auto paid = lane_.pay_account(intent.card, *amount, now, intent.method);
    if (!paid) {
        form.notice = ui::error_notice(tr_, paid.error());
        return;
    }
    member_view_ = ui::make_member_view(paid->member);
    form.done = true;
    const char* method = intent.method == core::TenderMethod::cash   ? "repay.cash"
                         : intent.method == core::TenderMethod::card ? "repay.card"
                                                                     : "repay.mobile";
    form.notice = Notice{Tone::success,
                         tr_.format("repay.done", ui::money_text(paid->amount), tr_(method), paid->member.name,
                                    ui::money_text(paid->member.account.balance)),
                         {}};
    if (printing_) {
        // Cash goes into the drawer: it opens first, as after a cash sale.
        if (intent.method == core::TenderMethod::cash) printing_->open_drawer();
        const auto& user = lane_.operator_user();
        auto lines = actions::repayment_slip_lines(*paid, lane_.config(), user ? user->operator_id : std::string{}, now,
                                                   printing_->queue().profile().columns);
        printing_->print_lines(lines);
        form.notice.detail = tr_("repay.slip_queued");
    }
}

}  // namespace pos::checkout
