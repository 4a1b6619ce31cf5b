// Reading a stock scan from an action-script line and answering with what the lane recorded.
#include "pos/actions/stock/stock_scan_script.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pos/actions/scripts/session.hpp"
#include "pos/actions/stock/stock_scanning.hpp"
#include "pos/core/stock.hpp"

namespace pos::actions {
namespace {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

std::string text_of(const json& action, const char* name) {
    auto found = action.find(name);
    if (found == action.end()) return {};
    if (found->is_string()) return found->get<std::string>();
    if (found->is_number()) return found->dump();
    return {};
}

core::Result<std::optional<core::Quantity>> quantity_of(const json& action, const char* name) {
    if (!action.contains(name)) return std::optional<core::Quantity>{};
    auto parsed = core::Quantity::parse(text_of(action, name));
    if (!parsed) return make_error(ErrorCode::bad_input, fmt::format("\"{}\": {}", name, parsed.error().message));
    return std::optional<core::Quantity>(*parsed);
}

core::Result<int64_t> document_of(const json& action, const char* name) {
    auto found = action.find(name);
    if (found != action.end() && found->is_number_integer() && found->get<int64_t>() > 0) return found->get<int64_t>();
    std::string text = text_of(action, name);
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 12) {
        return std::stoll(text);
    }
    return make_error(ErrorCode::bad_input,
                      fmt::format("\"{}\" must be the document's number in posctl stock list, like 2", name));
}

json apply_scan(Lane& lane, const json& action, const std::string& now, StockScanMode mode, const char* document) {
    StockScanRequest request;
    request.mode = mode;
    auto id = document_of(action, document);
    if (!id) return failure(id.error());
    request.document_id = *id;
    request.code = text_of(action, "code");
    if (request.code.empty()) return failure(make_error(ErrorCode::bad_input, "\"code\" is missing"));
    auto quantity = quantity_of(action, "qty");
    if (!quantity) return failure(quantity.error());
    request.quantity = *quantity;
    auto weight = quantity_of(action, "weight");
    if (!weight) return failure(weight.error());
    request.scale_grams = *weight;
    if (action.contains("damaged")) {
        const json& damaged = action.at("damaged");
        if (!damaged.is_boolean())
            return failure(make_error(ErrorCode::bad_input, "\"damaged\" must be true or false"));
        request.damaged = damaged.get<bool>();
    }
    request.reason = text_of(action, "reason");
    auto scanned = scan_stock(lane, request, now);
    if (!scanned) return failure(scanned.error());
    const db::StockScanRecord& scan = scanned->scan;
    bool weighed = scanned->item.sale_unit == core::SaleUnit::weight;
    int64_t quantity_milli = request.damaged ? scan.damaged_milli : scan.quantity_milli;
    return {{"ok", true},
            {document, scan.document_id},
            {"scan", scan.id},
            {"sku", scan.sku},
            {"name", scanned->item.name_zh},
            {"qty", core::stock_quantity_text(quantity_milli, weighed)},
            {"damaged", request.damaged},
            {"weighed_by", scan.weighed_by},
            {"lane_total", core::stock_quantity_text(scanned->lane_total_milli, weighed)}};
}

}  // namespace

json apply_count_scan(Lane& lane, const json& action, const std::string& now) {
    return apply_scan(lane, action, now, StockScanMode::count, "count");
}

json apply_receive_scan(Lane& lane, const json& action, const std::string& now) {
    return apply_scan(lane, action, now, StockScanMode::receive, "receipt");
}

}  // namespace pos::actions
