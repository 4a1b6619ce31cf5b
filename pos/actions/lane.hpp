// The Lane: every cashier and supervisor action at the till, one function each. The UI,
// posctl and the action-script runner all call these, so they behave the same everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "db/lane_db.hpp"
#include "pos/actions/config.hpp"
#include "pos/core/result.hpp"
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

    [[nodiscard]] const core::Ticket& ticket() const { return ticket_; }
    [[nodiscard]] const std::optional<db::UserRecord>& operator_user() const { return operator_; }
    [[nodiscard]] const std::optional<db::ShiftRecord>& shift() const { return shift_; }
    [[nodiscard]] const LaneConfig& config() const { return config_; }

private:
    [[nodiscard]] core::Status require_selling() const;
    [[nodiscard]] core::Result<db::UserRecord> check_credentials(const std::string& operator_id, std::string_view pin);
    [[nodiscard]] core::Result<int64_t> commit(const core::Ticket& paid, const std::string& sale_id, const std::string& now);

    db::LaneDb& db_;
    LaneConfig config_;
    std::optional<db::UserRecord> operator_;
    std::optional<db::ShiftRecord> shift_;
    core::Ticket ticket_;
};

}  // namespace pos::actions
