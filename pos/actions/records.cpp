// Record mapping: catalog items, sales and their JSON, the Lane's operator, shift and member, database errors.
#include "pos/actions/records.hpp"

#include <nlohmann/json.hpp>

namespace pos::actions {

using core::Money;

core::CatalogItem to_catalog_item(const db::ItemRecord& record) {
    core::CatalogItem item;
    item.sku = record.sku;
    item.barcodes = record.gtins;
    item.plu = record.plu;
    item.name_zh = record.name_zh;
    item.name_en = record.name_en;
    item.spec = record.spec;
    item.unit = record.unit;
    item.department = record.department;
    item.cost = Money::fen(record.cost_fen);
    item.price = Money::fen(record.price_fen);
    item.price_per_kg = Money::fen(record.price_per_kg_fen);
    item.sale_unit = record.sale_unit == "weight" ? core::SaleUnit::weight : core::SaleUnit::piece;
    item.low_stock = record.low_stock;
    item.pinyin = record.pinyin;
    return item;
}

db::ItemRecord to_item_record(const core::CatalogItem& item) {
    db::ItemRecord record;
    record.sku = item.sku;
    record.gtins = item.barcodes;
    record.plu = item.plu;
    record.name_zh = item.name_zh;
    record.name_en = item.name_en;
    record.spec = item.spec;
    record.unit = item.unit;
    record.department = item.department;
    record.cost_fen = item.cost.in_fen();
    record.price_fen = item.price.in_fen();
    record.price_per_kg_fen = item.price_per_kg.in_fen();
    record.sale_unit = item.sale_unit == core::SaleUnit::weight ? "weight" : "piece";
    record.low_stock = item.low_stock;
    record.pinyin = item.pinyin;
    return record;
}

Operator to_operator(const db::UserRecord& user) {
    return Operator{user.operator_id, user.name, core::parse_role(user.role).value_or(core::Role::cashier)};
}

OpenShift to_open_shift(const db::ShiftRecord& shift) {
    return OpenShift{shift.id, shift.lane, shift.operator_id, shift.opened_at, Money::fen(shift.float_fen)};
}

Member to_member(const db::MemberRecord& record) {
    return Member{record.card, record.phone, record.name,
                  core::MemberAccount{Money::fen(record.limit_fen), Money::fen(record.balance_fen)}};
}

core::Error storage_error(const db::DbError& error) {
    bool damaged = error.code == db::DbErrorCode::corrupt;
    return core::make_error(damaged ? core::ErrorCode::corrupt_database : core::ErrorCode::storage, error.message);
}

db::SaleRecord to_sale_record(const core::Ticket& ticket, const core::PaymentState& payment,
                              const SaleContext& context) {
    db::SaleRecord sale;
    sale.id = context.sale_id;
    sale.lane = context.lane;
    sale.shift_id = context.shift_id;
    sale.operator_id = context.operator_id;
    sale.completed_at = context.completed_at;
    sale.total_fen = payment.total.in_fen();
    sale.rounding_fen = payment.rounding.in_fen();
    sale.paid_fen = payment.paid.in_fen();
    sale.change_fen = payment.change.in_fen();
    sale.item_count_milli = ticket.item_count().in_milli();
    for (const core::TicketLine& line : ticket.lines()) {
        db::SaleLineRecord record;
        record.line_no = line.number;
        record.sku = line.item.sku;
        record.gtin = line.gtin;
        record.name_zh = line.item.name_zh;
        record.name_en = line.item.name_en;
        record.spec = line.item.spec;
        record.unit = line.item.unit;
        record.department = line.item.department;
        record.sale_unit = line.item.sale_unit == core::SaleUnit::weight ? "weight" : "piece";
        record.quantity_milli = line.quantity.in_milli();
        record.unit_price_fen = line.unit_price.in_fen();
        record.amount_fen = line.amount().in_fen();
        record.voided = line.voided;
        record.voided_by = line.voided_by;
        if (line.original_price) record.original_price_fen = line.original_price->in_fen();
        record.price_set_by = line.price_set_by;
        record.discount_fen = line.voided ? 0 : line.discount.in_fen();
        record.promotion = line.voided ? std::string() : line.promotion;
        if (line.item.sale_unit == core::SaleUnit::weight && line.quantity.in_milli() > 0) {
            record.weight_source = line.from_label ? "label" : line.from_scale ? "scale" : "keyed";
            record.weight_keyed_by = line.weight_keyed_by;
        }
        sale.lines.push_back(std::move(record));
    }
    if (!payment.rounding.is_zero()) {
        db::SaleLineRecord rounding;
        rounding.line_no = int64_t(ticket.lines().size()) + 1;
        rounding.kind = "rounding";
        rounding.name_zh = "抹零";
        rounding.name_en = "Cash rounding";
        rounding.quantity_milli = 1000;
        rounding.unit_price_fen = payment.rounding.in_fen();
        rounding.amount_fen = payment.rounding.in_fen();
        sale.lines.push_back(std::move(rounding));
    }
    int64_t seq = 0;
    for (const core::Tender& tender : ticket.tenders()) {
        sale.tenders.push_back(db::TenderRecord{++seq, std::string(core::tender_method_name(tender.method)),
                                                tender.amount.in_fen(), tender.reference});
    }
    return sale;
}

nlohmann::json sale_to_json(const db::SaleRecord& sale) {
    auto money = [](int64_t fen) { return Money::fen(fen).to_string(); };
    nlohmann::json lines = nlohmann::json::array();
    for (const db::SaleLineRecord& line : sale.lines) {
        lines.push_back({{"line", line.line_no},
                         {"kind", line.kind},
                         {"sku", line.sku},
                         {"gtin", line.gtin},
                         {"name_zh", line.name_zh},
                         {"name_en", line.name_en},
                         {"spec", line.spec},
                         {"unit", line.unit},
                         {"department", line.department},
                         {"sale_unit", line.sale_unit},
                         {"qty", core::Quantity::milli(line.quantity_milli).to_string()},
                         {"unit_price", money(line.unit_price_fen)},
                         {"amount", money(line.amount_fen)},
                         {"voided", line.voided},
                         {"voided_by", line.voided_by},
                         {"original_price", line.original_price_fen ? nlohmann::json(money(*line.original_price_fen))
                                                                    : nlohmann::json(nullptr)},
                         {"price_set_by", line.price_set_by}});
        if (line.original_line_no) lines.back()["original_line"] = *line.original_line_no;
        if (line.discount_fen != 0 ||
            !line.promotion.empty()) {  // sales without a promotion keep their payload as before
            lines.back()["discount"] = money(line.discount_fen);
            lines.back()["promotion"] = line.promotion;
        }
    }
    nlohmann::json tenders = nlohmann::json::array();
    for (const db::TenderRecord& tender : sale.tenders) {
        tenders.push_back({{"seq", tender.seq},
                           {"method", tender.method},
                           {"amount", money(tender.amount_fen)},
                           {"reference", tender.reference}});
    }
    nlohmann::json sale_json = {{"sale_id", sale.id},
                                {"receipt_no", sale.receipt_no},
                                {"lane", sale.lane},
                                {"shift_id", sale.shift_id},
                                {"operator", sale.operator_id},
                                {"completed_at", sale.completed_at},
                                {"total", money(sale.total_fen)},
                                {"rounding", money(sale.rounding_fen)},
                                {"paid", money(sale.paid_fen)},
                                {"change", money(sale.change_fen)},
                                {"items", core::Quantity::milli(sale.item_count_milli).to_string()},
                                {"lines", lines},
                                {"tenders", tenders}};
    // A return (红字) says so and names what it reverses; a sale's payload is as it always was.
    if (sale.kind != "sale") {
        sale_json["kind"] = sale.kind;
        sale_json["original_sale_id"] =
            sale.original_sale_id ? nlohmann::json(*sale.original_sale_id) : nlohmann::json(nullptr);
        sale_json["reason"] = sale.reason;
        sale_json["approved_by"] = sale.approved_by;
    }
    return sale_json;
}

}  // namespace pos::actions
