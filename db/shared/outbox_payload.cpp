// Outbox payloads back into records: every field checked, a bad one named in the error.
#include "db/shared/outbox_payload.hpp"

#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pos::db {
namespace {

using nlohmann::json;

// Thrown only inside this file and caught at the two entry points below.
struct BadField {
    std::string field;
    std::string what;
};

const json& member(const json& object, const char* field) {
    if (!object.is_object() || !object.contains(field)) throw BadField{field, "is missing"};
    return object.at(field);
}

std::string text(const json& object, const char* field) {
    const json& value = member(object, field);
    if (!value.is_string()) throw BadField{field, "must be a string"};
    return value.get<std::string>();
}

int64_t integer(const json& object, const char* field) {
    const json& value = member(object, field);
    if (!value.is_number_integer()) throw BadField{field, "must be a whole number"};
    return value.get<int64_t>();
}

bool boolean(const json& object, const char* field) {
    const json& value = member(object, field);
    if (!value.is_boolean()) throw BadField{field, "must be true or false"};
    return value.get<bool>();
}

int64_t decimal(const json& object, const char* field, int decimals) {
    auto parsed = parse_decimal(text(object, field), decimals);
    if (!parsed) throw BadField{field, fmt::format("must be a decimal with at most {} decimals", decimals)};
    return *parsed;
}

json parse_object(const std::string& json_text) {
    json root = json::parse(json_text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) throw BadField{"payload", "is not a JSON object"};
    return root;
}

DbError bad_payload(const char* kind, const BadField& bad) {
    return DbError{DbErrorCode::other,
                   fmt::format("a {} record from the lane cannot be read: {} {}", kind, bad.field, bad.what)};
}

}  // namespace

std::optional<int64_t> parse_decimal(std::string_view input, int decimals) {
    bool negative = !input.empty() && input.front() == '-';
    if (negative) input.remove_prefix(1);
    size_t dot = input.find('.');
    std::string_view whole = input.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : input.substr(dot + 1);
    if (whole.empty() || whole.size() > 15 || int(fraction.size()) > decimals) return std::nullopt;
    if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
    int64_t value = 0;
    for (char digit : whole) {
        if (digit < '0' || digit > '9') return std::nullopt;
        value = value * 10 + (digit - '0');
    }
    for (int place = 0; place < decimals; ++place) {
        char digit = place < int(fraction.size()) ? fraction[size_t(place)] : '0';
        if (digit < '0' || digit > '9') return std::nullopt;
        value = value * 10 + (digit - '0');
    }
    return negative ? -value : value;
}

DbResult<SaleRecord> parse_sale_payload(const std::string& json_text) {
    try {
        json root = parse_object(json_text);
        SaleRecord sale;
        sale.id = text(root, "sale_id");
        sale.receipt_no = integer(root, "receipt_no");
        sale.lane = integer(root, "lane");
        sale.shift_id = text(root, "shift_id");
        sale.operator_id = text(root, "operator");
        sale.completed_at = text(root, "completed_at");
        sale.total_fen = decimal(root, "total", 2);
        sale.rounding_fen = decimal(root, "rounding", 2);
        sale.paid_fen = decimal(root, "paid", 2);
        sale.change_fen = decimal(root, "change", 2);
        sale.item_count_milli = decimal(root, "items", 3);
        // Returns (红字) came later: a payload without "kind" is a sale.
        if (root.contains("kind")) {
            sale.kind = text(root, "kind");
            if (sale.kind != "sale" && sale.kind != "return") throw BadField{"kind", "must be sale or return"};
            if (!member(root, "original_sale_id").is_null()) sale.original_sale_id = text(root, "original_sale_id");
            sale.reason = text(root, "reason");
            sale.approved_by = text(root, "approved_by");
        }
        const json& lines = member(root, "lines");
        if (!lines.is_array()) throw BadField{"lines", "must be a list"};
        for (const json& line : lines) {
            SaleLineRecord record;
            record.line_no = integer(line, "line");
            record.kind = text(line, "kind");
            record.sku = text(line, "sku");
            record.gtin = text(line, "gtin");
            record.name_zh = text(line, "name_zh");
            record.name_en = text(line, "name_en");
            record.spec = text(line, "spec");
            record.unit = text(line, "unit");
            record.department = text(line, "department");
            record.sale_unit = text(line, "sale_unit");
            record.quantity_milli = decimal(line, "qty", 3);
            record.unit_price_fen = decimal(line, "unit_price", 2);
            record.amount_fen = decimal(line, "amount", 2);
            record.voided = boolean(line, "voided");
            record.voided_by = text(line, "voided_by");
            // Price overrides came later: payloads queued before them have neither field.
            if (line.contains("original_price") && !line["original_price"].is_null()) {
                record.original_price_fen = decimal(line, "original_price", 2);
            }
            if (line.contains("price_set_by")) record.price_set_by = text(line, "price_set_by");
            if (line.contains("original_line")) record.original_line_no = integer(line, "original_line");
            // Promotions came later too: older payloads saved nothing.
            if (line.contains("discount")) record.discount_fen = decimal(line, "discount", 2);
            if (line.contains("promotion")) record.promotion = text(line, "promotion");
            sale.lines.push_back(std::move(record));
        }
        const json& tenders = member(root, "tenders");
        if (!tenders.is_array()) throw BadField{"tenders", "must be a list"};
        for (const json& tender : tenders) {
            sale.tenders.push_back(TenderRecord{integer(tender, "seq"), text(tender, "method"),
                                                decimal(tender, "amount", 2), text(tender, "reference")});
        }
        return sale;
    } catch (const BadField& bad) {
        return bad_payload("sale", bad);
    }
}

