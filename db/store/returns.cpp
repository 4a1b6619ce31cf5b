// Finding a sale and its returns in store.db, and the JSON pos-store answers with.
#include "db/store/returns.hpp"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/shared/sale_rows.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {

using nlohmann::json;

namespace {

DbError malformed(std::string_view detail) {
    return DbError{
        DbErrorCode::other,
        fmt::format("pos-store: the sale looked up for a return is not valid JSON of the expected shape ({})", detail)};
}

std::optional<int64_t> whole_number(std::string_view text) {
    int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string receipt_text(const SaleQuery& query) {
    if (query.sale_id) return "sale " + *query.sale_id;
    return fmt::format("receipt {:02}{:08}", query.lane, query.receipt_no);
}

}  // namespace

DbResult<SaleForReturn> find_sale_for_return(Connection& store, const SaleQuery& query) {
    std::string id;
    if (query.sale_id) {
        id = *query.sale_id;
    } else {
        auto ids = store.prepare("SELECT id FROM sales WHERE lane = ? AND receipt_no = ? LIMIT 2");
        if (!ids) return ids.error();
        Statement& read = (*ids)->bind(1, query.lane).bind(2, query.receipt_no);
        std::vector<std::string> found;
        for (;;) {
            auto row = read.step();
            if (!row) return row.error();
            if (!*row) break;
            found.push_back(read.column_text(0));
        }
        if (found.size() > 1) {
            return DbError{DbErrorCode::constraint,
                           fmt::format("{} names two sales at the store (two lanes numbered {}?): take the return at "
                                       "lane {:02}, where the receipt was printed",
                                       receipt_text(query), query.lane, query.lane)};
        }
        if (!found.empty()) id = found.front();
    }
    std::optional<SaleRecord> sale;
    if (!id.empty()) {
        auto read = read_sale(store, id);
        if (!read) return read.error();
        sale = std::move(*read);
    }
    if (!sale) {
        return DbError{DbErrorCode::not_found, fmt::format("{} is not at the store", receipt_text(query))};
    }
    auto returns = returns_of(store, sale->id);
    if (!returns) return returns.error();
    return SaleForReturn{std::move(*sale), std::move(*returns)};
}

std::string encode_sale_for_return(const SaleForReturn& found) {
    const SaleRecord& sale = found.sale;
    json lines = json::array();
    for (const SaleLineRecord& l : sale.lines) {
        json line = {{"line_no", l.line_no},
                     {"kind", l.kind},
                     {"sku", l.sku},
                     {"gtin", l.gtin},
                     {"name_zh", l.name_zh},
                     {"name_en", l.name_en},
                     {"spec", l.spec},
                     {"unit", l.unit},
                     {"department", l.department},
                     {"sale_unit", l.sale_unit},
                     {"quantity_milli", l.quantity_milli},
                     {"unit_price_fen", l.unit_price_fen},
                     {"amount_fen", l.amount_fen},
                     {"voided", l.voided},
                     {"voided_by", l.voided_by},
                     {"price_set_by", l.price_set_by},
                     {"discount_fen", l.discount_fen},
                     {"promotion", l.promotion}};
        if (l.original_price_fen) line["original_price_fen"] = *l.original_price_fen;
        if (l.original_line_no) line["original_line_no"] = *l.original_line_no;
        lines.push_back(std::move(line));
    }
    json tenders = json::array();
    for (const TenderRecord& t : sale.tenders) {
        tenders.push_back(
            {{"seq", t.seq}, {"method", t.method}, {"amount_fen", t.amount_fen}, {"reference", t.reference}});
    }
    json header = {{"id", sale.id},
                   {"receipt_no", sale.receipt_no},
                   {"lane", sale.lane},
                   {"shift_id", sale.shift_id},
                   {"operator", sale.operator_id},
                   {"completed_at", sale.completed_at},
                   {"total_fen", sale.total_fen},
                   {"rounding_fen", sale.rounding_fen},
                   {"paid_fen", sale.paid_fen},
                   {"change_fen", sale.change_fen},
                   {"item_count_milli", sale.item_count_milli},
                   {"kind", sale.kind},
                   {"reason", sale.reason},
                   {"approved_by", sale.approved_by},
                   {"lines", lines},
                   {"tenders", tenders}};
    if (sale.original_sale_id) header["original_sale_id"] = *sale.original_sale_id;
    json returns = json::array();
    for (const ReturnTaken& taken : found.returns) {
        json taken_lines = json::array();
        for (const auto& [line, back] : taken.lines) {
            taken_lines.push_back(
                {{"line", line}, {"qty_milli", back.quantity_milli}, {"refunded_fen", back.refunded_fen}});
        }
        returns.push_back({{"id", taken.id}, {"lane", taken.lane}, {"lines", taken_lines}, {"tenders", taken.tenders}});
    }
    return json{{"sale", header}, {"returns", returns}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

DbResult<SaleForReturn> decode_sale_for_return(std::string_view body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return malformed("not a JSON object");
    try {
        SaleForReturn found;
        const json& header = parsed.at("sale");
        SaleRecord& sale = found.sale;
        sale.id = header.at("id").get<std::string>();
        sale.receipt_no = header.at("receipt_no").get<int64_t>();
        sale.lane = header.at("lane").get<int64_t>();
        sale.shift_id = header.at("shift_id").get<std::string>();
        sale.operator_id = header.at("operator").get<std::string>();
        sale.completed_at = header.at("completed_at").get<std::string>();
        sale.total_fen = header.at("total_fen").get<int64_t>();
        sale.rounding_fen = header.at("rounding_fen").get<int64_t>();
        sale.paid_fen = header.at("paid_fen").get<int64_t>();
        sale.change_fen = header.at("change_fen").get<int64_t>();
        sale.item_count_milli = header.at("item_count_milli").get<int64_t>();
        sale.kind = header.at("kind").get<std::string>();
        sale.reason = header.at("reason").get<std::string>();
        sale.approved_by = header.at("approved_by").get<std::string>();
        if (header.contains("original_sale_id")) sale.original_sale_id = header["original_sale_id"].get<std::string>();
        for (const json& l : header.at("lines")) {
            SaleLineRecord line;
            line.line_no = l.at("line_no").get<int64_t>();
            line.kind = l.at("kind").get<std::string>();
            line.sku = l.at("sku").get<std::string>();
            line.gtin = l.at("gtin").get<std::string>();
            line.name_zh = l.at("name_zh").get<std::string>();
            line.name_en = l.at("name_en").get<std::string>();
            line.spec = l.at("spec").get<std::string>();
            line.unit = l.at("unit").get<std::string>();
            line.department = l.at("department").get<std::string>();
            line.sale_unit = l.at("sale_unit").get<std::string>();
            line.quantity_milli = l.at("quantity_milli").get<int64_t>();
            line.unit_price_fen = l.at("unit_price_fen").get<int64_t>();
            line.amount_fen = l.at("amount_fen").get<int64_t>();
            line.voided = l.at("voided").get<bool>();
            line.voided_by = l.at("voided_by").get<std::string>();
            line.price_set_by = l.at("price_set_by").get<std::string>();
            line.discount_fen = l.at("discount_fen").get<int64_t>();
            line.promotion = l.at("promotion").get<std::string>();
            if (l.contains("original_price_fen")) line.original_price_fen = l["original_price_fen"].get<int64_t>();
            if (l.contains("original_line_no")) line.original_line_no = l["original_line_no"].get<int64_t>();
            sale.lines.push_back(std::move(line));
        }
        for (const json& t : header.at("tenders")) {
            sale.tenders.push_back(TenderRecord{t.at("seq").get<int64_t>(), t.at("method").get<std::string>(),
                                                t.at("amount_fen").get<int64_t>(),
                                                t.at("reference").get<std::string>()});
        }
        for (const json& r : parsed.at("returns")) {
            ReturnTaken taken;
            taken.id = r.at("id").get<std::string>();
            taken.lane = r.at("lane").get<int64_t>();
            for (const json& l : r.at("lines")) {
                taken.lines[l.at("line").get<int64_t>()] =
                    ReturnedLine{l.at("qty_milli").get<int64_t>(), l.at("refunded_fen").get<int64_t>()};
            }
            taken.tenders = r.at("tenders").get<std::map<std::string, int64_t>>();
            found.returns.push_back(std::move(taken));
        }
        return found;
    } catch (const json::exception& error) {
        return malformed(error.what());
    }
}

std::string sale_query_string(const SaleQuery& query) {
    // Sale ids are UUIDs (hex and dashes), so they need no escaping.
    if (query.sale_id) return "?id=" + *query.sale_id;
    return fmt::format("?lane={}&receipt={}", query.lane, query.receipt_no);
}

DbResult<SaleQuery> sale_query_of(std::string_view id, std::string_view lane, std::string_view receipt) {
    SaleQuery query;
    if (!id.empty()) {
        if (id.size() != 36 || id.find_first_not_of("0123456789abcdefABCDEF-") != std::string_view::npos) {
            return DbError{DbErrorCode::other, "pos-store: ?id= must be a sale id (a UUID)"};
        }
        query.sale_id = std::string(id);
        return query;
    }
    auto lane_no = whole_number(lane);
    auto receipt_no = whole_number(receipt);
    if (!lane_no || !receipt_no) {
        return DbError{DbErrorCode::other,
                       "pos-store: give ?lane=N&receipt=N (the receipt's lane and number) or ?id=UUID"};
    }
    query.lane = *lane_no;
    query.receipt_no = *receipt_no;
    return query;
}

DbResult<SaleForReturn> find_sale_for_return(StoreDb& store, const SaleQuery& query) {
    return find_sale_for_return(store.connection(), query);
}

}  // namespace pos::db
