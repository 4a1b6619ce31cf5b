// Read-only snapshots of the Lane that the screens draw from, built once a frame, plus the
// display formats (money, quantities) and the mapping from a lane error to a notice.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pos/actions/lane.hpp"
#include "pos/actions/printing/print_queue.hpp"
#include "pos/core/money.hpp"
#include "pos/core/result.hpp"
#include "pos/ui/state.hpp"
#include "pos/ui/strings.hpp"

namespace pos::ui {

// The sync to the store, as the status bar shows it.
struct SyncView {
    int64_t unsynced = 0;    // outbox records the store has not acknowledged
    std::string last_sync;   // "09:15" of the last acknowledged pass; empty before the first
    bool failing = false;    // the last pass failed: the lane sells on, the queue waits
    bool damaged = false;    // the background whole-file check found lane.db damaged
    int64_t kept_aside = 0;  // records the store kept aside (conflict, fork, quarantine): an alarm

    auto operator<=>(const SyncView&) const = default;
};

struct StatusView {
    std::string store;
    int lane = 0;
    std::string operator_id;  // empty when nobody is logged in
    std::string operator_name;
    std::string operator_role;              // cashier, supervisor, manager or admin: the status bar says which
    std::string shift_opened;               // "09:15", or "11-22 21:30" when opened another day; empty without a shift
    std::string shift_owner;                // set when the open shift belongs to another operator
    std::string clock;                      // "2026-11-23 09:15": minutes, so an idle screen redraws once a minute
    std::optional<bool> scanner_connected;  // empty when pos.toml lists no USB scanner
    std::optional<actions::PrintQueueStatus> printer;  // empty when pos.toml lists no printer
    std::optional<bool> display_connected;             // empty without a [display] in pos.toml
    std::optional<bool> scale_connected;               // empty without a [scale] in pos.toml
    std::optional<SyncView> sync;                      // empty until the sync worker reports
};

struct LineView {
    int number = 0;
    std::string name;  // in the UI language (Chinese name when there is no English one)
    std::string spec;
    std::string quantity;    // "3", "0.350 kg"
    std::string unit_price;  // "2.00", "12.80/kg"
    std::string amount;      // "6.00", after the promotion's saving
    bool voided = false;
    std::string saving = {};     // "1.00" when a promotion took something off, else empty
    std::string promotion = {};  // that promotion's name
};

// A ticket on hold (挂单), as the 取单 list shows it.
struct HeldView {
    std::string id;
    std::string time;  // "14:05"
    int64_t lines = 0;
    std::string total;  // "¥12.50"
};

// An F8 lookup result.
struct FoundItem {
    std::string sku;
    std::string name;  // in the UI language
    std::string spec;
    std::string price;  // "2.00", "12.80/kg"
    bool weighed = false;
};

// The checkout scale as the weighing panel shows it.
struct ScaleView {
    bool connected = false;
    std::string weight;   // "0.350 kg", empty without a reading
    bool stable = false;  // settled
    std::string verdict;  // why the weight cannot be taken now (translated), empty when it can
    std::string amount;   // what the weight comes to at the item's price, when it can be taken
};

struct SaleView {
    std::vector<LineView> lines;
    std::vector<HeldView> held;    // tickets on hold on this lane (filled by the checkout loop)
    std::vector<FoundItem> found;  // F8 lookup results for the typed query (filled by the checkout loop)
    core::Money subtotal;
    core::Money savings;     // promotions' total saving on the ticket (共节省)
    std::string item_count;  // pieces, weighed lines count one each
    bool has_live_lines = false;
    // The shift open on this lane belongs to someone else: selling is refused until it is closed.
    std::string shift_owner;
    std::optional<ScaleView> scale;  // the lane's [scale], read this frame; none without one
};

struct ShiftView {
    std::string operator_name;
    std::string shift_owner;  // operator whose shift is still open on this lane, or empty
};

struct TenderView {
    core::Money due_exact;  // card and mobile pay this
    core::Money due_cash;   // after 抹零
    core::Money rounding;   // due_cash - due_exact (0 or negative when rounding down)
    std::string item_count;
    std::vector<core::Money> quick_cash;  // the banknote buttons: amounts that cover due_cash
    // Split tender: what was taken so far (method, amount); due_cash is then what is left.
    std::vector<std::pair<core::TenderMethod, core::Money>> taken;
    std::string member;            // "王芳 88000001", empty without a member
    core::Money member_available;  // credit the member has left, this ticket's account part counted
    bool payment_codes = false;    // [payments] is set up: F4 charges the customer's payment code
};

// The start-up check of the payment codes the last run left open (docs/payments.md), shown
// before anyone logs in: the order being settled now and why it takes long.
struct SettleView {
    std::string out_trade_no;
    bool unreachable = false;  // the gateway does not answer: the lane keeps asking
    std::string problem;       // the journal cannot be read, or what the gateway's transport said
};

// The shift menu: facts only; the lane decides what is allowed.
struct ShiftMenuView {
    std::string operator_name;
    std::string shift_opened;  // "09:15"
    bool sale_open = false;    // items or a payment on the ticket: the lane refuses drawer moves and 交班
};

struct CashView {
    core::Money pay_out_approval_above;  // pay-outs above this need a supervisor (pos.toml)
};

struct CountView {
    std::vector<core::Money> denominations;  // core::cny_denominations(), largest first
};

// F9 退货: the receipt found, its lines with what can still come back.
struct ReturnLineView {
    int number = 0;
    std::string name;        // in the UI language
    std::string sold;        // "3", "0.350 kg"
    std::string returnable;  // what is left to return
    std::string amount;      // what the line cost
};

struct ReturnView {
    std::string receipt;  // empty: none looked up yet
    std::string sold_at;  // "2026-11-23 09:15"
    std::string total;
    std::vector<ReturnLineView> lines;
};

[[nodiscard]] ReturnView make_return_view(const actions::ReturnableSale& sale, bool chinese);

[[nodiscard]] StatusView make_status_view(const actions::Lane& lane, const std::string& now_iso);
[[nodiscard]] SaleView make_sale_view(const actions::Lane& lane, bool chinese);
[[nodiscard]] HeldView make_held_view(const actions::HeldTicket& held);
[[nodiscard]] FoundItem make_found_item(const core::CatalogItem& item, bool chinese);
[[nodiscard]] ShiftView make_shift_view(const actions::Lane& lane);
[[nodiscard]] TenderView make_tender_view(const actions::Lane& lane);
[[nodiscard]] ShiftMenuView make_shift_menu_view(const actions::Lane& lane, const std::string& now_iso);
[[nodiscard]] CashView make_cash_view(const actions::Lane& lane);
[[nodiscard]] CountView make_count_view();

// A note or coin as cashiers say it: "100 元", "5 角" (zh) or "¥100", "¥0.5" (en).
[[nodiscard]] std::string denomination_text(const Strings& tr, core::Money denomination);
// "+¥2.00" over, "-¥20.00" short, "¥0.00" balanced.
[[nodiscard]] std::string signed_money_text(core::Money amount);

// "¥12.50", "-¥0.05".
[[nodiscard]] std::string money_text(core::Money amount);
// The banknotes a customer most often hands over for `due`: 50 and 100 when they cover it,
// then the next hundreds; never an amount below what is due.
[[nodiscard]] std::vector<core::Money> quick_cash_amounts(core::Money due);

// A lane error as the cashier reads it: the translated "what happened, what to do" for its
// code, with the lane's own message as detail (it names the code, the line, the amount).
[[nodiscard]] Notice error_notice(const Strings& tr, const core::Error& error);

}  // namespace pos::ui
