// 无小票退货 on the checkout screen: each item the cashier scans is priced by the Lane and listed;
// the reason and the manager's number and PIN go to the Lane with the list, which decides (a
// stricter role than with a receipt, cash only). This file only moves between screens and prints.
#include "pos/checkout/checkout.hpp"

#include <fmt/format.h>

#include "pos/actions/scripts/session.hpp"
#include "pos/checkout/approval_entry.hpp"

namespace pos::checkout {

using core::ErrorCode;
using ui::Notice;
using ui::Screen;
using ui::Tone;

namespace {

// "2*6921168176748" → quantity 2 and the code; no '*' → the code alone (one piece, or a label's weight).
struct TypedItem {
    std::string code;
    std::optional<core::Quantity> quantity;
};

core::Result<TypedItem> split_quantity(const std::string& text) {
    auto star = text.find('*');
    if (star == std::string::npos) return TypedItem{text, std::nullopt};
    auto quantity = core::Quantity::parse(text.substr(0, star));
    if (!quantity) return quantity.error();
    return TypedItem{text.substr(star + 1), *quantity};
}

std::string kilograms(core::Quantity quantity) {
    int64_t grams = quantity.in_milli();
    return fmt::format("{}.{:03} kg", grams / 1000, grams % 1000);
}

// What the listed items refund before 抹零 (the lane rounds the cash refund); empty with none.
std::string total_of(const std::vector<ui::NoReceiptItemView>& items) {
    if (items.empty()) return {};
    core::Money total;
    for (const ui::NoReceiptItemView& row : items) {
        if (auto amount = core::Money::parse(row.amount)) total += *amount;
    }
    return ui::money_text(total);
}

}  // namespace

void Checkout::apply(const ui::intent::OpenNoReceiptReturn&) {
    if (sale_open()) {
        current_notice() = ui::error_notice(tr_, core::make_error(ErrorCode::ticket_open, {}));
        return;
    }
    state_.no_receipt = ui::NoReceiptForm{};
    no_receipt_lines_.clear();
    no_receipt_view_ = ui::NoReceiptView{};
    state_.screen = Screen::return_no_receipt;
}

void Checkout::apply(const ui::intent::AddReturnItem& intent) {
    ui::NoReceiptForm& form = state_.no_receipt;
    auto typed = split_quantity(intent.code_text);
    if (!typed) {
        form.notice = ui::error_notice(tr_, typed.error());
        return;
    }
    auto priced = lane_.price_return_item(typed->code, typed->quantity);
    if (!priced) {
        form.notice = ui::error_notice(tr_, priced.error());
        form.item.clear();
        return;
    }
    const core::CatalogItem& item = priced->item;
    bool weighed = item.sale_unit == core::SaleUnit::weight;
    core::Money amount =
        priced->label_amount ? *priced->label_amount : core::extend_price(priced->unit_price, priced->quantity);
    ui::NoReceiptItemView row;
    row.name = tr_.is_chinese() || item.name_en.empty() ? item.name_zh : item.name_en;
    row.spec = item.spec;
    row.quantity = weighed ? kilograms(priced->quantity) : priced->quantity.to_string();
    row.unit_price = priced->unit_price.to_string() + (weighed ? "/kg" : "");
    row.amount = amount.to_string();
    fonts_.ensure(row.name);
    fonts_.ensure(row.spec);
    no_receipt_view_.items.push_back(std::move(row));
    no_receipt_lines_.push_back(actions::ReturnLine{0, typed->code, typed->quantity});
    no_receipt_view_.total = total_of(no_receipt_view_.items);
    form.item.clear();
    form.selected = -1;
    form.notice.clear();
}

void Checkout::apply(const ui::intent::RemoveReturnItem& intent) {
    if (intent.index < 0 || intent.index >= static_cast<int>(no_receipt_lines_.size())) return;
    auto at = static_cast<size_t>(intent.index);
    no_receipt_lines_.erase(no_receipt_lines_.begin() + intent.index);
    no_receipt_view_.items.erase(no_receipt_view_.items.begin() + intent.index);
    no_receipt_view_.total = total_of(no_receipt_view_.items);
    ui::NoReceiptForm& form = state_.no_receipt;
    form.selected =
        no_receipt_view_.items.empty() ? -1 : static_cast<int>(std::min(at, no_receipt_view_.items.size() - 1));
    form.notice.clear();
}

void Checkout::apply(const ui::intent::CommitNoReceiptReturn& intent) {
    using Field = ui::NoReceiptForm::Field;
    ui::NoReceiptForm& form = state_.no_receipt;
    actions::ReturnRequest request;
    request.lines = no_receipt_lines_;
    request.refund = core::TenderMethod::cash;
    request.reason = intent.reason;
    request.approval = actions::Approval{intent.approver, intent.pin};
    auto outcome = lane_.return_items(request, actions::local_now());
    if (!outcome) {
        ErrorCode code = outcome.error().code;
        form.pin.clear();
        ApprovalRetry retry = retry_approval(outcome.error(), form);
        if (retry == ApprovalRetry::none && code == ErrorCode::locked_out) {
            // This manager may not approve for now: another one does.
            form.approver.clear();
            form.field = Field::approver;
            retry = ApprovalRetry::approver;
        }
        if (retry != ApprovalRetry::none) {
            form.approval_notice = ui::error_notice(tr_, outcome.error());
            if (code == ErrorCode::not_permitted) {
                // Said in the screen's language: who may approve; the lane's English adds nothing.
                form.approval_notice.text = tr_.format("noreceipt.not_manager", intent.approver);
                form.approval_notice.detail.clear();
            }
        } else {
            // Not the approval: the list or the reason. The dialog closes, the notice is on the screen.
            form.approving = false;
            form.approval_notice.clear();
            form.notice = ui::error_notice(tr_, outcome.error());
            form.field = Field::item;
        }
        return;
    }
    no_receipt_lines_.clear();
    no_receipt_view_ = ui::NoReceiptView{};
    state_.no_receipt = ui::NoReceiptForm{};
    show_return_done(*outcome);
}

}  // namespace pos::checkout
