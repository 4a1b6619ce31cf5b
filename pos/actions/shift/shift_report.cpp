// X/Z report content: the shift's figures, expected cash, and after close the count and variances.
#include "pos/actions/shift/shift_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pos/actions/printing/code_tender_label.hpp"

namespace pos::actions {
namespace {

using core::Money;

struct Labels {
    const char* x_title;
    const char* z_title;
    const char* lane;
    const char* cashier;
    const char* opened;
    const char* closed;
    const char* sales;
    const char* net_sales;
    const char* rounding;
    const char* float_amount;
    const char* cash_in;
    const char* change;
    const char* pay_ins;
    const char* pay_outs;
    const char* pickups;
    const char* expected_cash;
    const char* voids;
    const char* no_sales;
    const char* tender;
    const char* expected;
    const char* counted;
    const char* variance;
    const char* reason;
    const char* approver;
    const char* returns;
    const char* refunds;
    const char* cash_refunds;
};

constexpr Labels zh = {"X 报表 (未交班)", "Z 报表 (交班)", "机号",    "收银员",   "开班",     "交班",
                       "销售笔数",        "销售金额",      "抹零",    "当班金额", "现金收入", "找零",
                       "备用金存入",      "支出",          "抽大钞",  "应有现金", "删除行数", "开钱箱(无销售)",
                       "支付方式",        "应收",          "实点",    "长短款",   "原因",     "审批",
                       "退货笔数",        "退货金额",      "现金退款"};
constexpr Labels en = {"X report (shift open)",
                       "Z report (shift closed)",
                       "Lane",
                       "Cashier",
                       "Opened",
                       "Closed",
                       "Sales",
                       "Net sales",
                       "Cash rounding",
                       "Float",
                       "Cash taken",
                       "Change given",
                       "Pay-ins",
                       "Pay-outs",
                       "Pickups",
                       "Expected cash",
                       "Voided lines",
                       "No-sales",
                       "Tender",
                       "Expected",
                       "Counted",
                       "Variance",
                       "Reason",
                       "Approved by",
                       "Returns",
                       "Refunded",
                       "Cash refunds"};

std::string tender_label(const std::string& method, bool chinese) {
    if (const char* code = code_tender_label(method, chinese)) return code;
    if (!chinese) return method;
    if (method == "cash") return "现金";
    if (method == "card") return "银行卡";
    if (method == "mobile") return "移动支付";
    if (method == "account") return "挂账";
    return method;
}

// Display width: CJK and other wide characters take two columns on a receipt or a terminal.
int display_width(std::string_view text) {
    int width = 0;
    for (size_t i = 0; i < text.size();) {
        unsigned char lead = static_cast<unsigned char>(text[i]);
        size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        width += length >= 3 ? 2 : 1;
        i += length;
    }
    return width;
}

// "2026-11-23T08:00:00+08:00" -> "2026-11-23 08:00": the lane's local time, as printed.
std::string minutes(const std::string& timestamp) {
    std::string shown = timestamp.substr(0, 16);
    if (shown.size() > 10 && shown[10] == 'T') shown[10] = ' ';
    return shown;
}

std::string row(std::string_view label, std::string_view value, int columns) {
    int gap = std::max(1, columns - display_width(label) - display_width(value));
    return std::string(label) + std::string(size_t(gap), ' ') + std::string(value);
}

}  // namespace

nlohmann::json shift_report_json(const ShiftReport& report) {
    const core::ShiftTotals& t = report.totals;
    nlohmann::json non_cash = nlohmann::json::object();
    for (const auto& [method, amount] : t.non_cash)
        non_cash[std::string(core::tender_method_name(method))] = amount.to_string();
    nlohmann::json result = {
        {"shift_id", report.shift.id},
        {"lane", report.shift.lane},
        {"operator", report.shift.operator_id},
        {"opened_at", report.shift.opened_at},
        {"closed_at", report.shift.closed_at ? nlohmann::json(*report.shift.closed_at) : nlohmann::json(nullptr)},
        {"kind", report.close ? "Z" : "X"},
        {"sales", t.sales},
        {"net_sales", t.net_sales.to_string()},
        {"rounding", t.rounding.to_string()},
        {"float", t.float_amount.to_string()},
        {"cash_tendered", t.cash_tendered.to_string()},
        {"change_given", t.change_given.to_string()},
        {"pay_ins", t.pay_ins.to_string()},
        {"pay_outs", t.pay_outs.to_string()},
        {"pickups", t.pickups.to_string()},
        {"expected_cash", report.expected_cash.to_string()},
        {"non_cash", non_cash},
        {"voided_lines", t.voided_lines},
        {"no_sales", t.no_sales},
        {"returns", t.returns},
        {"refunds", t.refunds.to_string()},
        {"cash_refunds", t.cash_refunds.to_string()}};
    if (report.close) result["close"] = nlohmann::json::parse(report.close->report, nullptr, false);
    if (!report.float_counts.empty()) {
        nlohmann::json counts = nlohmann::json::object();
        for (const auto& [denomination, count] : report.float_counts) counts[denomination.to_string()] = count;
        result["float_counts"] = counts;
    }
    if (!report.show_expected) result.erase("expected_cash");
    return result;
}

std::vector<std::string> shift_report_lines(const ShiftReport& report, const LaneConfig& config, int columns) {
    bool chinese = config.language != "en";
    const Labels& l = chinese ? zh : en;
    const core::ShiftTotals& t = report.totals;
    std::string rule(size_t(columns), '-');
    std::vector<std::string> lines;
    lines.push_back(config.store_name);
    lines.push_back(report.close ? l.z_title : l.x_title);
    lines.push_back(rule);
    lines.push_back(row(l.lane, std::to_string(report.shift.lane), columns));
    lines.push_back(row(l.cashier, report.shift.operator_id, columns));
    lines.push_back(row(l.opened, minutes(report.shift.opened_at), columns));
    if (report.shift.closed_at) lines.push_back(row(l.closed, minutes(*report.shift.closed_at), columns));
    lines.push_back(rule);
    lines.push_back(row(l.sales, std::to_string(t.sales), columns));
    if (t.returns > 0) {
        lines.push_back(row(l.returns, std::to_string(t.returns), columns));
        lines.push_back(row(l.refunds, (-t.refunds).to_string(), columns));
    }
    lines.push_back(row(l.net_sales, t.net_sales.to_string(), columns));
    lines.push_back(row(l.rounding, t.rounding.to_string(), columns));
    for (const auto& [method, amount] : t.non_cash) {
        lines.push_back(
            row(tender_label(std::string(core::tender_method_name(method)), chinese), amount.to_string(), columns));
    }
    lines.push_back(rule);
    lines.push_back(row(l.float_amount, t.float_amount.to_string(), columns));
    // The float as counted at open, one line per denomination: "  100.00 x 1     100.00".
    for (const auto& [denomination, count] : report.float_counts) {
        lines.push_back(row(fmt::format("  {} x {}", denomination.to_string(), count),
                            core::Money::fen(denomination.in_fen() * count).to_string(), columns));
    }
    lines.push_back(row(l.cash_in, t.cash_tendered.to_string(), columns));
    lines.push_back(row(l.change, (-t.change_given).to_string(), columns));
    if (!t.cash_refunds.is_zero()) lines.push_back(row(l.cash_refunds, (-t.cash_refunds).to_string(), columns));
    lines.push_back(row(l.pay_ins, t.pay_ins.to_string(), columns));
    lines.push_back(row(l.pay_outs, (-t.pay_outs).to_string(), columns));
    lines.push_back(row(l.pickups, (-t.pickups).to_string(), columns));
    if (report.show_expected) lines.push_back(row(l.expected_cash, report.expected_cash.to_string(), columns));
    lines.push_back(rule);
    lines.push_back(row(l.voids, std::to_string(t.voided_lines), columns));
    lines.push_back(row(l.no_sales, std::to_string(t.no_sales), columns));
    if (report.close) {
        nlohmann::json close = nlohmann::json::parse(report.close->report, nullptr, false);
        lines.push_back(rule);
        lines.push_back(fmt::format("{} / {} / {} / {}", l.tender, l.expected, l.counted, l.variance));
        if (close.is_object() && close.contains("tenders")) {
            for (const auto& tender : close["tenders"]) {
                std::string values = fmt::format("{} {} {}", tender.value("expected", ""), tender.value("counted", ""),
                                                 tender.value("variance", ""));
                lines.push_back(row(tender_label(tender.value("tender", ""), chinese), values, columns));
            }
        }
        if (!report.close->reason.empty()) lines.push_back(row(l.reason, report.close->reason, columns));
        if (!report.close->approver.empty()) lines.push_back(row(l.approver, report.close->approver, columns));
    }
    return lines;
}

}  // namespace pos::actions
