// JSON for held tickets: every line field, money as fen integers so nothing is rounded twice.
#include "pos/actions/sale/held_ticket.hpp"

#include <nlohmann/json.hpp>

namespace pos::actions {

using core::Money;
using nlohmann::json;

std::string held_lines_json(const core::Ticket& ticket) {
    json lines = json::array();
    for (const core::TicketLine& line : ticket.lines()) {
        const core::CatalogItem& item = line.item;
        lines.push_back(
            {{"number", line.number},
             {"sku", item.sku},
             {"barcodes", item.barcodes},
             {"plu", item.plu},
             {"name_zh", item.name_zh},
             {"name_en", item.name_en},
             {"spec", item.spec},
             {"unit", item.unit},
             {"department", item.department},
             {"cost_fen", item.cost.in_fen()},
             {"price_fen", item.price.in_fen()},
             {"price_per_kg_fen", item.price_per_kg.in_fen()},
             {"weighed", item.sale_unit == core::SaleUnit::weight},
             {"pinyin", item.pinyin},
             {"gtin", line.gtin},
             {"quantity_milli", line.quantity.in_milli()},
             {"unit_price_fen", line.unit_price.in_fen()},
             {"label_amount_fen", line.label_amount ? json(line.label_amount->in_fen()) : json(nullptr)},
             {"from_label", line.from_label},
             {"voided", line.voided},
             {"voided_by", line.voided_by},
             {"original_price_fen", line.original_price ? json(line.original_price->in_fen()) : json(nullptr)},
             {"price_set_by", line.price_set_by},
             {"from_scale", line.from_scale},
             {"weight_keyed_by", line.weight_keyed_by}});
    }
    return lines.dump();
}

core::Result<std::vector<core::TicketLine>> held_lines_from_json(const std::string& text) {
    json lines = json::parse(text, nullptr, false);
    if (!lines.is_array()) {
        return core::make_error(core::ErrorCode::storage, "the held ticket is damaged and cannot be resumed");
    }
    std::vector<core::TicketLine> result;
    try {
        for (const json& entry : lines) {
            core::TicketLine line;
            line.number = entry.at("number").get<int>();
            line.item.sku = entry.at("sku").get<std::string>();
            line.item.barcodes = entry.at("barcodes").get<std::vector<std::string>>();
            line.item.plu = entry.at("plu").get<std::string>();
            line.item.name_zh = entry.at("name_zh").get<std::string>();
            line.item.name_en = entry.at("name_en").get<std::string>();
            line.item.spec = entry.at("spec").get<std::string>();
            line.item.unit = entry.at("unit").get<std::string>();
            line.item.department = entry.at("department").get<std::string>();
            line.item.cost = Money::fen(entry.at("cost_fen").get<int64_t>());
            line.item.price = Money::fen(entry.at("price_fen").get<int64_t>());
            line.item.price_per_kg = Money::fen(entry.at("price_per_kg_fen").get<int64_t>());
            line.item.sale_unit = entry.at("weighed").get<bool>() ? core::SaleUnit::weight : core::SaleUnit::piece;
            line.item.pinyin = entry.at("pinyin").get<std::string>();
            line.gtin = entry.at("gtin").get<std::string>();
            line.quantity = core::Quantity::milli(entry.at("quantity_milli").get<int64_t>());
            line.unit_price = Money::fen(entry.at("unit_price_fen").get<int64_t>());
            if (!entry.at("label_amount_fen").is_null()) {
                line.label_amount = Money::fen(entry.at("label_amount_fen").get<int64_t>());
            }
            line.from_label = entry.at("from_label").get<bool>();
            line.voided = entry.at("voided").get<bool>();
            line.voided_by = entry.at("voided_by").get<std::string>();
            if (!entry.at("original_price_fen").is_null()) {
                line.original_price = Money::fen(entry.at("original_price_fen").get<int64_t>());
            }
            line.price_set_by = entry.at("price_set_by").get<std::string>();
            // Tickets held before weighing at the till (issue 19) have neither.
            line.from_scale = entry.value("from_scale", false);
            line.weight_keyed_by = entry.value("weight_keyed_by", std::string());
            result.push_back(std::move(line));
        }
    } catch (const json::exception&) {
        return core::make_error(core::ErrorCode::storage, "the held ticket is damaged and cannot be resumed");
    }
    return result;
}

}  // namespace pos::actions
