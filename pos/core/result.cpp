// Names of error codes as they appear in JSON results.
#include "pos/core/result.hpp"

namespace pos::core {

std::string_view error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::bad_input: return "bad_input";
        case ErrorCode::bad_amount: return "bad_amount";
        case ErrorCode::bad_barcode: return "bad_barcode";
        case ErrorCode::unknown_item: return "unknown_item";
        case ErrorCode::not_logged_in: return "not_logged_in";
        case ErrorCode::already_logged_in: return "already_logged_in";
        case ErrorCode::wrong_pin: return "wrong_pin";
        case ErrorCode::unknown_operator: return "unknown_operator";
        case ErrorCode::not_permitted: return "not_permitted";
        case ErrorCode::approval_required: return "approval_required";
        case ErrorCode::no_shift: return "no_shift";
        case ErrorCode::shift_open: return "shift_open";
        case ErrorCode::no_ticket: return "no_ticket";
        case ErrorCode::ticket_open: return "ticket_open";
        case ErrorCode::bad_line: return "bad_line";
        case ErrorCode::tender_short: return "tender_short";
        case ErrorCode::tender_over: return "tender_over";
        case ErrorCode::payment_started: return "payment_started";
        case ErrorCode::sale_complete: return "sale_complete";
        case ErrorCode::payment_refused: return "payment_refused";
        case ErrorCode::storage: return "storage";
        case ErrorCode::corrupt_database: return "corrupt_database";
        case ErrorCode::not_found: return "not_found";
        case ErrorCode::io: return "io";
        case ErrorCode::internal: return "internal";
        case ErrorCode::day_blocked: return "day_blocked";
        case ErrorCode::day_closed: return "day_closed";
        case ErrorCode::over_return: return "over_return";
        case ErrorCode::locked_out: return "locked_out";
        case ErrorCode::over_credit_limit: return "over_credit_limit";
        case ErrorCode::no_member: return "no_member";
        case ErrorCode::store_unreachable: return "store_unreachable";
    }
    return "internal";
}

}  // namespace pos::core
