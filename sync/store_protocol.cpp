// JSON encoding of batches, acknowledgements and errors between a lane and pos-store.
#include "sync/store_protocol.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/lane/outbox.hpp"

namespace pos::sync {

using nlohmann::json;

namespace {

db::DbError malformed(std::string_view what, std::string_view detail) {
    return db::DbError{db::DbErrorCode::other,
                       fmt::format("pos-store: the {} is not valid JSON of the expected shape ({})", what, detail)};
}

db::DbErrorCode code_from_name(std::string_view name) {
    for (db::DbErrorCode code : {db::DbErrorCode::busy, db::DbErrorCode::disk_full, db::DbErrorCode::corrupt,
                                 db::DbErrorCode::io, db::DbErrorCode::read_only, db::DbErrorCode::cant_open,
                                 db::DbErrorCode::constraint, db::DbErrorCode::not_found, db::DbErrorCode::schema,
                                 db::DbErrorCode::refused, db::DbErrorCode::unreachable}) {
        if (db::error_code_name(code) == name) return code;
    }
    return db::DbErrorCode::other;
}

}  // namespace

std::string encode_batch(const Batch& batch) {
    json records = json::array();
    for (const db::OutboxRecord& record : batch.records) {
        records.push_back({{"seq", record.seq},
                           {"kind", record.kind},
                           {"ref", record.ref},
                           {"payload", record.payload},
                           {"created_at", record.created_at}});
    }
    return json{{"lane", batch.lane}, {"records", records}}.dump();
}

db::DbResult<Batch> decode_batch(std::string_view body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return malformed("batch", "not a JSON object");
    try {
        Batch batch;
        batch.lane = parsed.at("lane").get<int64_t>();
        for (const json& record : parsed.at("records")) {
            batch.records.push_back({record.at("seq").get<int64_t>(), record.at("kind").get<std::string>(),
                                     record.at("ref").get<std::string>(), record.at("payload").get<std::string>(),
                                     record.at("created_at").get<std::string>()});
        }
        return batch;
    } catch (const json::exception& error) {
        return malformed("batch", error.what());
    }
}

std::string encode_acknowledgements(const std::vector<db::Acknowledged>& acknowledged) {
    json list = json::array();
    for (const db::Acknowledged& ack : acknowledged) {
        json one = {{"kind", ack.kind}, {"ref", ack.ref}, {"new", ack.was_new}};
        if (!ack.aside.empty()) {
            one["aside"] = ack.aside;
            one["reason"] = ack.reason;
        }
        list.push_back(std::move(one));
    }
    return json{{"acknowledged", list}}.dump();
}

db::DbResult<std::vector<db::Acknowledged>> decode_acknowledgements(std::string_view body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return malformed("acknowledgement", "not a JSON object");
    try {
        std::vector<db::Acknowledged> acknowledged;
        for (const json& ack : parsed.at("acknowledged")) {
            db::Acknowledged one{
                ack.at("kind").get<std::string>(), ack.at("ref").get<std::string>(), ack.at("new").get<bool>(), {}, {}};
            if (ack.contains("aside")) {
                one.aside = ack.at("aside").get<std::string>();
                one.reason = ack.value("reason", std::string{});
            }
            acknowledged.push_back(std::move(one));
        }
        return acknowledged;
    } catch (const json::exception& error) {
        return malformed("acknowledgement", error.what());
    }
}

std::string encode_catalog(const db::CatalogSnapshot& catalog) {
    json items = json::array();
    for (const db::ItemRecord& item : catalog.items) {
        items.push_back({{"sku", item.sku},
                         {"gtins", item.gtins},
                         {"plu", item.plu},
                         {"name_zh", item.name_zh},
                         {"name_en", item.name_en},
                         {"spec", item.spec},
                         {"unit", item.unit},
                         {"department", item.department},
                         {"cost_fen", item.cost_fen},
                         {"price_fen", item.price_fen},
                         {"price_per_kg_fen", item.price_per_kg_fen},
                         {"sale_unit", item.sale_unit},
                         {"low_stock", item.low_stock},
                         {"pinyin", item.pinyin}});
    }
    json promotions = json::array();
    for (const db::PromotionRecord& p : catalog.promotions) {
        promotions.push_back({{"id", p.id},
                              {"name", p.name},
                              {"kind", p.kind},
                              {"starts_on", p.starts_on},
                              {"ends_on", p.ends_on},
                              {"department", p.department},
                              {"price_fen", p.price_fen},
                              {"buy_qty", p.buy_qty},
                              {"free_qty", p.free_qty},
                              {"percent", p.percent},
                              {"skus", p.skus}});
    }
    return json{{"store_id", catalog.version.store_id},
                {"version", catalog.version.number},
                {"items", items},
                {"promotions", promotions}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

db::DbResult<db::CatalogSnapshot> decode_catalog(std::string_view body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return malformed("catalog", "not a JSON object");
    try {
        db::CatalogSnapshot catalog;
        catalog.version =
            db::CatalogVersion{parsed.at("store_id").get<std::string>(), parsed.at("version").get<int64_t>()};
        for (const json& item : parsed.at("items")) {
            db::ItemRecord record;
            record.sku = item.at("sku").get<std::string>();
            record.gtins = item.at("gtins").get<std::vector<std::string>>();
            record.plu = item.at("plu").get<std::string>();
            record.name_zh = item.at("name_zh").get<std::string>();
            record.name_en = item.at("name_en").get<std::string>();
            record.spec = item.at("spec").get<std::string>();
            record.unit = item.at("unit").get<std::string>();
            record.department = item.at("department").get<std::string>();
            record.cost_fen = item.at("cost_fen").get<int64_t>();
            record.price_fen = item.at("price_fen").get<int64_t>();
            record.price_per_kg_fen = item.at("price_per_kg_fen").get<int64_t>();
            record.sale_unit = item.at("sale_unit").get<std::string>();
            record.low_stock = item.at("low_stock").get<int64_t>();
            record.pinyin = item.at("pinyin").get<std::string>();
            catalog.items.push_back(std::move(record));
        }
        // A pos-store from before promotions sends none: the lane then has none.
        for (const json& p : parsed.value("promotions", json::array())) {
            catalog.promotions.push_back(db::PromotionRecord{
                p.at("id").get<std::string>(), p.at("name").get<std::string>(), p.at("kind").get<std::string>(),
                p.at("starts_on").get<std::string>(), p.at("ends_on").get<std::string>(),
                p.at("department").get<std::string>(), p.at("price_fen").get<int64_t>(), p.at("buy_qty").get<int64_t>(),
                p.at("free_qty").get<int64_t>(), p.at("percent").get<int64_t>(),
                p.at("skus").get<std::vector<std::string>>()});
        }
        return catalog;
    } catch (const json::exception& error) {
        return malformed("catalog", error.what());
    }
}

std::string encode_error(const db::DbError& error) {
    return json{{"error", {{"code", db::error_code_name(error.code)}, {"message", error.message}}}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
}

db::DbError decode_error(std::string_view body, int http_status) {
    json parsed = json::parse(body, nullptr, false);
    if (!parsed.is_discarded() && parsed.is_object() && parsed.contains("error") && parsed["error"].is_object()) {
        const json& error = parsed["error"];
        std::string message = error.value("message", "");
        std::string code = error.value("code", "other");
        if (!message.empty()) return db::DbError{code_from_name(code), "pos-store: " + message};
    }
    return db::DbError{db::DbErrorCode::other,
                       fmt::format("pos-store answered HTTP {} without an explanation: check that the "
                                   "store_database url points at pos-store",
                                   http_status)};
}

}  // namespace pos::sync
