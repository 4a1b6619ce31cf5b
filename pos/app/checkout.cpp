// Applying screen intents to the Lane. Every rule lives in the Lane; this file only decides
// which screen follows and where a result is shown.
#include "pos/app/checkout.hpp"

#include <imgui.h>

#include "pos/actions/session.hpp"
#include "pos/ui/screens.hpp"
#include "pos/ui/views.hpp"

namespace pos::app {

using core::ErrorCode;
using ui::Notice;
using ui::Screen;
using ui::Tone;

namespace {

Notice success(std::string text) { return Notice{Tone::success, std::move(text), {}}; }
Notice info(std::string text) { return Notice{Tone::info, std::move(text), {}}; }

}  // namespace

bool Checkout::frame(ui::InputQueue& input) {
    ui::Ui ui{tr_, fonts_.fonts(), fonts_.scale()};
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##checkout", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PushFont(ui.fonts.body);
    ui::draw_status_bar(ui::make_status_view(lane_, actions::local_now()), ui);

    ui::Intents intents;
    switch (state_.screen) {
        case Screen::login: ui::draw_login(state_.login, input, intents, ui); break;
        case Screen::open_shift: ui::draw_open_shift(state_.shift, ui::make_shift_view(lane_), input, intents, ui); break;
        case Screen::sale:
            ui::draw_sale(state_.sale, ui::make_sale_view(lane_, tr_.is_chinese()), input, intents, ui);
            break;
        case Screen::tender: ui::draw_tender(state_.tender, ui::make_tender_view(lane_), input, intents, ui); break;
    }
    ImGui::PopFont();
    ImGui::End();

    for (const ui::Intent& intent : intents) {
        std::visit([this](const auto& each) { apply(each); }, intent);
    }
    return !intents.empty();
}

ui::Notice& Checkout::current_notice() {
    switch (state_.screen) {
        case Screen::login: return state_.login.notice;
        case Screen::open_shift: return state_.shift.notice;
        case Screen::sale: return state_.sale.notice;
        case Screen::tender: return state_.tender.notice;
    }
    return state_.sale.notice;
}

void Checkout::enter_after_login() {
    const auto& user = lane_.operator_user();
    const auto& shift = lane_.shift();
    if (shift && user && shift->operator_id == user->operator_id) {
        state_.screen = Screen::sale;
        state_.sale = ui::SaleForm{};
        state_.sale.notice = success(tr_.format("sale.welcome_back", user->name));
        return;
    }
    state_.screen = Screen::open_shift;
    state_.shift = ui::ShiftForm{};
}

void Checkout::apply(const ui::intent::Login& intent) {
    auto done = lane_.login(intent.operator_id, intent.pin);
    ui::LoginForm& form = state_.login;
    if (!done) {
        ErrorCode code = done.error().code;
        form.notice = ui::error_notice(tr_, done.error());
        // For these the translated text says it all; the lane's English wording would only repeat it.
        if (code == ErrorCode::wrong_pin || code == ErrorCode::unknown_operator) form.notice.detail.clear();
        form.pin.clear();
        bool operator_wrong = code == ErrorCode::unknown_operator;
        form.notice_field = operator_wrong ? ui::LoginForm::Field::operator_id : ui::LoginForm::Field::pin;
        form.field = form.notice_field;
        if (operator_wrong) form.operator_id.clear();
        return;
    }
    form = ui::LoginForm{};
    // The operator's name is shown from now on; its characters may be new to the font atlas.
    if (const auto& user = lane_.operator_user()) fonts_.ensure(user->name);
    enter_after_login();
}

void Checkout::apply(const ui::intent::Logout&) {
    auto done = lane_.logout();
    if (!done) {
        current_notice() = ui::error_notice(tr_, done.error());
        return;
    }
    state_ = ui::UiState{};
}

void Checkout::apply(const ui::intent::OpenShift& intent) {
    ui::ShiftForm& form = state_.shift;
    auto amount = core::Money::parse(intent.float_text);
    if (!amount) {
        form.notice = ui::error_notice(tr_, amount.error());
        return;
    }
    auto shift = lane_.open_shift(*amount, actions::local_now());
    if (!shift) {
        form.notice = ui::error_notice(tr_, shift.error());
        return;
    }
    state_.screen = Screen::sale;
    state_.sale = ui::SaleForm{};
    state_.sale.notice = success(tr_.format("sale.shift_opened", ui::money_text(*amount)));
}

void Checkout::apply(const ui::intent::Scan& intent) {
    if (state_.screen == Screen::tender) {
        // A scan after a completed sale starts the next one.
        state_.screen = Screen::sale;
        state_.tender = ui::TenderForm{};
        state_.sale = ui::SaleForm{};
    }
    ui::SaleForm& form = state_.sale;
    std::optional<core::Quantity> quantity;
    if (!intent.quantity_text.empty()) {
        auto parsed = core::Quantity::parse(intent.quantity_text);
        if (!parsed) {
            form.notice = ui::error_notice(tr_, parsed.error());
            return;
        }
        quantity = *parsed;
    }
    auto change = lane_.scan(intent.code, quantity);
    if (!change) {
        form.notice = ui::error_notice(tr_, change.error());
        form.notice.text = tr_.format("sale.code_rejected", intent.code, form.notice.text);
        return;
    }
    form.selected_line = change->line;
    form.scroll_to_selected = true;
    form.notice.clear();
}

void Checkout::apply(const ui::intent::SetQuantity& intent) {
    ui::SaleForm& form = state_.sale;
    auto quantity = core::Quantity::parse(intent.quantity_text);
    if (!quantity) {
        form.notice = ui::error_notice(tr_, quantity.error());
        return;
    }
    auto change = lane_.set_quantity(intent.line, *quantity);
    if (!change) {
        form.notice = ui::error_notice(tr_, change.error());
        return;
    }
    form.selected_line = change->line;
    form.scroll_to_selected = true;
    form.notice = success(tr_.format("sale.quantity_set", change->line, intent.quantity_text));
}

void Checkout::apply(const ui::intent::VoidLine& intent) {
    ui::SaleForm& form = state_.sale;
    auto change = lane_.void_line(intent.line, intent.approver, intent.pin);
    if (!change) {
        form.approval.notice = ui::error_notice(tr_, change.error());
        form.approval.pin.clear();
        if (change.error().code == ErrorCode::wrong_pin) {
            form.approval.notice.detail.clear();
            form.approval.field = ui::ApprovalForm::Field::pin;
        } else if (change.error().code == ErrorCode::unknown_operator || change.error().code == ErrorCode::not_permitted) {
            form.approval.approver.clear();
            form.approval.field = ui::ApprovalForm::Field::approver;
        }
        return;
    }
    form.approval = ui::ApprovalForm{};
    form.selected_line = change->line;
    form.notice = success(tr_.format("sale.voided", change->line, intent.approver));
}

void Checkout::apply(const ui::intent::GoToTender&) {
    if (!lane_.ticket().has_live_lines()) {
        state_.sale.notice = info(tr_("sale.scan_first"));
        return;
    }
    state_.screen = Screen::tender;
    state_.tender = ui::TenderForm{};
}

void Checkout::apply(const ui::intent::BackToSale&) {
    if (state_.tender.done) state_.sale = ui::SaleForm{};
    state_.screen = Screen::sale;
    state_.tender = ui::TenderForm{};
}

void Checkout::apply(const ui::intent::Tender& intent) {
    ui::TenderForm& form = state_.tender;
    actions::TenderRequest request;
    request.method = intent.method;
    if (!intent.amount_text.empty()) {
        auto amount = core::Money::parse(intent.amount_text);
        if (!amount) {
            form.notice = ui::error_notice(tr_, amount.error());
            form.amount.clear();
            return;
        }
        request.amount = *amount;
    }
    auto outcome = lane_.tender(request, actions::local_now());
    if (!outcome) {
        form.notice = ui::error_notice(tr_, outcome.error());
        form.amount.clear();
        return;
    }
    if (!outcome->sale_id) {
        // Only a split (partial) tender leaves the sale open, and this screen does not take one yet.
        form.notice = info(tr_.format("tender.remaining", ui::money_text(outcome->payment.remaining)));
        return;
    }
    form = ui::TenderForm{};
    form.done = ui::CompletedSale{outcome->receipt_no, intent.method, outcome->payment.total, outcome->payment.paid,
                                  outcome->payment.change};
    state_.sale = ui::SaleForm{};
}

}  // namespace pos::app
