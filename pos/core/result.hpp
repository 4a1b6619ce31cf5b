// Result type for fallible calls: a value, or an error with a closed code and a message a person can act on.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "support/expected.hpp"

namespace pos::core {

// Closed list of error codes. The string form (error_code_name) is the contract used in
// action-script results and `posctl` output; add codes, never rename them.
enum class ErrorCode {
    bad_input,     // malformed request: missing field, bad number, bad JSON
    bad_amount,    // money or quantity text that is not a valid amount
    bad_barcode,   // barcode fails the engine: check digit, length, unknown prefix
    unknown_item,  // barcode or PLU not in the catalog
    not_logged_in,
    already_logged_in,
    wrong_pin,
    unknown_operator,
    not_permitted,      // the operator's role may not do this
    approval_required,  // a supervisor must approve (approver + pin)
    no_shift,
    shift_open,        // a shift is already open
    no_ticket,         // nothing to act on
    ticket_open,       // action needs an empty ticket
    bad_line,          // line number does not exist or is voided
    tender_short,      // tender does not cover what is due
    tender_over,       // a non-cash tender larger than what is due
    payment_started,   // lines are frozen once a tender is taken
    sale_complete,     // the ticket is already paid
    payment_refused,   // the payment gateway did not take the payment (refused, expired, cancelled)
    storage,           // the lane database failed
    corrupt_database,  // quick_check failed: no writes allowed
    not_found,         // a record (sale, ticket, file) does not exist
    io,                // a file could not be read or written
    internal,
    day_blocked,        // the end of day (日结) is refused: shifts open or records not at the store
    day_closed,         // that business day was already closed (日结 done)
    over_return,        // a return asks back more than was sold (less earlier returns)
    locked_out,         // too many wrong PINs: the operator waits, or a manager resets the PIN
    over_credit_limit,  // a sale on a member account beyond the available credit
    no_member,          // no member account on the ticket, or none with that card or phone
    store_unreachable,  // the store (store.db or pos-store) could not be asked, e.g. for another lane's receipt
};

[[nodiscard]] std::string_view error_code_name(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
};

template <typename T>
using Result = support::Expected<T, Error>;

using Done = support::Done;
using Status = Result<Done>;

[[nodiscard]] inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace pos::core
