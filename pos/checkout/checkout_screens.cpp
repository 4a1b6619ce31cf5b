// The screen table (screen_table.hpp): every screen's draw call, keys, notice, typed text and Esc
// target in one place, in ui::Screen order.
#include "pos/checkout/screen_table.hpp"

#include <array>

#include "pos/actions/scripts/session.hpp"
#include "pos/ui/screens.hpp"

namespace pos::checkout {

using ui::Screen;
using ui::UiState;

namespace {

const char* fixed_keys(const UiState&) { return ""; }
const std::string* nothing_typed(const UiState&) { return nullptr; }
Screen to_sale(const UiState&) { return Screen::sale; }
Screen to_shift_menu(const UiState&) { return Screen::shift_menu; }
Screen to_tender(const UiState&) { return Screen::tender; }

}  // namespace

const Checkout::ScreenEntry& Checkout::screen_entry(Screen screen) {
    using Input = ui::InputQueue;
    using Intents = ui::Intents;
    using Ui = ui::Ui;
    static constexpr std::array<ScreenEntry, 18> table{{
        {Screen::login,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_login(c.state_.login, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.login.notice; }, nothing_typed, to_sale},
        {Screen::open_shift,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_open_shift(c.state_.shift, ui::make_shift_view(c.lane_), input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.shift.notice; }, nothing_typed, to_sale},
        {Screen::sale,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_sale(c.state_.sale, c.sale_view(), input, intents, ui);
         },
         [](const UiState&) { return "sale"; }, [](UiState& s) -> ui::Notice& { return s.sale.notice; }, nothing_typed,
         to_sale},
        {Screen::tender,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::TenderView view = ui::make_tender_view(c.lane_);
             view.payment_codes = c.desk_ != nullptr;
             ui::draw_tender(c.state_.tender, view, input, intents, ui);
         },
         [](const UiState& s) { return s.tender.done ? "change" : "tender"; },
         [](UiState& s) -> ui::Notice& { return s.tender.notice; }, nothing_typed, to_sale},
        {Screen::shift_menu,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::ShiftMenuView view = ui::make_shift_menu_view(c.lane_, actions::local_now());
             ui::draw_shift_menu(c.state_.menu, view, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.menu.notice; }, nothing_typed, to_sale},
        {Screen::cash_movement,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_cash_movement(c.state_.cash, ui::make_cash_view(c.lane_), input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.cash.notice; },
         [](const UiState& s) { return &s.cash.reason.text; }, [](const UiState& s) { return s.cash.back; }},
        {Screen::shift_report,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_shift_report(c.state_.report, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.report.notice; }, nothing_typed, to_shift_menu},
        {Screen::close_count,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_close_count(c.state_.close.count, ui::make_count_view(), input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.close.count.notice; }, nothing_typed, to_shift_menu},
        {Screen::close_variance,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_close_variance(c.state_.close.variance, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.close.variance.notice; },
         [](const UiState& s) { return &s.close.variance.reason.text; }, to_shift_menu},
        {Screen::returns,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_return(c.state_.returns, c.return_view_, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.returns.notice; },
         [](const UiState& s) { return &s.returns.reason.text; }, to_sale},
        {Screen::end_of_day,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_end_of_day(c.state_.day, c.day_view_, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.day.notice; },
         [](const UiState& s) { return &s.day.reason.text; }, [](const UiState& s) { return s.day.back; }},
        {Screen::manager_report,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_manager_report(c.state_.manager, c.manager_view_, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.manager.notice; }, nothing_typed,
         [](const UiState& s) { return s.manager.back; }},
        {Screen::repayment,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_repayment(c.state_.repay, c.member_view_, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.repay.notice; }, nothing_typed, to_sale},
        {Screen::return_no_receipt,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_return_no_receipt(c.state_.no_receipt, c.no_receipt_view_, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.no_receipt.notice; },
         [](const UiState& s) { return &s.no_receipt.reason.text; }, to_sale},
        {Screen::payment_code,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_payment_code(c.state_.pay_code, ui::make_tender_view(c.lane_), input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.pay_code.notice; }, nothing_typed, to_tender},
        {Screen::stock_scan,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             if (auto scale = c.scale_view()) {
                 c.stock_scan_view_.scale = scale->weight.empty() ? scale->verdict : scale->weight;
             }
             ui::draw_stock_scan(c.state_.stock_scan, c.stock_scan_view_, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.stock_scan.notice; }, nothing_typed,
         [](const UiState& s) { return s.stock_scan.back; }},
        {Screen::stock_desk,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_stock_desk(c.state_.stock_desk, c.stock_desk_view_, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.stock_desk.notice; }, nothing_typed,
         [](const UiState& s) { return s.stock_desk.back; }},
        {Screen::period_report,
         [](Checkout& c, Input& input, Intents& intents, const Ui& ui) {
             ui::draw_period_report(c.state_.period, c.period_view_, input, intents, ui);
         },
         fixed_keys, [](UiState& s) -> ui::Notice& { return s.period.notice; }, nothing_typed,
         [](const UiState& s) { return s.period.back; }},
    }};
    // Row i is screen i: a row added out of order, or a screen without one, fails the build.
    static_assert([] {
        for (size_t i = 0; i < table.size(); ++i) {
            if (static_cast<size_t>(table[i].screen) != i) return false;
        }
        return true;
    }());
    static_assert(table.size() == static_cast<size_t>(Screen::period_report) + 1);
    return table[static_cast<size_t>(screen)];
}

}  // namespace pos::checkout
