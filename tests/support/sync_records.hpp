// Lane sales and their outbox payloads for the sync tests, built without pos/ (db tests link pos::db only).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "db/shared/records.hpp"

namespace pos::testing {

// A two-line cash sale (one voided line) with a 抹零 line, as the lane journals it.
inline db::SaleRecord sync_sale(const std::string& id, int64_t lane, const std::string& shift_id) {
    db::SaleRecord sale;
    sale.id = id;
    sale.lane = lane;
    sale.shift_id = shift_id;
    sale.operator_id = "1001";
    sale.completed_at = "2026-11-23T09:05:00+08:00";
    sale.total_fen = 392;
    sale.rounding_fen = -8;
    sale.paid_fen = 500;
    sale.change_fen = 108;
    sale.item_count_milli = 2350;
    db::SaleLineRecord water{1,       "item", "101001", "06921168176748", "农夫山泉", "Nongfu Spring",
                             "550ml", "瓶",   "饮料",   "piece",          2000,       200,
                             400,     false,  "",       std::nullopt,     ""};
    db::SaleLineRecord voided{2,       "item", "101002", "",  "可乐", "Cola", "",           "瓶", "饮料",
                              "piece", 1000,   300,      300, true,   "9001", std::nullopt, ""};
    db::SaleLineRecord rounding{3,    "rounding", "", "",    "抹零", "Cash rounding", "", "", "", "piece",
                                1000, -8,         -8, false, "",     std::nullopt,    ""};
    sale.lines = {water, voided, rounding};
    sale.tenders = {db::TenderRecord{1, "cash", 500, ""}};
    return sale;
}

// The same shape as pos/actions sale_to_json (tests/actions checks the two agree).
inline std::string sync_sale_json(const db::SaleRecord& sale) {
    auto money = [](int64_t fen) {
        std::string sign = fen < 0 ? "-" : "";
        int64_t magnitude = fen < 0 ? -fen : fen;
        std::string cents = std::to_string(magnitude % 100);
        return sign + std::to_string(magnitude / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
    };
    auto qty = [](int64_t milli) {
        std::string out = std::to_string(milli / 1000);
        if (milli % 1000 == 0) return out;
        std::string digits = std::to_string(milli % 1000 + 1000).substr(1);
        while (digits.back() == '0') digits.pop_back();
        return out + "." + digits;
    };
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
                         {"qty", qty(line.quantity_milli)},
                         {"unit_price", money(line.unit_price_fen)},
                         {"amount", money(line.amount_fen)},
                         {"voided", line.voided},
                         {"voided_by", line.voided_by},
                         {"original_price", line.original_price_fen ? nlohmann::json(money(*line.original_price_fen))
                                                                    : nlohmann::json(nullptr)},
                         {"price_set_by", line.price_set_by}});
    }
    nlohmann::json tenders = nlohmann::json::array();
    for (const db::TenderRecord& tender : sale.tenders) {
        tenders.push_back({{"seq", tender.seq},
                           {"method", tender.method},
                           {"amount", money(tender.amount_fen)},
                           {"reference", tender.reference}});
    }
    return nlohmann::json{{"sale_id", sale.id},
                          {"receipt_no", sale.receipt_no},
                          {"lane", sale.lane},
                          {"shift_id", sale.shift_id},
                          {"operator", sale.operator_id},
                          {"completed_at", sale.completed_at},
                          {"total", money(sale.total_fen)},
                          {"rounding", money(sale.rounding_fen)},
                          {"paid", money(sale.paid_fen)},
                          {"change", money(sale.change_fen)},
                          {"items", qty(sale.item_count_milli)},
                          {"lines", lines},
                          {"tenders", tenders}}
        .dump();
}

inline std::string sync_shift_json(const db::ShiftRecord& shift) {
    return nlohmann::json{{"shift_id", shift.id},
                          {"lane", shift.lane},
                          {"operator", shift.operator_id},
                          {"opened_at", shift.opened_at},
                          {"float", "200.00"}}
        .dump();
}

}  // namespace pos::testing
