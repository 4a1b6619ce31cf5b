// The checkout loop's middle: draws the current screen from the Lane, then applies the
// intents the screen recorded to the Lane and moves between screens on the results.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pos/actions/devices/customer_display.hpp"
#include "pos/actions/devices/lane_scale.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/printing/printing.hpp"
#include "pos/checkout/payment_worker.hpp"
#include "pos/checkout/receipt_lookup.hpp"
#include "pos/ui/input.hpp"
#include "pos/ui/keymap.hpp"
#include "pos/ui/state.hpp"
#include "pos/ui/strings.hpp"
#include "pos/ui/theme.hpp"
#include "pos/ui/day_views.hpp"
#include "pos/ui/views.hpp"
#include "pos/ui/customer_view.hpp"
#include "pos/ui/member_view.hpp"
#include "pos/ui/period_view.hpp"
#include "pos/ui/no_receipt_view.hpp"
#include "pos/ui/stock_views.hpp"

namespace pos::checkout {

class Checkout {
public:
    Checkout(actions::Lane& lane, const ui::Strings& strings, ui::FontBook& fonts)
        : lane_(lane), tr_(strings), fonts_(fonts), keymap_(lane.config().keys) {}

    // Draws one frame into the current ImGui frame and applies its intents.
    // True when something changed and another frame should follow at once.
    bool frame(ui::InputQueue& input);

    [[nodiscard]] const ui::UiState& state() const { return state_; }

    // A code read by a USB scanner (drained from the USB thread's queue once a frame): on the
    // sale screen it is entered as if typed, taking a "QTY*" already typed as its quantity;
    // on other screens it is refused with a notice.
    void scanned(const std::string& code);
    // For the status bar: nullopt when pos.toml lists no scanner, else whether one is connected.
    void set_scanner_connected(std::optional<bool> connected) { scanner_connected_ = connected; }
    void set_sync(std::optional<ui::SyncView> sync) { sync_ = std::move(sync); }
    // The receipt printer ([devices] printers); null: nothing prints and the status bar shows no printer.
    void set_printing(actions::Printing* printing) { printing_ = printing; }
    // The customer display ([display]); null: none. It follows the sale once a frame and never
    // holds it up; its state is on the status bar.
    void set_customer_display(actions::CustomerDisplay* display) { customer_display_ = display; }
    // The checkout scale ([scale]); null: none, and a weighed item's weight is typed (kg*PLU).
    // With one, a weighed item opens the weighing panel and a typed weight needs a supervisor.
    void set_scale(actions::LaneScale* scale) { scale_ = scale; }
    [[nodiscard]] std::optional<bool> scanner_connected() const { return scanner_connected_; }
    // What the customer's window on a dual-screen till shows now ([display] window = true).
    [[nodiscard]] ui::CustomerView customer_view() const;
    // The scale's newest reading as the weighing panel shows it; nullopt without a [scale].
    [[nodiscard]] std::optional<ui::ScaleView> scale_view() const;
    // Called from a worker thread when its answer is ready (the app wakes its idle loop with it).
    void set_notify(std::function<void()> notify) { notify_ = std::move(notify); }
    // The lane's payment-code desk ([payments] in pos.toml); null: F4 only records a mobile payment.
    // With a desk, the orders the last run left open are settled at once, on the payment worker,
    // before anyone logs in (checkout_payments.cpp). Call after set_notify().
    void set_payment_desk(actions::PaymentDesk* desk);
    // A worker's answer (F9's receipt lookup, the start-up settlement of payment codes) is awaited;
    // keys wait in the queue meanwhile.
    [[nodiscard]] bool waiting() const { return lookup_.running() || settling_; }
    // That answer, or the payment worker's progress, is ready: the next frame shows it.
    [[nodiscard]] bool answer_ready() const { return lookup_.ready() || payment_.has_news(); }
    // The start-up settlement's screen while it runs (which order, whether the gateway answers).
    [[nodiscard]] const ui::SettleView& settle_view() const { return settle_view_; }
    // A payment-code job runs: its countdown on screen wants a frame every second or so.
    [[nodiscard]] bool payment_running() const { return payment_.running(); }

private:
    // One row per screen (screen_table.hpp, checkout_screens.cpp).
    struct ScreenEntry;
    [[nodiscard]] static const ScreenEntry& screen_entry(ui::Screen screen);

