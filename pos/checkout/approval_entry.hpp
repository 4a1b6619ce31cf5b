// A supervisor's or manager's approval refused by the Lane, on any form that asks for one (an
// approver number, a PIN and a focused field): what is cleared and where the cashier types again.
#pragma once

#include "pos/core/result.hpp"
#include "pos/ui/state.hpp"

namespace pos::checkout {

enum class ApprovalRetry {
    none,      // the error is not about the approval: the form is untouched
    pin,       // a wrong PIN: cleared, typed again
    approver,  // no approver, an unknown one or one without the right: both cleared, the number typed again
};

// Clears the entries the Lane refused and focuses the one to type again. `Form` has `approver` and
// `pin` entries, a `field` and Field::approver / Field::pin (ApprovalForm, CashForm, VarianceForm,
// ReturnForm, NoReceiptForm, DayForm).
template <typename Form>
ApprovalRetry retry_approval(const core::Error& error, Form& form) {
    switch (error.code) {
        case core::ErrorCode::wrong_pin:
            form.pin.clear();
            form.field = Form::Field::pin;
            return ApprovalRetry::pin;
        case core::ErrorCode::approval_required:
        case core::ErrorCode::unknown_operator:
        case core::ErrorCode::not_permitted:
            form.approver.clear();
            form.pin.clear();
            form.field = Form::Field::approver;
            return ApprovalRetry::approver;
        default: return ApprovalRetry::none;
    }
}

}  // namespace pos::checkout
