// The Lane: every cashier and supervisor action at the till, one function each. The UI,
// posctl and the action-script runner all call these, so they behave the same everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <map>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/lane/returns.hpp"
#include "db/lane/shifts.hpp"
#include "db/shared/members.hpp"
#include "db/store/store_db.hpp"
#include "pos/actions/lane_types.hpp"
#include "pos/actions/sale/code_lookup.hpp"
#include "pos/actions/setup/config.hpp"
#include "pos/actions/shift/end_of_day.hpp"
#include "pos/core/lockout.hpp"
#include "pos/core/permissions.hpp"
#include "pos/core/result.hpp"
#include "pos/core/returns.hpp"
#include "pos/core/shift.hpp"
#include "pos/core/ticket.hpp"

namespace pos::actions {

// What a scan or quantity change did to the ticket.
struct LineChange {
    int line = 0;
    core::TicketLine after;  // the line as it now stands
    core::Money subtotal;    // the ticket's running total
    core::Money savings;     // what promotions take off the whole ticket (共节省)
};

struct TenderOutcome {
    core::PaymentState payment;          // after this tender
    std::optional<std::string> sale_id;  // set when the sale completed and was committed
    int64_t receipt_no = 0;
    std::optional<core::Money> member_balance;  // a completed sale on account: what the member now owes
};

// A repayment (还款) of a member account at the lane: the balance down; cash into the drawer,
// card or mobile onto the shift's card or mobile total.
struct AccountRepayment {
    Member member;  // as it stands after the repayment
    core::Money amount;
    std::string movement_id;  // also the id of the drawer's pay-in (cash)
    core::TenderMethod method = core::TenderMethod::cash;
};

struct TenderRequest {
    core::TenderMethod method = core::TenderMethod::cash;
    std::optional<core::Money> amount;  // omitted: exactly what is due
    bool partial = false;               // part of a split payment
    std::string reference;              // card/mobile terminal reference
    std::string card_last4;             // a card's last four digits, the only card data kept
};

// A supervisor's number and PIN, given where an action needs approval.
struct Approval {
    std::string approver;
    std::string pin;
};

enum class CashMovementKind { pay_in, pay_out, pickup, no_sale };

struct CashMovementRequest {
    CashMovementKind kind = CashMovementKind::pay_in;
    core::Money amount;  // 0 for a no-sale
    std::string reason;
    Approval approval;
};

// The blind count (盲交): what the cashier counted, entered before the expected amounts are shown.
struct CloseShiftRequest {
    core::CashCount cash;
    std::map<core::TenderMethod, core::Money> non_cash;  // card batch total, mobile total
    std::string reason;
    Approval approval;
};

// A shift's figures: an X report while open, the Z report once closed.
struct ShiftReport {
    db::ShiftRecord shift;
    core::ShiftTotals totals;
    core::Money expected_cash;
    std::optional<db::ShiftCloseRecord> close;  // set once closed
    // false on a cashier's X report before the count: expected cash is left out so the blind
    // count stays blind (core::Action::x_report_expected_cash).
    bool show_expected = true;
    // The float as counted at open, largest denomination first; empty when its total was typed.
    std::vector<std::pair<core::Money, int64_t>> float_counts{};
};

struct CloseShiftOutcome {
    ShiftReport report;
    std::vector<core::TenderVariance> rows;
    core::Money largest_variance;
};

// A ticket put on hold (挂单), as listed for resuming (取单).
struct HeldTicket {
    std::string id;
    std::string held_at;
    std::string operator_id;
    int64_t lines = 0;
    core::Money total;
};

// At most this many tickets wait on hold per lane, as on the tills cashiers know (思迅: 5).
inline constexpr size_t max_held_tickets = 5;

// A sale brought up for a return (退货, lane_returns.cpp): its lines with what may still come back.
struct ReturnableSale {
    db::SaleRecord sale;
    std::string receipt;                    // the receipt code printed under its barcode
    std::vector<core::SoldLine> lines;      // item lines not voided, in line order
    std::vector<core::PaidTender> tenders;  // what each tender paid and earlier returns refunded
    int64_t earlier_returns = 0;
    // Returns of it the store knows (synced from every lane); this lane's own are added at the
    // lookup and again inside the return's commit (docs/returns.md).
    std::vector<db::ReturnTaken> store_returns{};
    bool other_lane = false;  // another lane's sale, found at the store
    std::string notice{};     // set when the store could not be asked about a sale of this lane
};

// One line to take back: of the original sale by its line number, or (without a receipt) an item by code.
struct ReturnLine {
    int line = 0;                            // with a receipt
    std::string code;                        // without a receipt: barcode, PLU or SKU
    std::optional<core::Quantity> quantity;  // unset: all that is still returnable (one piece by code)
};

struct ReturnRequest {
    std::string receipt;  // receipt code or number, or a sale id; empty: no receipt
    std::vector<ReturnLine> lines;
    std::optional<core::TenderMethod> refund;  // unset: back to the original tenders, the rest in cash
    std::string reason;                        // required without a receipt
    Approval approval;                         // a supervisor; a manager without a receipt
};

struct ReturnOutcome {
    std::string sale_id;
    int64_t receipt_no = 0;
    std::optional<std::string> original_receipt;  // the receipt code returned against
    core::RefundPlan refund;
};

class Lane {
public:
    Lane(db::LaneDb& database, LaneConfig config) : db_(database), config_(std::move(config)) {}

