// The 'stock_scan' payload written and read back: every field checked, a bad one named.
#include "db/shared/stock_scan_payload.hpp"

#include <cstdlib>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/shared/outbox_payload.hpp"

namespace pos::db {
namespace {

using nlohmann::json;

std::string milli_text(int64_t milli) {
    int64_t whole = std::llabs(milli) / 1000;
    int64_t fraction = std::llabs(milli) % 1000;
    return fmt::format("{}{}.{:03}", milli < 0 ? "-" : "", whole, fraction);
}

DbError bad(const std::string& field, const std::string& what) {
    return DbError{DbErrorCode::other,
                   fmt::format("a stock_scan record from the lane cannot be read: {} {}", field, what)};
}

}  // namespace

std::string stock_scan_to_json(const StockScanRecord& scan) {
    json root = {{"id", scan.id},
                 {"lane", scan.lane},
                 {"document", scan.document_id},
                 {"mode", scan.mode},
                 {"sku", scan.sku},
                 {"quantity", milli_text(scan.quantity_milli)},
                 {"damaged", milli_text(scan.damaged_milli)},
                 {"reason", scan.reason},
                 {"weighed_by", scan.weighed_by},
                 {"operator", scan.operator_id},
                 {"at", scan.at}};
    return root.dump(-1, ' ', false, json::error_handler_t::replace);
}

DbResult<StockScanRecord> parse_stock_scan_payload(const std::string& json_text) {
    json root = json::parse(json_text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return bad("payload", "is not a JSON object");
    StockScanRecord scan;
    auto text = [&](const char* field, std::string& into) -> bool {
        auto found = root.find(field);
        if (found == root.end() || !found->is_string()) return false;
        into = found->get<std::string>();
        return true;
    };
    auto integer = [&](const char* field, int64_t& into) -> bool {
        auto found = root.find(field);
        if (found == root.end() || !found->is_number_integer()) return false;
        into = found->get<int64_t>();
        return true;
    };
    auto quantity = [&](const char* field, int64_t& into) -> bool {
        std::string written;
        if (!text(field, written)) return false;
        auto parsed = parse_decimal(written, 3);
        if (!parsed) return false;
        into = *parsed;
        return true;
    };
    if (!text("id", scan.id)) return bad("id", "must be a string");
    if (!integer("lane", scan.lane)) return bad("lane", "must be a whole number");
    if (!integer("document", scan.document_id)) return bad("document", "must be a whole number");
    if (!text("mode", scan.mode) || (scan.mode != "count" && scan.mode != "receive"))
        return bad("mode", "must be count or receive");
    if (!text("sku", scan.sku) || scan.sku.empty()) return bad("sku", "must be an item's sku");
    if (!quantity("quantity", scan.quantity_milli)) return bad("quantity", "must be a decimal with 3 decimals");
    if (!quantity("damaged", scan.damaged_milli)) return bad("damaged", "must be a decimal with 3 decimals");
    if (!text("reason", scan.reason)) return bad("reason", "must be a string");
    if (!text("weighed_by", scan.weighed_by)) return bad("weighed_by", "must be a string");
    if (!text("operator", scan.operator_id)) return bad("operator", "must be a string");
    if (!text("at", scan.at)) return bad("at", "must be a string");
    return scan;
}

}  // namespace pos::db
