// WeChat Pay's daily statement (downloadbill, bill_type ALL): a CSV whose header names the columns
// and whose every value starts with a backquote, then a summary. Read by the column names the
// document gives, so a column added by WeChat does not shift what is read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/expected.hpp"

namespace pos::payments {

struct BillLine {
    std::string out_trade_no;    // 商户订单号
    std::string transaction_id;  // 微信订单号
    std::string state;           // 交易状态: SUCCESS, REFUND, REVOKED
    int64_t fen = 0;             // 应结订单金额
    std::string out_refund_no;   // 商户退款单号 (REFUND lines)
    int64_t refund_fen = 0;      // 退款金额
};

struct BillError {
    std::string message;
};

[[nodiscard]] support::Expected<std::vector<BillLine>, BillError> parse_wechat_bill(const std::string& text);

}  // namespace pos::payments