    // Five wrong PINs in a row lock the operator for [security] lockout_minutes; logins, failures and
    // lockouts are audited. `now` empty: the wall clock.
    [[nodiscard]] core::Status login(const std::string& operator_id, std::string_view pin, const std::string& now = {});
    [[nodiscard]] core::Status logout(const std::string& now = {});
    [[nodiscard]] core::Result<OpenShift> open_shift(core::Money float_amount, const std::string& now);
    // The float counted by denomination: its total is the float; the counts are kept with the shift
    // (lane_float) and shown on its X/Z report.
    [[nodiscard]] core::Result<OpenShift> open_shift(const core::CashCount& counted, const std::string& now);

    // A scanned or typed code: barcode, scale label, GS1 string, 5-digit PLU or 6-digit SKU.
    // `quantity` multiplies a counted item or is the weight (kg) of a weighed item typed by PLU.
    // Promotions (lane_promotions.cpp) re-price the whole ticket after every change to its lines,
    // using the day of `now` (empty: today).
    [[nodiscard]] core::Result<LineChange> scan(std::string_view code, std::optional<core::Quantity> quantity,
                                                const std::string& now = {});
    // Weighing (docs/cashier.md "Weighing at the till"): the item of `code` when it is sold by weight
    // and its code carries no weight (a PLU, SKU or plain barcode), else none: the scale weighs it.
    [[nodiscard]] core::Result<std::optional<core::CatalogItem>> item_to_weigh(std::string_view code);
    // A weighed item with the weight the lane's scale reported stable and in range (the checkout
    // judged the reading, devices/weighing.hpp); the line records that the scale gave it.
    [[nodiscard]] core::Result<LineChange> scan_weighed(std::string_view code, core::Quantity grams,
                                                        const std::string& now = {});
    // A weighed item's weight typed by hand: on a lane with a [scale] a supervisor approves
    // (keyed_weight), and scan() refuses it without one.
    [[nodiscard]] core::Result<LineChange> scan_keyed_weight(std::string_view code, core::Quantity weight,
                                                             const Approval& approval, const std::string& now = {});
    [[nodiscard]] core::Result<LineChange> set_quantity(int line, core::Quantity quantity, const std::string& now = {});
    // Needs a supervisor's number and PIN.
    [[nodiscard]] core::Result<LineChange> void_line(int line, const std::string& approver,
                                                     std::string_view approver_pin, const std::string& now = {});
    // Takes a tender; when the ticket is paid the sale is committed to lane.db before returning.
    [[nodiscard]] core::Result<TenderOutcome> tender(const TenderRequest& request, const std::string& now);

    // 付款码 (payments/code_tender.cpp). The ticket a payment code will pay: `amount` (or what is
    // left when unset) checked against what is due, and the sale's id, fixed from now on, which the
    // payment journal keeps as the attempt's ticket. Nothing is charged here (PaymentDesk does).
    [[nodiscard]] core::Result<CodePaymentTicket> code_payment_ticket(std::optional<core::Money> amount);
    // A confirmed (paid) order of that ticket becomes its tender; when the ticket is then paid the
    // sale is committed. The tender stays on the ticket even if the commit fails (the money is
    // taken): finish_paid_sale() tries the commit again.
    [[nodiscard]] core::Result<TenderOutcome> take_code_payment(const CodeOrder& paid, const std::string& now);
    [[nodiscard]] core::Result<TenderOutcome> finish_paid_sale(const std::string& now);

