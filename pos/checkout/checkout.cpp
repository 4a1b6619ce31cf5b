// Applying screen intents to the Lane. Every rule lives in the Lane; this file only decides
// which screen follows and where a result is shown.
#include "pos/checkout/checkout.hpp"

#include <imgui.h>

#include "pos/actions/scripts/session.hpp"
#include "pos/actions/shift/shift_report.hpp"
#include "pos/checkout/approval_entry.hpp"
#include "pos/checkout/screen_table.hpp"
#include "pos/core/payment_code.hpp"
#include "pos/core/shift.hpp"
#include "pos/ui/screens.hpp"
#include "pos/ui/views.hpp"

namespace pos::checkout {

using core::ErrorCode;
using ui::Notice;
using ui::Screen;
using ui::Tone;

namespace {

Notice success(std::string text) { return Notice{Tone::success, std::move(text), {}}; }
Notice info(std::string text) { return Notice{Tone::info, std::move(text), {}}; }

}  // namespace

bool Checkout::frame(ui::InputQueue& input) {
    // The F9 lookup's answer, taken once a frame, before the screen that shows it is drawn.
    std::optional<ReceiptLookup::Answer> found = lookup_.take();
    if (found) show_lookup(std::move(*found));
    bool paying = poll_payment();
    const ScreenEntry& screen = screen_entry(state_.screen);
    // The keys of the screen drawn now; keys left in the queue meet the next screen's own.
    const ui::KeyTable* keys = keymap_.table(screen.key_context(state_));
    input.use_keys(keys);
    ui::Ui ui{tr_, fonts_.fonts(), fonts_.scale(), keys};
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##checkout", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PushFont(ui.fonts.body);
    ui::StatusView status = ui::make_status_view(lane_, actions::local_now());
    status.scanner_connected = scanner_connected_;
    status.sync = sync_;
    if (printing_) {
        status.printer = printing_->status();
        if (status.printer->drawer_missed > drawer_missed_seen_) {
            drawer_missed_seen_ = status.printer->drawer_missed;
            current_notice() = Notice{Tone::error, tr_("print.drawer_missed"), status.printer->reason};
        }
    }
    if (customer_display_) status.display_connected = customer_display_->status().connected;
    if (scale_) status.scale_connected = scale_->status().connected;
    ui::draw_status_bar(status, ui);

    ui::Intents intents;
    if (settling_) {
        ui::draw_payment_settle(settle_view_, ui);  // before anyone sells: keys wait in the queue
    } else {
        screen.draw(*this, input, intents, ui);
    }
    ImGui::PopFont();
    ImGui::End();
    // A typed reason may hold characters the atlas lacks: added before the next frame.
    if (const std::string* typed = screen.typed(state_)) fonts_.ensure(*typed);
    bool searched = refresh_lookup();

    for (const ui::Intent& intent : intents) {
        std::visit([this](const auto& each) { apply(each); }, intent);
    }
    // After the intents: the customer sees the item just scanned, not the one before it.
    if (customer_display_) customer_display_->follow(actions::customer_scene(customer_moment()));
    return !intents.empty() || searched || found || paying;
}

actions::CustomerMoment Checkout::customer_moment() const {
    actions::CustomerMoment moment;
    moment.ticket = &lane_.ticket();
    moment.rounding = lane_.config().cash_rounding;
    moment.paying = state_.screen == Screen::tender;
    moment.selected_line = state_.screen == Screen::sale ? state_.sale.selected_line : 0;
    moment.chinese = tr_.is_chinese();
    if (state_.screen == Screen::tender && state_.tender.done) {
        const ui::CompletedSale& done = *state_.tender.done;
        moment.done = actions::CustomerMoment::Done{done.total, done.paid, done.change};
    }
    return moment;
}

ui::CustomerView Checkout::customer_view() const {
    const actions::LaneConfig& config = lane_.config();
    ui::CustomerMomentView moment;
    actions::CustomerMoment now = customer_moment();
    moment.scene = actions::customer_scene(now);
    moment.lines = ui::make_sale_view(lane_, tr_.is_chinese()).lines;
    moment.selected_line = now.selected_line;
    moment.paying =
        state_.screen == Screen::tender || state_.screen == Screen::payment_code || !lane_.ticket().tenders().empty();
    moment.code_entry = state_.screen == Screen::payment_code && state_.pay_code.phase == ui::PayCodeForm::Phase::entry;
    moment.code_waiting =
        state_.screen == Screen::payment_code && state_.pay_code.phase == ui::PayCodeForm::Phase::waiting;
    moment.store = config.store_name;
    bool own_text = config.customer_window && !config.customer_window->idle_text.empty();
    moment.welcome = own_text ? config.customer_window->idle_text : config.store_name;
    return ui::make_customer_view(moment);
}

ui::SaleView Checkout::sale_view() {
    ui::SaleView view = ui::make_sale_view(lane_, tr_.is_chinese());
    // A big catalog's names are not all in the atlas from the start (main.cpp): add what shows.
    for (const ui::LineView& line : view.lines) {
        fonts_.ensure(line.name);
        fonts_.ensure(line.spec);
    }
    if (held_stale_) {
        held_.clear();
        if (auto held = lane_.held_tickets()) {
            for (const actions::HeldTicket& each : *held) held_.push_back(ui::make_held_view(each));
        }
        held_stale_ = false;
    }
    view.held = held_;
    view.found = found_;
    if (state_.sale.weigh.open) view.scale = scale_view();
    return view;
}

bool Checkout::refresh_lookup() {
    ui::LookupForm& form = state_.sale.lookup;
    if (state_.screen != Screen::sale || !form.open) {
        searched_.reset();
        found_.clear();
        return false;
    }
    if (searched_ && *searched_ == form.query.text) return false;
    searched_ = form.query.text;
    found_.clear();
    fonts_.ensure(form.query.text);  // Chinese typed through the input method
    auto items = lane_.search(form.query.text, 30);
    if (!items) {
        form.notice = ui::error_notice(tr_, items.error());
        return true;
    }
    for (const core::CatalogItem& item : *items) {
        found_.push_back(ui::make_found_item(item, tr_.is_chinese()));
        fonts_.ensure(found_.back().name);
    }
    if (form.query.text.size() > 0 && found_.empty()) {
        form.notice = info(tr_("lookup.nothing"));
    } else if (form.notice.tone == Tone::info) {
        form.notice.clear();
    }
    return true;
}

void Checkout::apply(const ui::intent::Suspend&) {
    ui::SaleForm& form = state_.sale;
    auto held = lane_.suspend(actions::local_now());
    held_stale_ = true;
    if (!held) {
        form.notice = ui::error_notice(tr_, held.error());
        return;
    }
    // The number the cashier reads back: this ticket's place among those now on hold.
    size_t count = 1;
    if (auto all = lane_.held_tickets()) count = all->size();
    form = ui::SaleForm{};
    form.notice = success(tr_.format("held.done", count, held->lines, ui::money_text(held->total)));
}

void Checkout::apply(const ui::intent::Resume& intent) {
    ui::SaleForm& form = state_.sale;
    auto resumed = lane_.resume(intent.id);
    held_stale_ = true;
    if (!resumed) {
        // Shown where the cashier is looking: in the list when it is open.
        (form.held.open ? form.held.notice : form.notice) = ui::error_notice(tr_, resumed.error());
        return;
    }
    form = ui::SaleForm{};
    form.selected_line = static_cast<int>(lane_.ticket().lines().size());
    form.scroll_to_selected = true;
    form.notice = success(tr_.format("held.resumed",
                                     resumed->held_at.size() >= 16 ? resumed->held_at.substr(11, 5) : resumed->held_at,
                                     resumed->lines, ui::money_text(resumed->total)));
}

void Checkout::apply(const ui::intent::OverridePrice& intent) {
    ui::SaleForm& form = state_.sale;
    ui::ApprovalForm& dialog = form.approval;
    auto price = core::Money::parse(intent.price_text);
    if (!price) {
        dialog.notice = ui::error_notice(tr_, price.error());
        dialog.price.clear();
        dialog.field = ui::ApprovalForm::Field::price;
        return;
    }
    auto change = lane_.override_price(intent.line, *price, actions::Approval{intent.approver, intent.pin});
    if (!change) {
        dialog.notice = ui::error_notice(tr_, change.error());
        dialog.pin.clear();
        ApprovalRetry retry = retry_approval(change.error(), dialog);
        // For a wrong PIN the translated text says it all; the lane's English would only repeat it.
        if (retry == ApprovalRetry::pin) dialog.notice.detail.clear();
        if (retry == ApprovalRetry::none && change.error().code == ErrorCode::bad_amount) {
            dialog.price.clear();
            dialog.field = ui::ApprovalForm::Field::price;
        }
        return;
    }
    form.approval = ui::ApprovalForm{};
    form.selected_line = change->line;
    form.notice = success(tr_.format("price.done", change->line, ui::money_text(*price), intent.approver));
}

ui::Notice& Checkout::current_notice() { return screen_entry(state_.screen).notice(state_); }

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
    held_stale_ = true;
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
    core::Money amount;
    auto shift = [&]() -> core::Result<actions::OpenShift> {
        if (intent.counts.empty()) {
            auto typed = core::Money::parse(intent.float_text);
            if (!typed) return typed.error();
            amount = *typed;
            return lane_.open_shift(amount, actions::local_now());
        }
        // Counted by denomination (F2): the lane keeps the counts with the shift and sends them to the store.
        core::CashCount counted;
        const std::vector<core::Money>& denominations = core::cny_denominations();
        for (size_t i = 0; i < intent.counts.size() && i < denominations.size(); ++i) {
            if (intent.counts[i] == 0) continue;
            if (auto set = counted.set(denominations[i], intent.counts[i]); !set) return set.error();
        }
        amount = counted.total();
        return lane_.open_shift(counted, actions::local_now());
    }();
    if (!shift) {
        form.notice = ui::error_notice(tr_, shift.error());
        return;
    }
    state_.screen = Screen::sale;
    state_.sale = ui::SaleForm{};
    state_.sale.notice = success(tr_.format("sale.shift_opened", ui::money_text(amount)));
}

