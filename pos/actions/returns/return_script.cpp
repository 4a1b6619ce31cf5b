// Reading a return from an action-script line and answering with the refund.
#include "pos/actions/returns/return_script.hpp"

#include "pos/actions/scripts/session.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pos::actions {
namespace {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

std::string text_of(const json& action, const char* name) {
    auto found = action.find(name);
    if (found == action.end()) return {};
    if (found->is_string()) return found->get<std::string>();
    if (found->is_number_integer()) return std::to_string(found->get<int64_t>());
    return {};
}

core::Result<std::optional<core::Quantity>> quantity_of(const json& entry) {
    auto found = entry.find("qty");
    if (found == entry.end()) return std::optional<core::Quantity>{};
    std::string text = found->is_string()   ? found->get<std::string>()
                       : found->is_number() ? found->dump()
                                            : std::string{};
    auto parsed = core::Quantity::parse(text);
    if (!parsed) return parsed.error();
    return std::optional<core::Quantity>(*parsed);
}

// "lines": [2, {"line":1,"qty":"1"}, {"code":"6921168176748","qty":"2"}]
core::Result<std::vector<ReturnLine>> lines_of(const json& action) {
    auto found = action.find("lines");
    if (found == action.end() || !found->is_array() || found->empty()) {
        return make_error(ErrorCode::bad_input, "\"lines\" is missing: [{\"line\":1,\"qty\":\"1\"}] or [1, 2]");
    }
    std::vector<ReturnLine> lines;
    for (const json& entry : *found) {
        ReturnLine line;
        const json* number = entry.is_object() && entry.contains("line") ? &entry["line"] : &entry;
        if (entry.is_object() && entry.contains("code")) {
            line.code = text_of(entry, "code");
            if (line.code.empty()) return make_error(ErrorCode::bad_input, "\"code\" must be a barcode, PLU or SKU");
        } else if (number->is_number_integer() && number->get<int64_t>() >= 1 && number->get<int64_t>() <= 100000) {
            line.line = int(number->get<int64_t>());
        } else {
            return make_error(ErrorCode::bad_input,
                              "each of \"lines\" is a line number, {\"line\":1,\"qty\":\"1\"} or {\"code\":...}");
        }
        if (entry.is_object()) {
            for (const auto& [key, value] : entry.items()) {
                if (key != "line" && key != "qty" && key != "code") {
                    return make_error(ErrorCode::bad_input,
                                      fmt::format("\"{}\" is not a field of a returned line", key));
                }
            }
            auto quantity = quantity_of(entry);
            if (!quantity) return quantity.error();
            line.quantity = *quantity;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

json tenders_json(const std::vector<core::Tender>& tenders) {
    json list = json::array();
    for (const core::Tender& tender : tenders) {
        list.push_back({{"method", std::string(core::tender_method_name(tender.method))},
                        {"amount", (-tender.amount).to_string()}});
    }
    return list;
}

}  // namespace

json returnable_json(const ReturnableSale& sale) {
    json lines = json::array();
    for (const core::SoldLine& sold : sale.lines) {
        const auto& records = sale.sale.lines;
        auto record = std::find_if(records.begin(), records.end(),
                                   [&](const db::SaleLineRecord& each) { return each.line_no == sold.line; });
        lines.push_back({{"line", sold.line},
                         {"sku", record->sku},
                         {"name", record->name_zh},
                         {"name_en", record->name_en},
                         {"qty", core::Quantity::milli(sold.sold_milli).to_string()},
                         {"amount", sold.amount.to_string()},
                         {"returned", core::Quantity::milli(sold.returned_milli).to_string()},
                         {"returnable", core::Quantity::milli(core::returnable_milli(sold)).to_string()}});
    }
    json tenders = json::array();
    for (const core::PaidTender& tender : sale.tenders) {
        tenders.push_back({{"method", std::string(core::tender_method_name(tender.method))},
                           {"paid", tender.paid.to_string()},
                           {"refunded", tender.refunded.to_string()}});
    }
    json result = {{"sale_id", sale.sale.id},
                   {"receipt", sale.receipt},
                   {"completed_at", sale.sale.completed_at},
                   {"total", core::Money::fen(sale.sale.total_fen).to_string()},
                   {"earlier_returns", sale.earlier_returns},
                   {"lines", lines},
                   {"tenders", tenders},
                   {"lane", sale.sale.lane},
                   {"other_lane", sale.other_lane}};
    if (!sale.notice.empty()) result["notice"] = sale.notice;
    return result;
}

json apply_return_lookup(Lane& lane, const json& action) {
    std::string receipt = text_of(action, "receipt");
    if (receipt.empty()) return failure(make_error(ErrorCode::bad_input, "\"receipt\" is missing"));
    auto found = lane.find_returnable(receipt);
    if (!found) return failure(found.error());
    json result = returnable_json(*found);
    result["ok"] = true;
    return result;
}

json apply_return(Lane& lane, const json& action, const std::string& now) {
    ReturnRequest request;
    request.receipt = text_of(action, "receipt");
    if (request.receipt.empty()) request.receipt = text_of(action, "sale_id");
    auto lines = lines_of(action);
    if (!lines) return failure(lines.error());
    request.lines = std::move(*lines);
    if (action.contains("refund")) {
        auto method = core::parse_tender_method(text_of(action, "refund"));
        if (!method)
            return failure(make_error(ErrorCode::bad_input, "\"refund\" must be cash, card, mobile or account"));
        request.refund = *method;
    }
    request.reason = text_of(action, "reason");
    request.approval = {text_of(action, "approver"), text_of(action, "pin")};
    auto outcome = lane.return_items(request, now);
    if (!outcome) return failure(outcome.error());
    const core::RefundPlan& refund = outcome->refund;
    return {{"ok", true},
            {"sale_id", outcome->sale_id},
            {"receipt_no", outcome->receipt_no},
            {"original_receipt", outcome->original_receipt ? json(*outcome->original_receipt) : json(nullptr)},
            {"total", (-refund.total).to_string()},
            {"rounding", refund.rounding.to_string()},
            {"refund", refund.total.to_string()},
            {"tenders", tenders_json(refund.tenders)}};
}

}  // namespace pos::actions