    // Pay-in, pay-out, cash pickup (抽大钞) or no-sale drawer opening, journaled and queued.
    [[nodiscard]] core::Result<db::CashMovementRecord> move_cash(const CashMovementRequest& request,
                                                                 const std::string& now);
    // X report of the open shift, or the report of a given shift.
    [[nodiscard]] core::Result<ShiftReport> shift_report(const std::optional<std::string>& shift_id);
    // The blind count is submitted once per shift: it is recorded before the expected amounts are
    // shown, and a later count that differs is refused (even after a restart). Nothing closes.
    [[nodiscard]] core::Result<CloseShiftOutcome> submit_count(const CloseShiftRequest& request,
                                                               const std::string& now);
    // 交班: blind count in, variances out; a supervisor signs off above the configured threshold.
    [[nodiscard]] core::Result<CloseShiftOutcome> close_shift(const CloseShiftRequest& request, const std::string& now);
    // 日结 (lane_end_of_day.cpp): the store's open business day and what blocks closing it; closing
    // locks its totals in store.db, forced past blockers only by a supervisor with a reason.
    // The store.db beside this lane (direct mode) as a writer: its open checks the file.
    [[nodiscard]] core::Result<std::unique_ptr<db::StoreDb>> open_day_store();
    // The same file for screens that only read (reports, stock lists, the day's status): no
    // integrity check and no daily whole-file check (db::StoreDb::open_for_reading), so the UI
    // thread never reads a year of history to show a list. Writes take open_day_store().
    [[nodiscard]] core::Result<std::unique_ptr<db::StoreDb>> open_day_store_for_reading();
    [[nodiscard]] core::Result<DayStatus> day_status(db::StoreDb& store);
    [[nodiscard]] core::Result<EndOfDayOutcome> end_of_day(db::StoreDb& store, const EndOfDayRequest& request,
                                                           const std::string& now);

    // 挂单: the open ticket is stored in lane.db (it survives a restart) and the lane is free.
    [[nodiscard]] core::Result<HeldTicket> suspend(const std::string& now);
    // 取单: brings a held ticket back; without an id, the only one held.
    [[nodiscard]] core::Result<HeldTicket> resume(const std::optional<std::string>& id);
    [[nodiscard]] core::Result<std::vector<HeldTicket>> held_tickets();
    // F8 lookup: by pinyin initials (简码), SKU, PLU or part of the name.
    [[nodiscard]] core::Result<std::vector<core::CatalogItem>> search(std::string_view query, int limit);
    // A new unit price for a line with a supervisor's approval; the old price and the approver
    // are journaled on the sale line.
    [[nodiscard]] core::Result<LineChange> override_price(int line, core::Money price, const Approval& approval,
                                                          const std::string& now = {});
    // 退货 (lane_returns.cpp): the sale a receipt code (lane + number), a receipt number of this
    // lane or a sale id names, with what is still returnable of each line.
    [[nodiscard]] core::Result<ReturnableSale> find_returnable(const std::string& receipt);
    // Commits a return (红字) like a sale, negative, in one transaction that also checks nothing
    // comes back twice; cash refunds leave the drawer. Needs an empty ticket and approval.
    [[nodiscard]] core::Result<ReturnOutcome> return_items(const ReturnRequest& request, const std::string& now);
    // 退货 without a receipt (lane_return_pricing.cpp): the item a code names, its quantity and
    // today's price, as return_items will refund it. Nothing is saved.
    [[nodiscard]] core::Result<ResolvedCode> price_return_item(std::string_view code,
                                                               std::optional<core::Quantity> quantity);

    // The operator's own PIN change: the old PIN, then the new one (4 to 8 digits). Audited.
    [[nodiscard]] core::Status change_pin(const std::string& operator_id, std::string_view old_pin,
                                          std::string_view new_pin, const std::string& now = {});
    // The same for an operator kept at the store, in a store behind pos-store: this lane's lockout
    // first, then pos-store checks the old PIN and counts wrong ones (POST /v1/pin); a wrong one
    // counts here too. Once the store took the new PIN, this lane keeps it at once.
    [[nodiscard]] core::Status change_pin_at_store(const std::string& operator_id, std::string_view old_pin,
                                                   std::string_view new_pin);
    // A manager (core::Action::user_admin) sets a new PIN for another operator and lifts a lockout.
    [[nodiscard]] core::Status reset_pin(const Approval& manager, const std::string& operator_id,
                                         std::string_view new_pin, const std::string& now = {});

    // 会员 (lane_members.cpp): attaches the member with this card number or phone to the ticket,
    // for a sale on account (and member prices); cleared when the sale completes or is held.
    // Member prices are applied at once (promotions for the day of `now`, empty: today).
    [[nodiscard]] core::Result<Member> apply_member(const std::string& card_or_phone, const std::string& now = {});
    [[nodiscard]] core::Status clear_member(const std::string& now = {});
    // 还款: the member repays `amount`; in cash it counts in the drawer's expected cash like a pay-in,
    // by card or mobile in the shift's card or mobile total (not on account: refused).
    [[nodiscard]] core::Result<AccountRepayment> pay_account(const std::string& card_or_phone, core::Money amount,
                                                             const std::string& now,
                                                             core::TenderMethod method = core::TenderMethod::cash);
    // The member with this card number or phone, without attaching it to the ticket (the 还款 screen).
    [[nodiscard]] core::Result<Member> find_member(const std::string& card_or_phone);
    // The member on the current ticket, if any.
    [[nodiscard]] std::optional<Member> member() const;

