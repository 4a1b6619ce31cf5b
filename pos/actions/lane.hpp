// The Lane: every cashier and supervisor action at the till, one function each. The UI,
// posctl and the action-script runner all call these, so they behave the same everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <map>
#include <vector>

#include "db/lane_db.hpp"
#include "db/lane_shifts.hpp"
#include "db/store_db.hpp"
#include "pos/actions/config.hpp"
#include "pos/actions/end_of_day.hpp"
#include "pos/core/result.hpp"
#include "pos/core/shift.hpp"
#include "pos/core/ticket.hpp"

namespace pos::actions {

// What a scan or quantity change did to the ticket.
struct LineChange {
    int line = 0;
    core::TicketLine after;   // the line as it now stands
    core::Money subtotal;     // the ticket's running total
};

struct TenderOutcome {
    core::PaymentState payment;           // after this tender
    std::optional<std::string> sale_id;   // set when the sale completed and was committed
    int64_t receipt_no = 0;
};

struct TenderRequest {
    core::TenderMethod method = core::TenderMethod::cash;
    std::optional<core::Money> amount;  // omitted: exactly what is due
    bool partial = false;               // part of a split payment
    std::string reference;              // card/mobile terminal reference
};

// A supervisor's number and PIN, given where an action needs approval.
struct Approval {
    std::string approver;
    std::string pin;
};

enum class CashMovementKind { pay_in, pay_out, pickup, no_sale };

struct CashMovementRequest {
    CashMovementKind kind = CashMovementKind::pay_in;
    core::Money amount;     // 0 for a no-sale
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

class Lane {
public:
    Lane(db::LaneDb& database, LaneConfig config) : db_(database), config_(std::move(config)) {}

    [[nodiscard]] core::Status login(const std::string& operator_id, std::string_view pin);
    [[nodiscard]] core::Status logout();
    [[nodiscard]] core::Result<db::ShiftRecord> open_shift(core::Money float_amount, const std::string& now);

    // A scanned or typed code: barcode, scale label, GS1 string, 5-digit PLU or 6-digit SKU.
    // `quantity` multiplies a counted item or is the weight (kg) of a weighed item typed by PLU.
    [[nodiscard]] core::Result<LineChange> scan(std::string_view code, std::optional<core::Quantity> quantity);
    [[nodiscard]] core::Result<LineChange> set_quantity(int line, core::Quantity quantity);
    // Needs a supervisor's number and PIN.
    [[nodiscard]] core::Result<LineChange> void_line(int line, const std::string& approver, std::string_view approver_pin);
    // Takes a tender; when the ticket is paid the sale is committed to lane.db before returning.
    [[nodiscard]] core::Result<TenderOutcome> tender(const TenderRequest& request, const std::string& now);

    // Pay-in, pay-out, cash pickup (抽大钞) or no-sale drawer opening, journaled and queued.
    [[nodiscard]] core::Result<db::CashMovementRecord> move_cash(const CashMovementRequest& request, const std::string& now);
    // X report of the open shift, or the report of a given shift.
    [[nodiscard]] core::Result<ShiftReport> shift_report(const std::optional<std::string>& shift_id);
    // The blind count is submitted once per shift: it is recorded before the expected amounts are
    // shown, and a later count that differs is refused (even after a restart). Nothing closes.
    [[nodiscard]] core::Result<CloseShiftOutcome> submit_count(const CloseShiftRequest& request, const std::string& now);
    // 交班: blind count in, variances out; a supervisor signs off above the configured threshold.
    [[nodiscard]] core::Result<CloseShiftOutcome> close_shift(const CloseShiftRequest& request, const std::string& now);
    // 日结 (lane_end_of_day.cpp): the store's open business day and what blocks closing it; closing
    // locks its totals in store.db, forced past blockers only by a supervisor with a reason.
    [[nodiscard]] core::Result<std::unique_ptr<db::StoreDb>> open_day_store();
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
    [[nodiscard]] core::Result<LineChange> override_price(int line, core::Money price, const Approval& approval);

    [[nodiscard]] const core::Ticket& ticket() const { return ticket_; }
    [[nodiscard]] const std::optional<db::UserRecord>& operator_user() const { return operator_; }
    [[nodiscard]] const std::optional<db::ShiftRecord>& shift() const { return shift_; }
    [[nodiscard]] const LaneConfig& config() const { return config_; }

private:
    [[nodiscard]] core::Status require_selling() const;
    [[nodiscard]] core::Result<db::UserRecord> check_credentials(const std::string& operator_id, std::string_view pin);
    // The approver must be a supervisor (or above) other than the operator; `what` names the action.
    [[nodiscard]] core::Status check_approval(const Approval& approval, std::string_view what);
    [[nodiscard]] core::Status require_idle_shift() const;
    [[nodiscard]] core::Result<int64_t> commit(const core::Ticket& paid, const std::string& sale_id, const std::string& now);

    db::LaneDb& db_;
    LaneConfig config_;
    std::optional<db::UserRecord> operator_;
    std::optional<db::ShiftRecord> shift_;
    core::Ticket ticket_;
};

}  // namespace pos::actions
