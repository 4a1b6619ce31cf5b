// The checkout screens, one file each. A screen reads its view (a snapshot of the Lane) and its
// own form state, takes keyboard events from the queue, and records intents; the loop in
// pos/app applies them to the Lane after the frame is drawn. A screen stops taking events once
// it has recorded an intent, so keys typed after Enter reach the screen that Enter leads to.
#pragma once

#include "pos/ui/day_views.hpp"
#include "pos/ui/input.hpp"
#include "pos/ui/member_view.hpp"
#include "pos/ui/no_receipt_view.hpp"
#include "pos/ui/period_view.hpp"
#include "pos/ui/state.hpp"
#include "pos/ui/stock_views.hpp"
#include "pos/ui/views.hpp"
#include "pos/ui/widgets.hpp"

namespace pos::ui {

// The top bar: store, lane, operator, shift opening time, clock. Only facts; no device placeholders.
void draw_status_bar(const StatusView& view, const Ui& ui);

// Operator number and PIN, typed or on the pad.
void draw_login(LoginForm& form, InputQueue& input, Intents& intents, const Ui& ui);

// The float counted into the drawer, or why selling is blocked (another operator's shift is open).
void draw_open_shift(ShiftForm& form, const ShiftView& view, InputQueue& input, Intents& intents, const Ui& ui);

// Ticket lines, running total and the scan field (which always takes the keyboard).
void draw_sale(SaleForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui);

// Supervisor number and PIN to void a line; drawn by draw_sale as a modal dialog.
void draw_void_approval(ApprovalForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui);

// F6 on an empty ticket with several held: time, lines and total of each; ↑↓/Enter or 1–5 resume one.
void draw_held_list(HeldListForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui);

// F8: item lookup by 拼音码, SKU, PLU or name; Enter or a tap adds the item (a weighed one asks its weight).
void draw_lookup(LookupForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui);

// 称重: a weighed item's live weight from the lane's scale; drawn by draw_sale as a modal dialog.
void draw_weigh_panel(WeighForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui);

// Payment: amount due, cash (typed or quick banknotes), card, mobile; then the change and receipt number.
void draw_tender(TenderForm& form, const TenderView& view, InputQueue& input, Intents& intents, const Ui& ui);

// F4 扫码支付 with payment codes set up: the code (masked), 等待顾客输入密码 with its countdown (Esc
// cancels), or what the gateway answered when it was not paid.
void draw_payment_code(PayCodeForm& form, const TenderView& view, InputQueue& input, Intents& intents, const Ui& ui);

// At start, before login: the open payment-code orders being settled; takes no keys.
void draw_payment_settle(const SettleView& view, const Ui& ui);

// F12: X report, pay-in, pay-out, pickup (抽大钞), no-sale, 交班, log out; digits 1-7 pick.
void draw_shift_menu(ShiftMenuForm& form, const ShiftMenuView& view, InputQueue& input, Intents& intents, const Ui& ui);

// Pay-in, pay-out, pickup or no-sale: amount, reason (common ones on ↑↓), supervisor when asked.
void draw_cash_movement(CashForm& form, const CashView& view, InputQueue& input, Intents& intents, const Ui& ui);

// The X or Z report, as the lane renders it for the printer.
void draw_shift_report(ReportForm& form, InputQueue& input, Intents& intents, const Ui& ui);

// 交班 step 1: the blind count by denomination, card batch and mobile totals, with a live total.
void draw_close_count(CountForm& form, const CountView& view, InputQueue& input, Intents& intents, const Ui& ui);

// 交班 step 2: expected vs counted per tender, over/short, and the reason and sign-off when asked.
void draw_close_variance(VarianceForm& form, InputQueue& input, Intents& intents, const Ui& ui);

// F9 退货: the receipt (scanned or typed), then a quantity per line (↑↓ picks the line), the
// reason and the supervisor's number and PIN; Enter on the PIN asks the lane to commit it.
void draw_return(ReturnForm& form, const ReturnView& view, InputQueue& input, Intents& intents, const Ui& ui);

// F10 日结: the business day, its shifts and blockers; close it, or force it with a reason and a
// second supervisor; then its locked totals.
void draw_end_of_day(DayForm& form, const DayView& view, InputQueue& input, Intents& intents, const Ui& ui);

// F7 经营日报 (managers): a day's figures with Δ and %, hourly bars, tenders, top items, cash variances.
void draw_manager_report(ManagerReportForm& form, const ManagerReportView& view, InputQueue& input, Intents& intents,
                         const Ui& ui);

// F8 周报/月报 (managers): the week or month beside the previous period and last year, by a chosen breakdown.
void draw_period_report(PeriodReportForm& form, const PeriodReportView& view, InputQueue& input, Intents& intents,
                        const Ui& ui);

// 会员还款 (F2 on an empty sale screen): the member by card or phone, the amount, then Enter cash,
// F3 card or F4 mobile; the slip prints and Enter goes back to selling.
void draw_repayment(RepayForm& form, const MemberView& view, InputQueue& input, Intents& intents, const Ui& ui);

// 无小票退货 (F2 on the F9 screen): items scanned and priced from the catalog, a reason, then a
// manager's number and PIN in a dialog; the refund is cash.
void draw_return_no_receipt(NoReceiptForm& form, const NoReceiptView& view, InputQueue& input, Intents& intents,
                            const Ui& ui);

// F6 盘点/验收: this lane counts into an open count or checks an open delivery by scanning; the
// items scanned so far with their running quantities.
void draw_stock_scan(StockScanForm& form, const StockScanView& view, InputQueue& input, Intents& intents, const Ui& ui);

// 库存 (managers): open stock documents, the selected one's variance or lines, approval (F2) with
// the manager's number and PIN, today's stock report (F5).
void draw_stock_desk(StockDeskForm& form, const StockDeskView& view, InputQueue& input, Intents& intents, const Ui& ui);

}  // namespace pos::ui