    // A number and PIN checked for `action` away from a sale (posctl price-change documents): the
    // role from core::permission_table() and, where it needs a second person, not `requester`.
    // Wrong PINs count towards the lockout as at login. Returns the approver.
    [[nodiscard]] core::Result<Operator> authorize(const Approval& approval, core::Action action, std::string_view what,
                                                   std::string_view requester, const std::string& now = {});

    [[nodiscard]] const core::Ticket& ticket() const { return ticket_; }
    // The operator logged in and the lane's open shift, if any (copies: the Lane keeps its records).
    [[nodiscard]] std::optional<Operator> operator_user() const;
    [[nodiscard]] std::optional<OpenShift> shift() const;
    [[nodiscard]] const LaneConfig& config() const { return config_; }
    // lane.db, for actions kept outside this class (stock scanning, pos/actions/stock/stock_scanning.*).
    [[nodiscard]] db::LaneDb& database() { return db_; }

private:
    [[nodiscard]] core::Status require_selling() const;
    // `counted` null: the float's total was typed.
    [[nodiscard]] core::Result<db::ShiftRecord> open_shift_with(core::Money float_amount,
                                                                const core::CashCount* counted, const std::string& now);
    // An operator who may try a PIN: known, active, not locked out (each refusal audited).
    struct Admitted {
        db::UserRecord user;
        core::PinLock lock;
    };
    [[nodiscard]] core::Result<Admitted> admit_operator(const std::string& operator_id, std::string_view prompt);
    // A wrong PIN counted toward the lockout, with its audit records; returns the error to show.
    [[nodiscard]] core::Error count_wrong_pin(const std::string& operator_id, const core::PinLock& lock,
                                              std::string_view prompt);
    [[nodiscard]] core::Status clear_wrong_pins(const std::string& operator_id, const core::PinLock& lock);
    // `prompt` names where the PIN was typed (login, or the action approved) for the audit log.
    [[nodiscard]] core::Result<db::UserRecord> check_credentials(const std::string& operator_id, std::string_view pin,
                                                                 std::string_view prompt = "approval",
                                                                 const std::string& now = {});
    // The approver must hold the action's role in core::permission_table() and, where the table
    // says so, be someone other than the operator; `what` names the action in messages.
    [[nodiscard]] core::Status check_approval(const Approval& approval, core::Action action, std::string_view what);
    // The same for actions that need a supervisor (core::Action::price_override's row).
    [[nodiscard]] core::Status check_approval(const Approval& approval, std::string_view what);
    [[nodiscard]] core::Status require_idle_shift() const;
    [[nodiscard]] core::Result<int64_t> commit(const core::Ticket& paid, const std::string& sale_id,
                                               const std::string& now);
    // Commits `paid` (complete) as the sale and clears the ticket; `outcome` gets its id and number.
    [[nodiscard]] core::Status complete_sale(core::Ticket paid, const std::string& now, TenderOutcome& outcome);
    // An account tender: the member attached and the amount within the available credit.
    [[nodiscard]] core::Status check_account_tender(core::Money amount) const;
    // Inside the sale's transaction (commit_sale's guard): the account tenders of `paid` move the
    // member's balance.
    [[nodiscard]] db::DbStatus charge_account(const core::Ticket& paid, const std::string& sale_id,
                                              const std::string& now, std::optional<core::Error>& refused,
                                              std::optional<core::Money>& balance) const;

    db::LaneDb& db_;
    LaneConfig config_;
    std::optional<db::UserRecord> operator_;
    std::optional<db::ShiftRecord> shift_;
    core::Ticket ticket_;
    std::optional<db::MemberRecord> member_;
    std::optional<core::Money> member_balance_;  // set by charge_account during a commit
    std::string sale_id_;                        // fixed once a payment code is asked for: the journal's ticket_ref

    // Applies lane.db's promotions for the day of `now` to `ticket` (lane_promotions.cpp), member
    // prices when member_ is set. Call after any change to the lines or to the member.
    [[nodiscard]] core::Status reprice(core::Ticket& ticket, const std::string& now);
    [[nodiscard]] LineChange change_after(int line) const;
};

}  // namespace pos::actions