    void apply(const ui::intent::Login& intent);
    void apply(const ui::intent::Logout& intent);
    void apply(const ui::intent::OpenShift& intent);
    void apply(const ui::intent::Scan& intent);
    void apply(const ui::intent::SetQuantity& intent);
    void apply(const ui::intent::VoidLine& intent);
    void apply(const ui::intent::GoToTender& intent);
    void apply(const ui::intent::BackToSale& intent);
    void apply(const ui::intent::Tender& intent);
    void apply(const ui::intent::OpenShiftMenu& intent);
    void apply(const ui::intent::Leave& intent);
    void apply(const ui::intent::ShowXReport& intent);
    void apply(const ui::intent::OpenCash& intent);
    void apply(const ui::intent::MoveCash& intent);
    void apply(const ui::intent::StartClose& intent);
    void apply(const ui::intent::SubmitCount& intent);
    void apply(const ui::intent::SignOff& intent);
    void apply(const ui::intent::ShowZReport& intent);
    void apply(const ui::intent::FinishClose& intent);
    void apply(const ui::intent::Reprint& intent);
    void apply(const ui::intent::PrintReport& intent);
    void apply(const ui::intent::Suspend& intent);
    void apply(const ui::intent::Resume& intent);
    void apply(const ui::intent::OverridePrice& intent);
    // F9 退货 (checkout_returns.cpp).
    void apply(const ui::intent::OpenReturn& intent);
    void apply(const ui::intent::LookupReturn& intent);
    void apply(const ui::intent::CommitReturn& intent);
    void show_lookup(ReceiptLookup::Answer found);                 // the receipt's lines, or why it was not found
    void show_return_done(const actions::ReturnOutcome& outcome);  // back to selling, slip printed
    void apply(const ui::intent::OpenNoReceiptReturn& intent);
    void apply(const ui::intent::AddReturnItem& intent);
    void apply(const ui::intent::RemoveReturnItem& intent);
    void apply(const ui::intent::CommitNoReceiptReturn& intent);
    // F4 扫码支付 with a payment desk (checkout_payments.cpp).
    void apply(const ui::intent::OpenPayCode& intent);
    void apply(const ui::intent::ChargeCode& intent);
    void apply(const ui::intent::CancelPayment& intent);
    void apply(const ui::intent::FinishPaidSale& intent);
    // The payment worker's progress and answer, taken once a frame; true when the screen changed.
    bool poll_payment();
    void show_progress(const actions::PaymentProgress& progress);
    void finish_payment(PaymentWorker::Done done);
    // A paid order becomes the ticket's tender (the sale completes when it is paid in full).
    void take_paid(const actions::CodeOrder& order);
    void show_not_paid(const actions::CodeOrder& order, bool cancelled);
    // The sale committed: the change screen, the receipt queued; the same for every tender.
    void show_sale_done(const actions::TenderOutcome& outcome, core::TenderMethod method);
    // 日结 and the manager report (checkout_day.cpp).
    void apply(const ui::intent::OpenEndOfDay& intent);
    void apply(const ui::intent::CloseDay& intent);
    void apply(const ui::intent::PrintDay& intent);
    void apply(const ui::intent::OpenManagerReport& intent);
    void apply(const ui::intent::ShowReportDay& intent);
    void apply(const ui::intent::PrintDailyReport& intent);
    // 周报/月报 (checkout_period.cpp).
    void apply(const ui::intent::OpenPeriodReport& intent);
    void apply(const ui::intent::ShowPeriod& intent);
    bool load_period(const std::string& kind, const std::string& day);
    void apply(const ui::intent::ApplyMember& intent);
    // 会员还款 (checkout_members.cpp).
    void apply(const ui::intent::OpenRepayment& intent);
    void apply(const ui::intent::FindMember& intent);
    void apply(const ui::intent::PayAccount& intent);
    // Weighing on the sale screen (checkout_weighing.cpp).
    void apply(const ui::intent::Weigh& intent);
    // A weighed item without a weight on a lane with a scale: true when the weighing panel opened for it.
    bool start_weighing(const std::string& code);
    // 盘点/验收 at this lane and the manager's 库存 screen (checkout_stock.cpp).
    void apply(const ui::intent::OpenStockScan& intent);
    void apply(const ui::intent::StartStockScan& intent);
    void apply(const ui::intent::StockScan& intent);
    void apply(const ui::intent::OpenStockDesk& intent);
    void apply(const ui::intent::ApproveStock& intent);
    void apply(const ui::intent::ToggleStockReport& intent);
    // The store's open counts and deliveries into the count screen's list (none in service mode).
    void load_stock_documents();
    // What this lane has scanned into the chosen document, again.
    void refresh_stock_lines();
    // The open documents with their variance or lines into the 库存 screen; today's stock report.
    void load_stock_desk();
    bool load_stock_report();
    // Reads the open business day again into day_view_; false (notice set) when the store is unavailable.
    bool refresh_day();
    // Loads the daily report of `day` into the manager screen; false (notice set) when it cannot.
    bool load_report(const std::string& day);
    // The operator logged in may use `action`; otherwise the notice of the current screen says who may.
    bool permitted(core::Action action);