void Checkout::scanned(const std::string& code) {
    using Phase = ui::PayCodeForm::Phase;
    if (state_.screen == Screen::payment_code &&
        (state_.pay_code.phase == Phase::entry || state_.pay_code.phase == Phase::failed)) {
        // The customer's payment code, read by the USB scanner; after a refusal, their next one.
        state_.pay_code.phase = Phase::entry;
        state_.pay_code.notice.clear();
        apply(ui::intent::ChargeCode{code});
        return;
    }
    if (state_.screen == Screen::payment_code) {
        // Never shown whole: it may be the customer's code scanned twice.
        current_notice() = info(tr_.format("scanner.scan_ignored", core::mask_payment_code(code)));
        return;
    }
    if (state_.screen == Screen::stock_scan && state_.stock_scan.phase == ui::StockScanForm::Phase::scanning) {
        // Counting or checking a delivery: "3*" typed before the scan counts three.
        ui::Entry& typed = state_.stock_scan.code;
        std::string quantity;
        if (typed.text.size() > 1 && typed.text.back() == '*' && typed.text.find('*') == typed.text.size() - 1)
            quantity = typed.text.substr(0, typed.text.size() - 1);
        typed.clear();
        apply(ui::intent::StockScan{code, quantity, state_.stock_scan.damaged});
        return;
    }
    bool next_customer = state_.screen == Screen::tender && state_.tender.done;
    if (state_.screen != Screen::sale && !next_customer) {
        current_notice() = info(tr_.format("scanner.scan_ignored", code));
        return;
    }
    std::string quantity;
    ui::Entry& typed = state_.sale.input;
    if (state_.screen == Screen::sale && typed.text.size() > 1 && typed.text.back() == '*' &&
        typed.text.find('*') == typed.text.size() - 1) {
        quantity = typed.text.substr(0, typed.text.size() - 1);  // "3*" then a scan: three of it
        typed.clear();
    }
    apply(ui::intent::Scan{code, quantity});
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
    // A weighed item without a weight on a lane with a scale: the weighing panel weighs it.
    if (!quantity && start_weighing(intent.code)) return;
    auto change = lane_.scan(intent.code, quantity);
    if (!change && change.error().code == ErrorCode::approval_required && start_weighing(intent.code)) {
        // "0.350*PLU" on a lane with a scale: the typed weight waits in the panel for a supervisor.
        ui::WeighForm& weigh = form.weigh;
        weigh.weight.text = intent.quantity_text;
        weigh.field = ui::WeighForm::Field::approver;
        weigh.notice = ui::Notice{Tone::info, tr_("weigh.keyed"), {}};
        return;
    }
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
        if (retry_approval(change.error(), form.approval) == ApprovalRetry::pin) form.approval.notice.detail.clear();
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
    request.partial = intent.partial;
    if (!intent.amount_text.empty()) {
        auto amount = core::Money::parse(intent.amount_text);
        if (!amount) {
            form.notice = ui::error_notice(tr_, amount.error());
            form.amount.clear();
            return;
        }
        request.amount = *amount;
    } else if (intent.method == core::TenderMethod::account) {
        // F5 with no amount: what is due, or as much as the member's credit allows (the rest in another tender).
        ui::TenderView view = ui::make_tender_view(lane_);
        if (!view.member.empty() && view.member_available < view.due_exact && view.member_available > core::Money{}) {
            request.amount = view.member_available;
            request.partial = true;
        }
    }
    auto outcome = lane_.tender(request, actions::local_now());
    if (!outcome) {
        form.notice = ui::error_notice(tr_, outcome.error());
        form.amount.clear();
        return;
    }
    if (!outcome->sale_id) {
        // Part of a split tender: the rest is shown big as still to pay.
        form.notice = info(tr_.format("tender.remaining", ui::money_text(outcome->payment.remaining)));
        return;
    }
    show_sale_done(*outcome, intent.method);
}