DbResult<ShiftRecord> parse_shift_payload(const std::string& json_text) {
    try {
        json root = parse_object(json_text);
        ShiftRecord shift;
        shift.id = text(root, "shift_id");
        shift.lane = integer(root, "lane");
        shift.operator_id = text(root, "operator");
        shift.opened_at = text(root, "opened_at");
        shift.float_fen = decimal(root, "float", 2);
        if (root.contains("closed_at") && !root.at("closed_at").is_null()) shift.closed_at = text(root, "closed_at");
        // Opened with the float counted by denomination (lanes before that sent none).
        if (root.contains("float_counts")) {
            const json& counts = root.at("float_counts");
            if (!counts.is_object()) throw BadField{"float_counts", "must be an object of denomination: count"};
            for (const auto& [face, count] : counts.items()) {
                if (!parse_decimal(face, 2) || !count.is_number_integer() || count.get<int64_t>() < 0) {
                    throw BadField{"float_counts", "must map a denomination (\"100.00\") to a count of 0 or more"};
                }
            }
            shift.float_counts = counts.dump();
        }
        return shift;
    } catch (const BadField& bad) {
        return bad_payload("shift", bad);
    }
}

DbResult<StoreShiftClose> parse_shift_close_payload(const std::string& json_text) {
    try {
        json root = parse_object(json_text);
        StoreShiftClose close;
        close.shift_id = text(root, "shift_id");
        close.lane = integer(root, "lane");
        close.operator_id = text(root, "operator");
        close.opened_at = text(root, "opened_at");
        close.closed_at = text(root, "closed_at");
        close.largest_variance_fen = decimal(root, "largest_variance", 2);
        close.approver = text(root, "approver");
        close.reason = text(root, "reason");
        const json& tenders = member(root, "tenders");
        if (!tenders.is_array()) throw BadField{"tenders", "must be a list"};
        for (const json& row : tenders) {
            if (text(row, "tender") != "cash") continue;
            close.expected_cash_fen = decimal(row, "expected", 2);
            close.counted_cash_fen = decimal(row, "counted", 2);
        }
        close.report = json_text;
        return close;
    } catch (const BadField& bad) {
        return bad_payload("shift_close", bad);
    }
}

DbResult<StoreCashMovement> parse_cash_movement_payload(const std::string& json_text) {
    try {
        json root = parse_object(json_text);
        StoreCashMovement movement;
        movement.id = text(root, "id");
        movement.shift_id = text(root, "shift_id");
        movement.lane = integer(root, "lane");
        movement.kind = text(root, "kind");
        if (movement.kind != "pay_in" && movement.kind != "pay_out" && movement.kind != "pickup" &&
            movement.kind != "no_sale") {
            throw BadField{"kind", "must be pay_in, pay_out, pickup or no_sale"};
        }
        movement.amount_fen = decimal(root, "amount", 2);
        movement.reason = text(root, "reason");
        movement.operator_id = text(root, "operator");
        movement.approver = text(root, "approver");
        movement.at = text(root, "at");
        return movement;
    } catch (const BadField& bad) {
        return bad_payload("cash_movement", bad);
    }
}

}  // namespace pos::db
