// What the checkout screens remember between frames (typed text, selection, open dialogs),
// and the intents they record for the loop to apply to the Lane after drawing.
// Nothing here knows ImGui or the database: it is plain data, testable headless.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pos/core/money.hpp"
#include "pos/core/shift.hpp"
#include "pos/core/ticket.hpp"

namespace pos::ui {

enum class Screen {
    login,
    open_shift,
    sale,
    tender,
    shift_menu,         // F12: X report, pay-in/out, pickup, no-sale, 交班, log out
    cash_movement,      // pay-in, pay-out, pickup (抽大钞) or no-sale
    shift_report,       // the X report, or the Z report after 交班
    close_count,        // 交班, first step: the blind count
    close_variance,     // 交班, second step: expected vs counted, sign-off
    returns,            // F9: 退货 by receipt, lines and quantities, supervisor approval
    end_of_day,         // F10 日结: the business day, what blocks it, close or force, the locked totals
    manager_report,     // F7 经营日报: the daily report of a chosen day, for the manager
    repayment,          // 会员还款: F2 on an empty sale screen; the member, the amount, the tender
    return_no_receipt,  // F2 on the F9 screen: 无小票退货, items scanned, a reason, a manager, cash back
    payment_code,       // F4 扫码支付 with [payments] set up: the customer's code, the wait, the gateway's answer
    stock_scan,         // F6 盘点/验收: the lane counts into an open count or checks an open delivery by scanning
    stock_desk,         // 库存 (managers): open stock documents, a count's variance, approval, the stock report
    period_report,      // F8 周报/月报 (shift menu, F7): a week or a month
};

// Which characters a typed field takes.
enum class EntryKind {
    digits,   // operator numbers, PINs
    decimal,  // money and quantities: digits and one '.'
    code,     // barcodes, PLUs, GS1 strings: printable ASCII
    text,     // reasons: any printable character, Chinese included (UTF-8; max_length in bytes)
};

// A typed field: the checkout's own, fed by the ordered key queue and the on-screen pad.
struct Entry {
    EntryKind kind = EntryKind::digits;
    size_t max_length = 16;
    std::string text;
    // The text is a default (the 200.00 float): the first character typed replaces it.
    bool replace_on_type = false;

    // Takes a character the field accepts; returns false (and changes nothing) otherwise.
    bool type(char32_t ch);
    void backspace();
    void clear();
    [[nodiscard]] bool empty() const { return text.empty(); }
};

enum class Tone { none, info, success, error };

// A message shown in place, next to what it is about.
struct Notice {
    Tone tone = Tone::none;
    std::string text;    // what happened and what to do, in the UI language
    std::string detail;  // the lane's own wording, smaller, when it adds facts (codes, numbers)