void Checkout::show_sale_done(const actions::TenderOutcome& outcome, core::TenderMethod method) {
    state_.screen = Screen::tender;
    ui::TenderForm& form = state_.tender;
    form = ui::TenderForm{};
    form.done = ui::CompletedSale{outcome.receipt_no, method, outcome.payment.total, outcome.payment.paid,
                                  outcome.payment.change};
    state_.sale = ui::SaleForm{};
    if (printing_) {
        // The sale is committed: the receipt (and for cash the drawer) is queued now, and
        // whatever the printer does the sale stays complete.
        auto queued = printing_->print_sale(*outcome.sale_id);
        actions::PrinterState printer = printing_->status().state;
        if (!queued) {
            form.notice = ui::error_notice(tr_, queued.error());
        } else if (printer != actions::PrinterState::ready && printer != actions::PrinterState::unknown) {
            form.notice = info(tr_.format("print.receipt_waiting", tr_(printer_state_key(printer))));
        }
    }
}

const char* Checkout::printer_state_key(actions::PrinterState state) const {
    switch (state) {
        case actions::PrinterState::unknown:
        case actions::PrinterState::ready: return "status.printer_ready";
        case actions::PrinterState::paper_out: return "status.printer_paper_out";
        case actions::PrinterState::cover_open: return "status.printer_cover_open";
        case actions::PrinterState::offline: return "status.printer_offline";
        case actions::PrinterState::not_connected: return "status.printer_not_connected";
    }
    return "status.printer_ready";
}

