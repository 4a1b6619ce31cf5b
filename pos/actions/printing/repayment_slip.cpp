// The 还款 slip, laid out like the daily report's "label ..... value" pairs so it reads on 32
// columns (58 mm) as well as 48 (80 mm).
#include "pos/actions/printing/repayment_slip.hpp"

#include <fmt/format.h>

#include "drivers/printer/text.hpp"
#include "pos/core/member_credit.hpp"

namespace pos::actions {
namespace {

namespace printer = drivers::printer;
using core::Money;

const char* method_label(core::TenderMethod method) {
    switch (method) {
        case core::TenderMethod::cash: return "现金 cash";
        case core::TenderMethod::card: return "银行卡 card";
        case core::TenderMethod::mobile: return "扫码 mobile";
        case core::TenderMethod::account: return "挂账 account";
        case core::TenderMethod::wechat: return "微信支付 WeChat Pay";
        case core::TenderMethod::alipay: return "支付宝 Alipay";
        case core::TenderMethod::unionpay: return "银联云闪付 UnionPay QR";
    }
    return "";
}

}  // namespace

std::vector<std::string> repayment_slip_lines(const AccountRepayment& repayment, const LaneConfig& config,
                                              const std::string& operator_id, const std::string& at, int columns) {
    std::vector<std::string> lines;
    auto pair = [&](const std::string& label, const std::string& value) {
        lines.push_back(printer::spread(label, value, columns));
    };
    std::string rule(static_cast<size_t>(columns), '-');
    for (const std::string& part : printer::wrap(config.store_name, columns)) lines.push_back(part);
    lines.push_back("会员还款 Account repayment");
    lines.push_back(rule);
    pair("机号 lane", fmt::format("{:02}", config.lane));
    pair("收银员 cashier", operator_id);
    pair("时间 time", at.size() >= 19 ? at.substr(0, 10) + " " + at.substr(11, 8) : at);
    lines.push_back(rule);
    pair("会员 member", repayment.member.card);
    for (const std::string& part : printer::wrap(repayment.member.name, columns)) lines.push_back(part);
    pair("还款 repaid", repayment.amount.to_string());
    pair(method_label(repayment.method), repayment.amount.to_string());
    lines.push_back(rule);
    const core::MemberAccount& account = repayment.member.account;
    pair("尚欠 still owed", account.balance.to_string());
    pair("可用额度 available", core::available_credit(account).to_string());
    pair("单据 ref", repayment.movement_id.substr(0, 8));
    return lines;
}

}  // namespace pos::actions