    [[nodiscard]] bool shown() const { return tone != Tone::none; }
    void clear() { *this = Notice{}; }
};

struct LoginForm {
    enum class Field { operator_id, pin };
    Entry operator_id{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::operator_id;
    Notice notice;
    Field notice_field = Field::pin;  // the field the notice is shown under
};

// Notes and coins typed by denomination (core::cny_denominations(), largest first), one digits
// field each: the float at open shift and the blind count at 交班. An empty field counts zero.
[[nodiscard]] std::vector<Entry> note_entries();
// The float's total field: 200.00 until the first character typed replaces it. Built out of line:
// constructed in place from the literal, next to note_entries(), gcc 12 at -O2/-O3 took the
// string's clean-up if note_entries() threw for a read of an uninitialised string (a Release
// build with -Werror failed on it).
[[nodiscard]] Entry float_entry();
[[nodiscard]] std::vector<int64_t> note_counts(const std::vector<Entry>& notes);
[[nodiscard]] core::Money notes_total(const std::vector<Entry>& notes);

// The float: its total typed (200.00 by default), or (F2, optional) counted note by note.
struct ShiftForm {
    Entry amount = float_entry();
    bool by_denomination = false;
    std::vector<Entry> notes = note_entries();
    size_t note = 0;  // the denomination typed into
    Notice notice;
};

// The supervisor approval a line void or a price change (`/`) needs: number and PIN, keyed on
// the till; a price change first takes the new unit price.
struct ApprovalForm {
    enum class Field { price, approver, pin };
    enum class Purpose { void_line, price };
    bool open = false;
    Purpose purpose = Purpose::void_line;
    int line = 0;
    Entry price{EntryKind::decimal, 10, {}, false};
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::approver;
    Notice notice;
};

// F6 on an empty ticket with several tickets on hold (挂单): which one to resume (取单).
struct HeldListForm {
    bool open = false;
    int selected = 0;  // index into SaleView::held
    Notice notice;
};

// F8: item lookup by 拼音码, SKU, PLU or part of the name; a weighed item then asks its weight.
struct LookupForm {
    bool open = false;
    Entry query{EntryKind::text, 80, {}, false};
    int selected = 0;  // index into SaleView::found
    bool scroll_to_selected = false;
    bool asking_weight = false;  // the selected item is weighed: its weight (kg) is typed next
    Entry weight{EntryKind::decimal, 8, {}, false};
    Notice notice;
};

// A weighed item keyed or scanned on a lane with a scale: the live weight until Enter takes it
// (stable, positive, in range); F3 tares, F1 zeroes; a weight typed here needs a supervisor.
struct WeighForm {
    enum class Field { weight, approver, pin };
    bool open = false;
    std::string code;  // the item's code, scanned again with the weight
    std::string name;  // as the panel shows it
    core::Money price_per_kg;
    Entry weight{EntryKind::decimal, 7, {}, false};  // kg typed by hand: a supervisor approves
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::weight;
    Notice notice;
};

struct SaleForm {
    Entry input{EntryKind::code, 48, {}, false};
    int selected_line = 0;  // 0: none; follows the last changed line
    bool scroll_to_selected = false;
    Notice notice;
    ApprovalForm approval;
    HeldListForm held;
    LookupForm lookup;
    WeighForm weigh;
};

// The sale just paid, shown until the next one starts.
struct CompletedSale {
    int64_t receipt_no = 0;
    core::TenderMethod method = core::TenderMethod::cash;
    core::Money total;
    core::Money paid;
    core::Money change;
};

struct TenderForm {
    Entry amount{EntryKind::decimal, 10, {}, false};
    Entry next_code{EntryKind::code, 48, {}, false};  // after completion: the next customer's first scan
    Notice notice;
    std::optional<CompletedSale> done;
};

// [SECTION] Shift lead's screens: menu, drawer movements, X/Z report, 交班

enum class MenuItem {
    x_report,
    pay_in,
    pay_out,
    pickup,
    no_sale,
    close_shift,
    logout,
    end_of_day,
    manager_report,
    stock_desk
};

struct ShiftMenuForm {
    int selected = 0;  // index into the menu, in MenuItem order
    Notice notice;
};

enum class CashKind { pay_in, pay_out, pickup, no_sale };

// Pay-in, pay-out, pickup or no-sale: amount, reason, and a supervisor when the lane asks.
struct CashForm {
    enum class Field { amount, reason, approver, pin };
    CashKind kind = CashKind::pay_in;
    Entry amount{EntryKind::decimal, 10, {}, false};
    Entry reason{EntryKind::text, 90, {}, false};
    int preset = -1;              // the common reason last chosen with ↑↓ (-1: none)
    bool needs_approval = false;  // supervisor fields shown: pickups always, others once the lane asks
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::amount;
    Notice notice;
    Field notice_field = Field::amount;  // the field the notice is shown under
    Screen back = Screen::sale;          // where Esc returns
};

// An X or Z report as the lane renders it for the receipt printer, shown on screen.
struct ReportForm {
    bool z = false;                  // Z: the shift is closed; Enter leads to the next cashier's login
    std::vector<std::string> lines;  // fixed-width, CJK counted double
    bool can_print = false;          // a printer is configured: F4 prints the report
    int scroll = 0;                  // lines to scroll by on the next frame (↑↓ PgUp PgDn)
    Notice notice;
};

// The blind count (盲交): notes and coins by denomination, then the card batch and mobile totals.
struct CountForm {
    std::vector<Entry> notes = count_entries();  // one per core::cny_denominations(), largest first
    Entry card{EntryKind::decimal, 10, {}, false};
    Entry mobile{EntryKind::decimal, 10, {}, false};
    size_t field = 0;         // notes first, then card (notes.size()), then mobile
    bool confirming = false;  // Enter on the last field asks once more: the count is final
    Notice notice;

