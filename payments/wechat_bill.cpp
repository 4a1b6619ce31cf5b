// WeChat's statement, read by column name.
#include "payments/wechat_bill.hpp"

#include <map>
#include <sstream>

namespace pos::payments {
namespace {

std::vector<std::string> split_row(const std::string& row) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(row);
    while (std::getline(in, cell, ',')) {
        if (!cell.empty() && cell.back() == '\r') cell.pop_back();
        if (!cell.empty() && cell.front() == '`') cell.erase(0, 1);
        cells.push_back(cell);
    }
    return cells;
}

// "12.34" → 1234; false for anything else.
bool parse_yuan(const std::string& text, int64_t& fen) {
    size_t dot = text.find('.');
    if (dot == std::string::npos || text.size() - dot != 3 || dot == 0) return false;
    int64_t value = 0;
    for (char c : text) {
        if (c == '.') continue;
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    fen = value;
    return true;
}

}  // namespace

support::Expected<std::vector<BillLine>, BillError> parse_wechat_bill(const std::string& text) {
    std::istringstream in(text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text);
    std::string row;
    if (!std::getline(in, row)) return BillError{"the statement is empty"};
    std::map<std::string, size_t> column;
    std::vector<std::string> header = split_row(row);
    for (size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
    const char* needed[] = {"商户订单号", "微信订单号", "交易状态", "应结订单金额", "商户退款单号", "退款金额"};
    for (const char* name : needed) {
        if (!column.contains(name)) return BillError{std::string("the statement has no column ") + name};
    }
    std::vector<BillLine> lines;
    int number = 1;
    while (std::getline(in, row)) {
        ++number;
        if (row.starts_with("总交易单数")) break;  // the summary follows the orders
        std::vector<std::string> cells = split_row(row);
        if (cells.size() < header.size()) {
            return BillError{"row " + std::to_string(number) + " of the statement has " + std::to_string(cells.size()) +
                             " columns, the header " + std::to_string(header.size())};
        }
        BillLine line{cells[column["商户订单号"]],   cells[column["微信订单号"]],
                      cells[column["交易状态"]],     0,
                      cells[column["商户退款单号"]], 0};
        if (!parse_yuan(cells[column["应结订单金额"]], line.fen) ||
            !parse_yuan(cells[column["退款金额"]], line.refund_fen)) {
            return BillError{"row " + std::to_string(number) + " of the statement has an amount that is not yuan"};
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace pos::payments
