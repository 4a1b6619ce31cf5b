// F9 退货 on the checkout screen: the receipt looked up, the lines and quantities the cashier
// typed sent to the Lane, the return slip printed (and the drawer opened for cash). The rules
// are all the Lane's; this only decides what the screen shows next.
#include "pos/checkout/checkout.hpp"

#include <algorithm>

#include "pos/actions/scripts/session.hpp"
#include "pos/checkout/approval_entry.hpp"

namespace pos::checkout {

using core::ErrorCode;
using ui::Notice;
using ui::Screen;
using ui::Tone;

void Checkout::apply(const ui::intent::OpenReturn&) {
    if (sale_open()) {
        current_notice() = ui::error_notice(tr_, core::make_error(ErrorCode::ticket_open, {}));
        current_notice().detail = tr_("return.waits_for_sale");
        return;
    }
    state_.returns = ui::ReturnForm{};
    returning_.reset();
    return_view_ = ui::ReturnView{};
    state_.screen = Screen::returns;
}

void Checkout::apply(const ui::intent::LookupReturn& intent) {
    // On a worker (receipt_lookup.hpp): the store may take seconds to answer.
    ui::ReturnForm& form = state_.returns;
    form.looking_up = true;
    form.notice = Notice{Tone::info, tr_.format("return.looking_up", intent.receipt), {}};
    lookup_.start(lane_, intent.receipt, notify_);
}

void Checkout::show_lookup(ReceiptLookup::Answer found) {
    ui::ReturnForm& form = state_.returns;
    form.looking_up = false;
    if (!found) {
        form.notice = ui::error_notice(tr_, found.error());
        form.receipt.clear();
        return;
    }
    returning_ = std::move(*found);
    return_view_ = ui::make_return_view(*returning_, tr_.is_chinese());
    for (const ui::ReturnLineView& line : return_view_.lines) fonts_.ensure(line.name);
    form.quantities.assign(return_view_.lines.size(), ui::Entry{ui::EntryKind::decimal, 9, {}, false});
    form.selected = 0;
    form.field = ui::ReturnForm::Field::quantity;
    form.notice.clear();
    if (return_view_.lines.empty()) form.notice = Notice{Tone::info, tr_("return.nothing_left"), {}};
    // The store was not reachable: other lanes' returns of this receipt are not counted yet.
    else if (!returning_->notice.empty())
        form.notice = Notice{Tone::error, tr_("return.store_not_asked"), {}};
}

void Checkout::apply(const ui::intent::CommitReturn& intent) {
    using Field = ui::ReturnForm::Field;
    ui::ReturnForm& form = state_.returns;
    actions::ReturnRequest request;
    request.receipt = intent.receipt;
    request.reason = intent.reason;
    request.approval = actions::Approval{intent.approver, intent.pin};
    for (const ui::intent::ReturnLineQty& line : intent.lines) {
        auto quantity = core::Quantity::parse(line.quantity_text);
        if (!quantity) {
            form.notice = ui::error_notice(tr_, quantity.error());
            form.field = Field::quantity;
            return;
        }
        request.lines.push_back(actions::ReturnLine{line.line, {}, *quantity});
    }
    auto outcome = lane_.return_items(request, actions::local_now());
    if (!outcome) {
        form.notice = ui::error_notice(tr_, outcome.error());
        form.pin.clear();
        // Not the approval: a quantity (or the receipt's state) is what to look at again.
        if (retry_approval(outcome.error(), form) == ApprovalRetry::none) form.field = Field::quantity;
        return;
    }
    // Committed: the slip prints (the drawer opens first for a cash refund), and the screen
    // goes back to selling with what was refunded.
    returning_.reset();
    return_view_ = ui::ReturnView{};
    state_.returns = ui::ReturnForm{};
    show_return_done(*outcome);
}

void Checkout::show_return_done(const actions::ReturnOutcome& outcome) {
    state_.screen = Screen::sale;
    state_.sale.notice =
        Notice{Tone::success, tr_.format("return.done", ui::money_text(outcome.refund.total), outcome.receipt_no), {}};
    if (printing_) {
        if (auto queued = printing_->print_sale(outcome.sale_id); !queued)
            state_.sale.notice = ui::error_notice(tr_, queued.error());
    }
    // Money back to a payment code goes through the gateway (journaled with the return).
    bool by_code = std::any_of(outcome.refund.tenders.begin(), outcome.refund.tenders.end(),
                               [](const core::Tender& tender) { return core::is_payment_code_method(tender.method); });
    if (by_code && desk_) {
        state_.sale.notice.detail = tr_("paycode.refunding");
        payment_.refund(*desk_, outcome.sale_id, notify_);
    }
}

}  // namespace pos::checkout