    [[nodiscard]] static std::vector<Entry> count_entries();
    [[nodiscard]] size_t card_field() const { return notes.size(); }
    [[nodiscard]] size_t mobile_field() const { return notes.size() + 1; }
    [[nodiscard]] Entry& active();
    // Notes and coins counted, by the denominations; an empty field counts zero.
    [[nodiscard]] core::Money cash_total() const;
    [[nodiscard]] std::vector<int64_t> counts() const;
};

// After the count: expected vs counted per tender, and the sign-off when the lane asks for it.
struct VarianceForm {
    enum class Field { reason, approver, pin };
    std::vector<core::TenderVariance> rows;
    core::Money largest;
    bool closed = false;         // the lane accepted the close: Enter shows the Z report
    bool needs_signoff = false;  // the lane wants a reason and a supervisor
    Entry reason{EntryKind::text, 90, {}, false};
    int preset = -1;
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::reason;
    Notice notice;
    Field notice_field = Field::reason;
};

struct CloseForm {
    CountForm count;
    // Once submitted the expected amounts are on screen: the count can no longer be changed
    // (for as long as this screen runs; the lane itself does not record revealed counts).
    bool revealed = false;
    VarianceForm variance;
};

// F9 退货: the receipt scanned or typed, then a quantity per line of it (empty: none back),
// the reason and the supervisor. The lane checks everything; this keeps what was typed.
struct ReturnForm {
    enum class Field { receipt, quantity, reason, approver, pin };
    Entry receipt{EntryKind::code, 48, {}, false};
    std::vector<Entry> quantities;  // one per line of the receipt's view, once it is found
    int selected = 0;               // index into quantities
    Entry reason{EntryKind::text, 90, {}, false};
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::receipt;
    bool looking_up = false;  // the receipt is being looked up (the store may take seconds): keys wait
    Notice notice;
};

// F10 日结: Enter closes a day nothing blocks; a blocked one asks, on Enter, for a reason and a
// second supervisor's number and PIN to force it. Once closed the locked totals are shown.
struct DayForm {
    enum class Field { reason, approver, pin };
    bool forcing = false;  // the force fields are shown
    bool closed = false;   // the lane locked the day: its totals are on screen
    Entry reason{EntryKind::text, 90, {}, false};
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::reason;
    bool can_print = false;  // a printer is configured: F4 prints the locked totals
    int scroll = 0;          // lines to scroll by on the next frame
    Notice notice;
    Screen back = Screen::shift_menu;  // where Esc returns
};

// F7 经营日报: the day shown (PgUp the day before, PgDn the day after), scrolled with ↑↓.
struct ManagerReportForm {
    std::string day;         // YYYY-MM-DD shown
    bool can_print = false;  // a printer is configured: F4 prints the report
    int scroll = 0;
    Notice notice;
    Screen back = Screen::shift_menu;
};

// 周报/月报 (F8): the kind of period and a day in it (PgUp/PgDn the period before/after, F2 week,
// F3 month), the breakdown shown (Tab), scrolled with ↑↓.
struct PeriodReportForm {
    std::string kind = "week";
    std::string day;  // YYYY-MM-DD in the period shown
    size_t dimension = 0;
    int scroll = 0;
    Notice notice;
    Screen back = Screen::shift_menu;
};

// 无小票退货 (F2 on the F9 screen): the items scanned or typed ("2*code" for two), priced from the
// catalog by the lane; a reason; then the manager's number and PIN in a dialog. Refunded in cash.
struct NoReceiptForm {
    enum class Field { item, reason, approver, pin };
    Entry item{EntryKind::code, 48, {}, false};
    int selected = -1;  // the listed item Delete removes (↑↓); -1: the last added
    Entry reason{EntryKind::text, 90, {}, false};
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::item;
    bool approving = false;  // the manager's dialog is open (approver and PIN)
    Notice notice;           // under the item or reason field
    Notice approval_notice;  // in the dialog
};

// 会员还款: the member by card or phone (Enter looks it up), the amount (what is owed by default),
// then the tender: Enter cash, F3 card, F4 mobile. Once taken, Enter or Esc goes back to selling.
struct RepayForm {
    enum class Field { member, amount };
    Entry member{EntryKind::code, 32, {}, false};
    Entry amount{EntryKind::decimal, 10, {}, false};
    Field field = Field::member;
    bool done = false;
    Notice notice;
};

// F4 扫码支付 when the lane has payment codes set up ([payments] in pos.toml): the customer's code
// scanned or typed, then the wait while the gateway charges it (等待顾客输入密码, Esc cancels), then
// what the gateway answered when it was not paid.
struct PayCodeForm {
    enum class Phase {
        entry,       // the code is scanned or typed; Enter charges it, Esc goes back to the tender screen
        waiting,     // the worker drives the order; only Esc (cancel) is taken
        failed,      // not paid: the gateway's words and what to do; Enter or Esc back to the tender screen
        unfinished,  // paid, but the sale's commit failed: the payment stays on the ticket, Enter tries again
    };
    Phase phase = Phase::entry;
    Entry code{EntryKind::digits, 24, {}, false};  // shown masked only: a bearer credential
    std::string amount_text;                       // typed before F4: this part of a split tender
    // The order being charged, as the worker last reported it.
    std::string provider;  // wechat, alipay, unionpay
    std::string masked_code;
    core::Money amount;
    std::string state;  // requested, waiting, unknown, paid, failed, closed
    int64_t seconds_left = 0;
    bool cancelling = false;  // Esc was pressed (or the sale could not take the payment): it is reversed
    Notice notice;
};

// F6 盘点/验收 (count or receive mode): first the document (an open count or delivery, picked from
// the store's list with ↑↓ or its number typed), then every item scanned or typed ("3*CODE" for
// three, "1.250*PLU" for a weight in kg; a weighed item on a lane with a scale takes its stable
// weight); F2 marks the next scans of a delivery as damaged. Esc goes back to the document.
struct StockScanForm {
    enum class Phase { choose, scanning };
    Phase phase = Phase::choose;
    Entry document{EntryKind::digits, 9, {}, false};
    bool document_picked = false;  // the number came from the list: a typed digit replaces it
    int selected = 0;              // index into the view's documents
    bool receive = false;          // the typed number is a delivery (F2 while choosing), not a count
    Entry code{EntryKind::code, 48, {}, false};
    bool damaged = false;  // receive: the next scans arrived broken
    std::string last_sku;  // highlighted in the list
    Notice notice;
    Screen back = Screen::open_shift;
};

// 库存 (managers): the open documents on the left (↑↓), the selected one on the right (a count's
// variance with its value, a delivery's lines as checked); F2 approves it with the manager's number
// and PIN (the logged-in manager by default, another when the document is theirs); F5 shows the
// stock report of today instead, F5 again the documents.
struct StockDeskForm {
    enum class Field { approver, pin };
    int selected = 0;
    bool report = false;  // the stock report is shown
    int scroll = 0;
    bool approving = false;
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::pin;
    Notice notice;
    Notice approval_notice;
    Screen back = Screen::shift_menu;
};

struct UiState {
    Screen screen = Screen::login;
    LoginForm login;
    ShiftForm shift;
    SaleForm sale;
    TenderForm tender;
    ShiftMenuForm menu;
    CashForm cash;
    ReportForm report;
    CloseForm close;
    ReturnForm returns;
    DayForm day;
    ManagerReportForm manager;
    PeriodReportForm period;
    RepayForm repay;
    NoReceiptForm no_receipt;
    PayCodeForm pay_code;
    StockScanForm stock_scan;
    StockDeskForm stock_desk;
};

// [SECTION] Intents: what a screen asks the loop to do after the frame is drawn.
namespace intent {
struct Login {
    std::string operator_id;
    std::string pin;
};
struct Logout {};
struct OpenShift {
    std::string float_text;
    std::vector<int64_t> counts = {};
};  // counts by denomination: float_text unused
struct Scan {
    std::string code;
    std::string quantity_text;
};  // quantity empty: one piece
struct SetQuantity {
    int line = 0;
    std::string quantity_text;
};
struct VoidLine {
    int line = 0;
    std::string approver;
    std::string pin;
};
struct GoToTender {};
struct BackToSale {};  // from the tender screen, or to a new sale after one completed
// amount_text empty: what is due (an account: up to the credit available). partial: one part of a
// split tender (an amount typed before F3/F4/F5), the rest paid afterwards.
struct Tender {
    core::TenderMethod method = core::TenderMethod::cash;
    std::string amount_text;
    bool partial = false;
};
struct ApplyMember {
    std::string card_or_phone;
};                        // F2 on the sale screen: 会员
struct OpenShiftMenu {};  // F12 on the sale screen
struct Leave {};          // Esc: back to where this screen was opened from
struct ShowXReport {};
struct OpenCash {
    CashKind kind = CashKind::pay_in;
};
struct MoveCash {
    CashKind kind = CashKind::pay_in;
    std::string amount_text;
    std::string reason;
    std::string approver;
    std::string pin;
};
struct StartClose {};  // 交班: the count screen (or the variance, once revealed)
struct SubmitCount {
    std::vector<int64_t> counts;
    std::string card_text;
    std::string mobile_text;
};  // counts by denomination
struct SignOff {
    std::string reason;
    std::string approver;
    std::string pin;
};
struct ShowZReport {};
struct FinishClose {};  // after the Z report: log out, the next cashier logs in
struct Reprint {};      // F4: 重打小票 of the lane's last receipt
struct PrintReport {};  // F4 on the X/Z report: print it
struct Suspend {};      // F6 with items: 挂单
struct Resume {
    std::string id;
};  // F6 on an empty ticket: 取单 of this held ticket
struct OverridePrice {
    int line = 0;
    std::string price_text;
    std::string approver;
    std::string pin;
};                     // `/`
struct OpenReturn {};  // F9 on an empty ticket: 退货
struct LookupReturn {
    std::string receipt;
};
struct ReturnLineQty {
    int line = 0;
    std::string quantity_text;
};
struct CommitReturn {
    std::string receipt;
    std::vector<ReturnLineQty> lines;
    std::string reason;
    std::string approver;
    std::string pin;
};
struct OpenEndOfDay {};  // F10 on the shift menu or the open-shift screen: 日结
struct CloseDay {
    bool force = false;
    std::string reason;
    std::string approver;
    std::string pin;
};
struct PrintDay {};           // F4 on the locked day: print its totals
struct OpenManagerReport {};  // F7: 经营日报, the latest day
struct ShowReportDay {
    int offset = 0;
};                           // PgUp −1, PgDn +1 day from the one shown
struct PrintDailyReport {};  // F4 on the manager report
struct OpenPeriodReport {};  // F8 on the shift menu or the manager report: this week's report
struct ShowPeriod {
    std::string kind;  // week or month
    int offset = 0;    // −1 the period before the one shown, +1 the one after, 0 the one holding its day
};
struct OpenRepayment {};  // F2 on an empty sale screen with nothing typed: 会员还款
struct FindMember {
    std::string card_or_phone;
};
struct PayAccount {
    std::string card;
    std::string amount_text;
    core::TenderMethod method = core::TenderMethod::cash;
};
struct OpenNoReceiptReturn {};  // F2 on the F9 screen: 无小票退货
struct AddReturnItem {
    std::string code_text;
};  // "6921168176748" or "2*6921168176748"
struct RemoveReturnItem {
    int index = 0;
};
struct CommitNoReceiptReturn {
    std::string reason;
    std::string approver;
    std::string pin;
};
// The weighing panel (WeighForm): take the scale's weight, tare, zero, cancel, or a weight typed
// by hand with a supervisor's number and PIN.
struct Weigh {
    enum class Step { take, tare, zero, cancel, keyed };
    Step step = Step::take;
    std::string weight_text;  // keyed: kg
    std::string approver;
    std::string pin;
};
struct OpenPayCode {
    std::string amount_text;
};  // F4 on the tender screen with payment codes set up; an amount typed: part of a split tender
struct ChargeCode {
    std::string code;
};
struct CancelPayment {};   // Esc while the customer confirms: the order is cancelled (reversed)
struct FinishPaidSale {};  // Enter after the sale's commit failed with the code's payment on the ticket
struct OpenStockScan {};   // F6 on the open-shift screen or the shift menu: 盘点/验收 at this lane
struct StartStockScan {
    std::string document;  // the number in posctl stock list
    bool receive = false;  // a delivery, not a count
};
struct StockScan {
    std::string code;
    std::string quantity_text;  // pieces, or a weighed item's kg; empty: one piece, or the scale's weight
    bool damaged = false;
};
struct OpenStockDesk {};  // the shift menu's 库存, F3 on the open-shift screen
struct ApproveStock {
    int64_t id = 0;
    std::string approver;
    std::string pin;
};
struct ToggleStockReport {};  // F5 on 库存: today's stock report, or back to the documents
}  // namespace intent

using Intent =
    std::variant<intent::Login, intent::Logout, intent::OpenShift, intent::Scan, intent::SetQuantity, intent::VoidLine,
                 intent::GoToTender, intent::BackToSale, intent::Tender, intent::OpenShiftMenu, intent::Leave,
                 intent::ShowXReport, intent::OpenCash, intent::MoveCash, intent::StartClose, intent::SubmitCount,
                 intent::SignOff, intent::ShowZReport, intent::FinishClose, intent::Reprint, intent::PrintReport,
                 intent::Suspend, intent::Resume, intent::OverridePrice, intent::OpenReturn, intent::LookupReturn,
                 intent::CommitReturn, intent::OpenEndOfDay, intent::CloseDay, intent::PrintDay,
                 intent::OpenManagerReport, intent::ShowReportDay, intent::PrintDailyReport, intent::OpenPeriodReport,
                 intent::ShowPeriod, intent::ApplyMember, intent::OpenRepayment, intent::FindMember, intent::PayAccount,
                 intent::OpenNoReceiptReturn, intent::AddReturnItem, intent::RemoveReturnItem,
                 intent::CommitNoReceiptReturn, intent::Weigh, intent::OpenPayCode, intent::ChargeCode,
                 intent::CancelPayment, intent::FinishPaidSale, intent::OpenStockScan, intent::StartStockScan,
                 intent::StockScan, intent::OpenStockDesk, intent::ApproveStock, intent::ToggleStockReport>;
using Intents = std::vector<Intent>;

}  // namespace pos::ui