    // What the customer display should show now: the ticket and where the checkout stands.
    [[nodiscard]] actions::CustomerMoment customer_moment() const;

    // The sale screen's view with the held tickets and the F8 results added.
    [[nodiscard]] ui::SaleView sale_view();
    // Searches again when the F8 query changed since the last search; true when it did.
    bool refresh_lookup();

    void enter_after_login();
    // The report screen shows `report`; with a printer, F4 prints it.
    void show_report(const actions::ShiftReport& report, bool z);
    [[nodiscard]] const char* printer_state_key(actions::PrinterState state) const;
    ui::Notice& current_notice();
    // A sale on the ticket: drawer movements and 交班 wait for it (the lane refuses them too).
    [[nodiscard]] bool sale_open() const;
    // The lane's X/Z report text in the UI's language, its glyphs added to the font atlas.
    [[nodiscard]] std::vector<std::string> report_lines(const actions::ShiftReport& report);
    // The locked blind count as the lane takes it, with the sign-off given so far.
    [[nodiscard]] core::Result<actions::CloseShiftRequest> close_request(const ui::intent::SubmitCount& count,
                                                                         const ui::intent::SignOff& signoff) const;
    void try_close(const actions::CloseShiftRequest& request);
    // Expected vs counted for a count the lane has not accepted yet; false (notice set) when unavailable.
    bool preview(const actions::CloseShiftRequest& request);

    actions::Lane& lane_;
    const ui::Strings& tr_;
    ui::FontBook& fonts_;
    ui::KeyMap keymap_;  // pos.toml [keys]: the store's own keys on the sale and payment screens
    ui::UiState state_;
    std::optional<bool> scanner_connected_;
    std::optional<ui::SyncView> sync_;
    actions::Printing* printing_ = nullptr;
    actions::CustomerDisplay* customer_display_ = nullptr;
    actions::LaneScale* scale_ = nullptr;
    uint64_t drawer_missed_seen_ = 0;             // kicks already told to the cashier
    std::optional<actions::ShiftReport> report_;  // the X/Z report on screen, for F4
    std::vector<ui::HeldView> held_;              // tickets on hold, read again when held_stale_
    bool held_stale_ = true;
    std::optional<std::string> searched_;  // the F8 query found_ answers; none while F8 is closed
    std::vector<ui::FoundItem> found_;
    std::optional<actions::ReturnableSale> returning_;  // the receipt on the F9 screen
    ui::ReturnView return_view_;
    ui::DayView day_view_;                           // the 日结 screen
    std::optional<core::DailyReport> daily_report_;  // the manager screen's day, for F4
    ui::ManagerReportView manager_view_;
    ui::PeriodReportView period_view_;                   // the 周报/月报 screen
    ui::MemberView member_view_;                         // the member on the 还款 screen
    std::vector<actions::ReturnLine> no_receipt_lines_;  // 无小票退货: the items listed, by code
    ui::NoReceiptView no_receipt_view_;
    ui::StockScanView stock_scan_view_;
    ui::StockDeskView stock_desk_view_;
    std::function<void()> notify_;
    actions::PaymentDesk* desk_ = nullptr;
    bool settling_ = false;  // the start-up settlement runs: its screen is up, keys wait
    ui::SettleView settle_view_;
    core::TenderMethod paid_method_ = core::TenderMethod::wechat;  // the code's, for the change screen
    std::string take_problem_;  // why a paid order could not pay the ticket (it is being given back)
    std::chrono::steady_clock::time_point progress_at_;  // when seconds_left was reported
    int64_t progress_seconds_ = 0;
    ReceiptLookup lookup_;   // last: its worker is joined before anything it may use goes
    PaymentWorker payment_;  // the same
};

}  // namespace pos::checkout
