// What the Lane hands out about its operator, shift and member: values of pos/core, not
// database records, so its callers (pos/ui, pos/checkout, posctl) need no db/ header.
#pragma once

#include <cstdint>
#include <string>

#include "pos/core/member_credit.hpp"
#include "pos/core/money.hpp"
#include "pos/core/permissions.hpp"

namespace pos::actions {

// The operator logged in at the lane.
struct Operator {
    std::string operator_id;
    std::string name;
    core::Role role = core::Role::cashier;
};

// The lane's open shift.
struct OpenShift {
    std::string id;
    int64_t lane = 0;
    std::string operator_id;  // who opened it
    std::string opened_at;    // ISO 8601 with offset
    core::Money float_amount;
};

// A member credit account (挂账) as lane.db has it.
struct Member {
    std::string card;
    std::string phone;
    std::string name;
    core::MemberAccount account;  // the credit limit and what is owed
};

// A payment-code order (付款码) as the lane's payment journal has it (payments/payment_desk.hpp).
struct CodeOrder {
    std::string out_trade_no;  // L<lane>-<yyyymmdd>-<seq>: the lane's number for it at the gateway
    std::string provider;      // wechat, alipay, unionpay
    std::string masked_code;   // 1346**********8540: the code itself is never kept
    core::Money amount;
    std::string ticket_ref;  // the id the sale has (or would have had)
    std::string state;       // requested, waiting, unknown, paid, failed, closed
    std::string transaction_id;
    std::string last_code;
    std::string last_message;
    std::string created_at;
};

// A refund of a payment-code order, journaled with its return.
struct CodeRefund {
    std::string out_refund_no;
    std::string out_trade_no;
    core::Money amount;
    std::string return_id;
    std::string state;  // requested, processing, unknown, refunded, failed
    std::string last_code;
    std::string last_message;
};

// The ticket a payment code is about to pay (Lane::code_payment_ticket).
struct CodePaymentTicket {
    std::string sale_id;
    core::Money amount;
};

}  // namespace pos::actions