void Checkout::apply(const ui::intent::Reprint&) {
    Notice& notice = current_notice();
    if (!printing_) {
        notice = info(tr_("print.no_printer"));
        return;
    }
    auto last = printing_->last_receipt();
    if (!last) {
        notice = last.error().code == ErrorCode::not_found ? info(tr_("print.no_receipt"))
                                                           : ui::error_notice(tr_, last.error());
        return;
    }
    if (printing_->queue().is_waiting(*last)) {
        // Paper out or unplugged: the receipt prints by itself once the printer is back; a
        // second copy queued now would come out too.
        notice = info(tr_.format("print.reprint_waiting", *last));
        return;
    }
    auto queued = printing_->reprint(*last, actions::local_now());
    if (!queued) {
        notice = ui::error_notice(tr_, queued.error());
        return;
    }
    notice = success(tr_.format("print.reprint_queued", *queued));
}

}  // namespace pos::checkout

// [SECTION] Shift menu, drawer movements, X/Z report, 交班

namespace pos::checkout {

namespace {

actions::CashMovementKind to_lane(ui::CashKind kind) {
    switch (kind) {
        case ui::CashKind::pay_in: return actions::CashMovementKind::pay_in;
        case ui::CashKind::pay_out: return actions::CashMovementKind::pay_out;
        case ui::CashKind::pickup: return actions::CashMovementKind::pickup;
        case ui::CashKind::no_sale: return actions::CashMovementKind::no_sale;
    }
    return actions::CashMovementKind::pay_in;
}

const char* done_text(ui::CashKind kind) {
    switch (kind) {
        case ui::CashKind::pay_in: return "cash.done.pay_in";
        case ui::CashKind::pay_out: return "cash.done.pay_out";
        case ui::CashKind::pickup: return "cash.done.pickup";
        case ui::CashKind::no_sale: return "cash.done.no_sale";
    }
    return "cash.done.pay_in";
}

// The receipt printer's width on 80 mm paper with the smaller fonts: the report reads as printed.
constexpr int report_columns = 40;

}  // namespace

bool Checkout::sale_open() const { return lane_.ticket().has_live_lines() || !lane_.ticket().tenders().empty(); }

std::vector<std::string> Checkout::report_lines(const actions::ShiftReport& report) {
    actions::LaneConfig shown = lane_.config();
    shown.language = tr_.language();  // the report in the screen's language, whatever pos.toml prints in
    std::vector<std::string> lines = actions::shift_report_lines(report, shown, report_columns);
    for (const std::string& line : lines) fonts_.ensure(line);
    return lines;
}

void Checkout::apply(const ui::intent::OpenShiftMenu&) {
    state_.screen = Screen::shift_menu;
    state_.menu = ui::ShiftMenuForm{};
}

void Checkout::apply(const ui::intent::Leave&) {
    // A code that was not paid: its reason stays in view on the tender screen.
    if (state_.screen == Screen::payment_code && state_.pay_code.phase == ui::PayCodeForm::Phase::failed) {
        state_.tender.notice = state_.pay_code.notice;
    }
    state_.screen = screen_entry(state_.screen).back(state_);
}

void Checkout::apply(const ui::intent::ShowXReport&) {
    const auto& shift = lane_.shift();
    if (!shift) {
        state_.menu.notice = ui::error_notice(tr_, core::make_error(ErrorCode::no_shift, {}));
        return;
    }
    auto report = lane_.shift_report(shift->id);
    if (!report) {
        state_.menu.notice = ui::error_notice(tr_, report.error());
        return;
    }
    show_report(*report, false);
    state_.screen = Screen::shift_report;
}

void Checkout::show_report(const actions::ShiftReport& report, bool z) {
    state_.report = ui::ReportForm{};
    state_.report.z = z;
    state_.report.lines = report_lines(report);
    state_.report.can_print = printing_ != nullptr;
    report_ = report;
}

void Checkout::apply(const ui::intent::PrintReport&) {
    if (!printing_ || !report_) return;
    printing_->print_report(*report_);
    state_.report.notice = success(tr_("report.print_queued"));
}

void Checkout::apply(const ui::intent::OpenCash& intent) {
    if (sale_open()) {
        current_notice() = ui::error_notice(tr_, core::make_error(ErrorCode::ticket_open, {}));
        current_notice().detail = tr_("menu.waits_for_sale");
        return;
    }
    ui::CashForm form;
    form.kind = intent.kind;
    form.back = state_.screen == Screen::shift_menu ? Screen::shift_menu : Screen::sale;
    form.needs_approval = intent.kind == ui::CashKind::pickup;  // 抽大钞 is always signed
    form.field = intent.kind == ui::CashKind::no_sale ? ui::CashForm::Field::reason : ui::CashForm::Field::amount;
    state_.cash = std::move(form);
    state_.screen = Screen::cash_movement;
}

void Checkout::apply(const ui::intent::MoveCash& intent) {
    using Field = ui::CashForm::Field;
    ui::CashForm& form = state_.cash;
    actions::CashMovementRequest request;
    request.kind = to_lane(intent.kind);
    request.reason = intent.reason;
    request.approval = actions::Approval{intent.approver, intent.pin};
    if (intent.kind != ui::CashKind::no_sale) {
        auto amount = core::Money::parse(intent.amount_text);
        if (!amount) {
            form.notice = ui::error_notice(tr_, amount.error());
            form.notice_field = form.field = Field::amount;
            return;
        }
        request.amount = *amount;
    }
    auto moved = lane_.move_cash(request, actions::local_now());
    if (!moved) {
        form.notice = ui::error_notice(tr_, moved.error());
        ErrorCode code = moved.error().code;
        if (code == ErrorCode::approval_required) form.needs_approval = true;  // the approval fields appear
        ApprovalRetry retry = retry_approval(moved.error(), form);
        if (retry == ApprovalRetry::pin) form.notice.detail.clear();
        if (retry == ApprovalRetry::none && code == ErrorCode::bad_amount) form.field = Field::amount;
        if (retry == ApprovalRetry::none && code == ErrorCode::bad_input) form.field = Field::reason;
        form.notice_field = form.field;
        return;
    }
    std::string amount = ui::money_text(core::Money::fen(moved->amount_fen));
    std::string reason = moved->reason.empty() ? std::string("-") : moved->reason;
    ui::Screen back = form.back;
    state_.cash = ui::CashForm{};
    state_.screen = back;
    // No-sale (F5) opens the drawer; pay-ins, pay-outs and pickups do not kick it (docs/receipts.md).
    if (printing_ && intent.kind == ui::CashKind::no_sale) printing_->open_drawer();
    current_notice() =
        success(intent.kind == ui::CashKind::no_sale ? tr_.format(done_text(intent.kind), reason)
                                                     : tr_.format(done_text(intent.kind), amount, reason));
}

void Checkout::apply(const ui::intent::StartClose&) {
    if (sale_open()) {
        current_notice() = ui::error_notice(tr_, core::make_error(ErrorCode::ticket_open, {}));
        current_notice().detail = tr_("menu.waits_for_sale");
        return;
    }
    if (state_.close.revealed) {
        // The expected amounts were already shown: the same count, compared again with what the lane now holds.
        ui::intent::SubmitCount count{state_.close.count.counts(), state_.close.count.card.text,
                                      state_.close.count.mobile.text};
        ui::intent::SignOff signoff{state_.close.variance.reason.text, {}, {}};
        auto request = close_request(count, signoff);
        if (request && preview(*request)) state_.screen = Screen::close_variance;
        return;
    }
    state_.close = ui::CloseForm{};
    state_.screen = Screen::close_count;
}

core::Result<actions::CloseShiftRequest> Checkout::close_request(const ui::intent::SubmitCount& count,
                                                                 const ui::intent::SignOff& signoff) const {
    actions::CloseShiftRequest request;
    const std::vector<core::Money>& denominations = core::cny_denominations();
    for (size_t i = 0; i < count.counts.size() && i < denominations.size(); ++i) {
        if (count.counts[i] == 0) continue;
        if (auto set = request.cash.set(denominations[i], count.counts[i]); !set) return set.error();
    }
    const std::pair<core::TenderMethod, const std::string*> non_cash[] = {
        {core::TenderMethod::card, &count.card_text}, {core::TenderMethod::mobile, &count.mobile_text}};
    for (const auto& [method, text] : non_cash) {
        if (text->empty()) continue;
        auto amount = core::Money::parse(*text);
        if (!amount) return amount.error();
        request.non_cash[method] = *amount;
    }
    request.reason = signoff.reason;
    request.approval = actions::Approval{signoff.approver, signoff.pin};
    return request;
}

void Checkout::try_close(const actions::CloseShiftRequest& request) {
    using Field = ui::VarianceForm::Field;
    ui::VarianceForm& form = state_.close.variance;
    auto outcome = lane_.close_shift(request, actions::local_now());
    if (outcome) {
        state_.close.revealed = true;
        form.rows = outcome->rows;
        form.largest = outcome->largest_variance;
        form.closed = true;
        form.needs_signoff = false;
        form.notice.clear();
        show_report(outcome->report, true);
        // The Z report (交班单) is printed for the shift lead at once, like the receipt after a sale.
        if (printing_) printing_->print_report(outcome->report);
        state_.screen = Screen::close_variance;
        return;
    }
    const core::Error& error = outcome.error();
    bool signoff = error.code == ErrorCode::bad_input || error.code == ErrorCode::approval_required ||
                   error.code == ErrorCode::wrong_pin || error.code == ErrorCode::unknown_operator ||
                   error.code == ErrorCode::not_permitted;
    if (!signoff) {
        // Refused before anything was compared (a sale open, no shift, storage): the count stays blind.
        current_notice() = ui::error_notice(tr_, error);
        return;
    }
    if (!preview(request)) return;
    form.notice = ui::error_notice(tr_, error);
    if (error.code == ErrorCode::bad_input) {
        form.notice.text = tr_("close.signoff_needed");
        form.field = Field::reason;
    } else if (retry_approval(error, form) == ApprovalRetry::pin) {
        form.notice.detail.clear();
    }
    form.notice_field = form.field;
    state_.screen = Screen::close_variance;
}

bool Checkout::preview(const actions::CloseShiftRequest& request) {
    // The lane wants a reason and a supervisor: show what it compared. The count is recorded
    // (blind counting holds across restarts) but the shift stays open until it is signed off.
    const auto& shift = lane_.shift();
    if (!shift) {
        current_notice() = ui::error_notice(tr_, core::make_error(ErrorCode::no_shift, {}));
        return false;
    }
    auto submitted = lane_.submit_count(request, actions::local_now());
    if (!submitted) {
        current_notice() = ui::error_notice(tr_, submitted.error());
        return false;
    }
    ui::VarianceForm& form = state_.close.variance;
    state_.close.revealed = true;
    form.rows = submitted->rows;
    form.largest = submitted->largest_variance;
    form.closed = false;
    form.needs_signoff = true;
    return true;
}

void Checkout::apply(const ui::intent::SubmitCount& intent) {
    auto request = close_request(intent, ui::intent::SignOff{});
    if (!request) {
        state_.close.count.notice = ui::error_notice(tr_, request.error());
        return;
    }
    try_close(*request);
}

void Checkout::apply(const ui::intent::SignOff& intent) {
    const ui::CountForm& count = state_.close.count;
    auto request = close_request(ui::intent::SubmitCount{count.counts(), count.card.text, count.mobile.text}, intent);
    if (!request) {
        state_.close.variance.notice = ui::error_notice(tr_, request.error());
        return;
    }
    try_close(*request);
}

void Checkout::apply(const ui::intent::ShowZReport&) { state_.screen = Screen::shift_report; }

void Checkout::apply(const ui::intent::FinishClose&) {
    auto done = lane_.logout();
    if (!done && done.error().code != ErrorCode::not_logged_in) {
        state_.report.notice = ui::error_notice(tr_, done.error());
        return;
    }
    state_ = ui::UiState{};  // the next cashier logs in
}

}  // namespace pos::checkout
