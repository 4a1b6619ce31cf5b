// Promotion conversions and the manager's promotion file.
#include "pos/actions/pricing/promotions.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pos/actions/records.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

core::Result<core::Promotion> to_promotion(const db::PromotionRecord& r) {
    auto kind = core::parse_promotion_kind(r.kind);
    if (!kind) return kind.error();
    return core::Promotion{r.id,           r.name,          *kind,         r.starts_on,
                           r.ends_on,      r.skus,          r.department,  core::Money::fen(r.price_fen),
                           int(r.buy_qty), int(r.free_qty), int(r.percent)};
}

db::PromotionRecord to_promotion_record(const core::Promotion& p) {
    return db::PromotionRecord{p.id,
                               p.name,
                               std::string(core::promotion_kind_name(p.kind)),
                               p.starts,
                               p.ends,
                               p.department,
                               p.price.in_fen(),
                               p.buy,
                               p.free,
                               p.percent,
                               p.skus};
}

namespace {

core::Result<std::vector<core::Promotion>> to_promotions(
    const db::DbResult<std::vector<db::PromotionRecord>>& records) {
    if (!records) return storage_error(records.error());
    std::vector<core::Promotion> promotions;
    for (const db::PromotionRecord& record : *records) {
        auto promotion = to_promotion(record);
        if (!promotion) return promotion.error();
        promotions.push_back(std::move(*promotion));
    }
    return promotions;
}

}  // namespace

core::Result<std::vector<core::Promotion>> load_promotions(db::LaneDb& lane) {
    return to_promotions(db::read_promotions(lane));
}

core::Result<std::vector<core::Promotion>> load_promotions(db::StoreDb& store) {
    return to_promotions(db::read_promotions(store));
}

namespace {

core::Result<core::Promotion> parse_one(const json& entry, size_t index) {
    auto where = [&](const std::string& why) {
        return make_error(ErrorCode::bad_input, fmt::format("promotion {} in the file: {}", index + 1, why));
    };
    if (!entry.is_object()) return where("must be a JSON object");
    static const std::vector<std::string> known{"id",         "name",  "kind", "starts", "ends",   "skus",
                                                "department", "price", "buy",  "free",   "percent"};
    for (const auto& [key, value] : entry.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            return where("unknown field \"" + key +
                         "\" (fields: id, name, kind, starts, ends, skus, department, price, buy, free, percent)");
        }
    }
    core::Promotion p;
    try {
        p.id = entry.at("id").get<std::string>();
        p.name = entry.at("name").get<std::string>();
        auto kind = core::parse_promotion_kind(entry.at("kind").get<std::string>());
        if (!kind) return where(kind.error().message);
        p.kind = *kind;
        p.starts = entry.at("starts").get<std::string>();
        p.ends = entry.at("ends").get<std::string>();
        p.skus = entry.value("skus", std::vector<std::string>{});
        p.department = entry.value("department", std::string());
        if (entry.contains("price")) {
            auto price = core::Money::parse(entry.at("price").get<std::string>());
            if (!price) return where("price: " + price.error().message);
            p.price = *price;
        }
        p.buy = entry.value("buy", 0);
        p.free = entry.value("free", 0);
        p.percent = entry.value("percent", 0);
    } catch (const json::exception& error) {
        return where(std::string("a field is missing or of the wrong type (") + error.what() +
                     "): id, name, kind, starts and ends are text, skus a list of text, price text like \"2.50\"");
    }
    if (auto checked = core::check_promotion(p); !checked) return checked.error();
    return p;
}

}  // namespace

core::Result<std::vector<core::Promotion>> parse_promotions_json(const std::string& text) {
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded()) return make_error(ErrorCode::bad_input, "the promotion file is not valid JSON");
    if (!parsed.is_array()) parsed = json::array({parsed});
    std::vector<core::Promotion> promotions;
    for (size_t i = 0; i < parsed.size(); ++i) {
        auto promotion = parse_one(parsed[i], i);
        if (!promotion) return promotion.error();
        promotions.push_back(std::move(*promotion));
    }
    if (promotions.empty()) return make_error(ErrorCode::bad_input, "the promotion file lists no promotions");
    return promotions;
}

}  // namespace pos::actions
