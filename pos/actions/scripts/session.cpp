// Action scripts: parse each JSON line, call the Lane, answer in the result format of docs/action-scripts.md.
#include "pos/actions/scripts/session.hpp"

#include <ctime>
#include <istream>
#include <map>
#include <ostream>
#include <set>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pos/actions/payments/code_script.hpp"
#include "pos/actions/returns/return_script.hpp"
#include "pos/actions/shift/shift_report.hpp"
#include "pos/actions/stock/stock_scan_script.hpp"

namespace pos::actions {
namespace {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

// Reads a required string field; numbers are accepted for codes and operator numbers typed as JSON numbers.
core::Result<std::string> text_field(const json& action, const char* name) {
    auto found = action.find(name);
    if (found == action.end()) return make_error(ErrorCode::bad_input, fmt::format("\"{}\" is missing", name));
    if (found->is_string()) return found->get<std::string>();
    if (found->is_number_integer()) return std::to_string(found->get<int64_t>());
    if (found->is_number_float()) return found->dump();
    return make_error(ErrorCode::bad_input, fmt::format("\"{}\" must be a string", name));
}

std::string optional_text(const json& action, const char* name) {
    auto text = text_field(action, name);
    return text ? *text : std::string{};
}

core::Result<core::Money> money_field(const json& action, const char* name) {
    auto text = text_field(action, name);
    if (!text) return text.error();
    return core::Money::parse(*text);
}

json line_json(const LineChange& change) {
    const core::TicketLine& line = change.after;
    return {{"ok", true},
            {"line", change.line},
            {"sku", line.item.sku},
            {"name", line.item.name_zh},
            {"name_en", line.item.name_en},
            {"qty", line.quantity.to_string()},
            {"unit_price", line.unit_price.to_string()},
            {"amount", line.amount().to_string()},
            {"discount", line.discount.to_string()},
            {"promotion", line.promotion},
            {"voided", line.voided},
            {"total", change.subtotal.to_string()},
            {"savings", change.savings.to_string()}};
}

json do_login(Lane& lane, const json& action, const std::string& now) {
    auto operator_id = text_field(action, "operator");
    if (!operator_id) return failure(operator_id.error());
    auto pin = text_field(action, "pin");
    if (!pin) return failure(pin.error());
    if (auto done = lane.login(*operator_id, *pin, now); !done) return failure(done.error());
    Operator user = *lane.operator_user();
    json shift = lane.shift() ? json(lane.shift()->id) : json(nullptr);
    return {{"ok", true},
            {"operator", user.operator_id},
            {"name", user.name},
            {"role", std::string(core::role_name(user.role))},
            {"shift", shift}};
}

// "float": "200.00", or counted by denomination: {"100": 1, "50": 2, "0.5": 4}.
json do_open_shift(Lane& lane, const json& action, const std::string& now) {
    core::Money float_amount;
    std::optional<core::CashCount> counted;
    auto field = action.find("float");
    if (field != action.end() && field->is_object()) {
        counted.emplace();
        for (const auto& [denomination, count] : field->items()) {
            auto face = core::Money::parse(denomination);
            if (!face) return failure(face.error());
            if (!count.is_number_integer()) {
                return failure(make_error(ErrorCode::bad_input,
                                          fmt::format("the count of {} must be a whole number", denomination)));
            }
            if (auto set = counted->set(*face, count.get<int64_t>()); !set) return failure(set.error());
        }
        float_amount = counted->total();
    } else if (field != action.end()) {
        auto parsed = money_field(action, "float");
        if (!parsed) return failure(parsed.error());
        float_amount = *parsed;
    }
    auto shift = counted ? lane.open_shift(*counted, now) : lane.open_shift(float_amount, now);
    if (!shift) return failure(shift.error());
    json result = {
        {"ok", true}, {"shift_id", shift->id}, {"float", float_amount.to_string()}, {"opened_at", shift->opened_at}};
    if (counted) {
        json counts = json::object();
        for (const auto& [denomination, count] : counted->counts()) counts[denomination.to_string()] = count;
        result["float_counts"] = counts;
    }
    return result;
}

json do_scan(Lane& lane, const json& action, const std::string& now) {
    auto code = text_field(action, "code");
    if (!code) return failure(code.error());
    std::optional<core::Quantity> quantity;
    if (action.contains("qty")) {
        auto parsed = core::Quantity::parse(optional_text(action, "qty"));
        if (!parsed) return failure(parsed.error());
        quantity = *parsed;
    }
    // A weight typed by hand on a lane with a [scale] goes with a supervisor's number and PIN, as
    // at the till (docs/action-scripts.md "scan"); without them scan() says one is needed.
    if (quantity && action.contains("approver")) {
        auto change = lane.scan_keyed_weight(*code, *quantity,
                                             {optional_text(action, "approver"), optional_text(action, "pin")}, now);
        return change ? line_json(*change) : failure(change.error());
    }
    auto change = lane.scan(*code, quantity, now);
    return change ? line_json(*change) : failure(change.error());
}

core::Result<int> line_field(const json& action) {
    auto found = action.find("line");
    // Read as int64 and range-check: get<int>() would wrap 4294967297 to line 1.
    if (found == action.end() || !found->is_number_integer() || found->get<int64_t>() < 1 ||
        found->get<int64_t>() > 100000) {
        return make_error(ErrorCode::bad_input, "\"line\" must be a line number, like 2");
    }
    return int(found->get<int64_t>());
}

core::Result<bool> flag_field(const json& action, const char* name) {
    auto found = action.find(name);
    if (found == action.end()) return false;
    if (!found->is_boolean())
        return make_error(ErrorCode::bad_input, fmt::format("\"{}\" must be true or false", name));
    return found->get<bool>();
}

// Scripts set the clock with "now": it must be a full ISO 8601 time with its offset, or the
// day and hour reports would file the sale nowhere.
bool is_iso_timestamp(const std::string& text) {
    static const std::regex pattern(
        R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d([+-]\d{2}:\d{2}|Z))");
    return std::regex_match(text, pattern);
}

json do_set_qty(Lane& lane, const json& action, const std::string& now) {
    auto line = line_field(action);
    if (!line) return failure(line.error());
    auto qty_text = text_field(action, "qty");
    if (!qty_text) return failure(qty_text.error());
    auto quantity = core::Quantity::parse(*qty_text);
    if (!quantity) return failure(quantity.error());
    auto change = lane.set_quantity(*line, *quantity, now);
    return change ? line_json(*change) : failure(change.error());
}

json do_void_line(Lane& lane, const json& action, const std::string& now) {
    auto line = line_field(action);
    if (!line) return failure(line.error());
    auto change = lane.void_line(*line, optional_text(action, "approver"), optional_text(action, "pin"), now);
    return change ? line_json(*change) : failure(change.error());
}

json do_tender(Lane& lane, const json& action, const std::string& now) {
    auto method_text = text_field(action, "method");
    if (!method_text) return failure(method_text.error());
    auto method = core::parse_tender_method(*method_text);
    if (!method) {
        return failure(
            make_error(ErrorCode::bad_input,
                       fmt::format("unknown tender \"{}\": use cash, card, mobile or account (payment codes: "
                                   "pay_code)",
                                   *method_text)));
    }
    TenderRequest request;
    request.method = *method;
    if (action.contains("amount")) {
        auto amount = money_field(action, "amount");
        if (!amount) return failure(amount.error());
        request.amount = *amount;
    }
    auto partial = flag_field(action, "partial");
    if (!partial) return failure(partial.error());
    request.partial = *partial;
    request.reference = optional_text(action, "reference");
    request.card_last4 = optional_text(action, "last4");
    if (action.contains("account")) {
        std::string account = optional_text(action, "account");
        if (!lane.member() || (lane.member()->card != account && lane.member()->phone != account)) {
            if (auto member = lane.apply_member(account, now); !member) return failure(member.error());
        }
    }
    auto outcome = lane.tender(request, now);
    if (!outcome) return failure(outcome.error());
    const core::PaymentState& payment = outcome->payment;
    json result = {{"ok", true},
                   {"sale_id", outcome->sale_id ? json(*outcome->sale_id) : json(nullptr)},
                   {"total", payment.total.to_string()},
                   {"rounding", payment.rounding.to_string()},
                   {"paid", payment.paid.to_string()},
                   {"remaining", payment.remaining.to_string()},
                   {"change", payment.change.to_string()},
                   {"complete", payment.complete}};
    if (outcome->sale_id) result["receipt_no"] = outcome->receipt_no;
    if (outcome->member_balance) result["member_balance"] = outcome->member_balance->to_string();
    return result;
}

json member_json(const Member& member) {
    core::Money limit = member.account.limit, balance = member.account.balance;
    core::Money available = limit - balance < core::Money{} ? core::Money{} : limit - balance;
    return {{"ok", true},
            {"card", member.card},
            {"name", member.name},
            {"phone", member.phone},
            {"limit", limit.to_string()},
            {"balance", balance.to_string()},
            {"available", available.to_string()}};
}

json do_apply_member(Lane& lane, const json& action, const std::string& now) {
    auto member = text_field(action, "member");
    if (!member) return failure(member.error());
    auto found = lane.apply_member(*member, now);
    return found ? member_json(*found) : failure(found.error());
}

json do_pay_account(Lane& lane, const json& action, const std::string& now) {
    auto member = text_field(action, "member");
    if (!member) return failure(member.error());
    auto amount = money_field(action, "amount");
    if (!amount) return failure(amount.error());
    core::TenderMethod method = core::TenderMethod::cash;  // "method" omitted: cash, as before
    if (std::string word = optional_text(action, "method"); !word.empty()) {
        auto parsed = core::parse_tender_method(word);
        if (!parsed)
            return failure(core::make_error(core::ErrorCode::bad_input, "method must be cash, card or mobile"));
        method = *parsed;
    }
    auto paid = lane.pay_account(*member, *amount, now, method);
    if (!paid) return failure(paid.error());
    json result = member_json(paid->member);
    result["amount"] = paid->amount.to_string();
    result["id"] = paid->movement_id;
    result["method"] = std::string(core::tender_method_name(paid->method));
    return result;
}

json do_move_cash(Lane& lane, const json& action, CashMovementKind kind, const std::string& now) {
    CashMovementRequest request;
    request.kind = kind;
    if (kind != CashMovementKind::no_sale) {
        auto amount = money_field(action, "amount");
        if (!amount) return failure(amount.error());
        request.amount = *amount;
    }
    request.reason = optional_text(action, "reason");
    request.approval = {optional_text(action, "approver"), optional_text(action, "pin")};
    auto movement = lane.move_cash(request, now);
    if (!movement) return failure(movement.error());
    return {{"ok", true},
            {"id", movement->id},
            {"kind", movement->kind},
            {"amount", core::Money::fen(movement->amount_fen).to_string()},
            {"shift_id", movement->shift_id}};
}

json do_x_report(Lane& lane, const json& action) {
    std::optional<std::string> shift;
    if (action.contains("shift")) shift = optional_text(action, "shift");
    auto report = lane.shift_report(shift);
    if (!report) return failure(report.error());
    json result = shift_report_json(*report);
    result["ok"] = true;
    return result;
}

// "counted": {"cash": {"100": 2, "0.5": 3}, "card": "350.00", "mobile": "80.00"}
core::Result<CloseShiftRequest> close_request(const json& action) {
    CloseShiftRequest request;
    auto counted = action.find("counted");
    if (counted == action.end() || !counted->is_object()) {
        return make_error(ErrorCode::bad_input,
                          "\"counted\" is missing: {\"cash\":{\"100\":2,...},\"card\":\"350.00\"}");
    }
    for (const auto& [key, value] : counted->items()) {
        if (key == "cash") {
            if (!value.is_object())
                return make_error(ErrorCode::bad_input, "\"cash\" counts notes and coins: {\"100\":2}");
            for (const auto& [denomination, count] : value.items()) {
                auto face = core::Money::parse(denomination);
                if (!face) return face.error();
                if (!count.is_number_integer()) {
                    return make_error(ErrorCode::bad_input,
                                      fmt::format("the count of {} must be a whole number", denomination));
                }
                if (auto set = request.cash.set(*face, count.get<int64_t>()); !set) return set.error();
            }
            continue;
        }
        auto method = core::parse_tender_method(key);
        if (!method || *method == core::TenderMethod::cash || !value.is_string()) {
            return make_error(ErrorCode::bad_input,
                              fmt::format("\"{}\" is not a tender to count: use cash, card, mobile or account", key));
        }
        auto amount = core::Money::parse(value.get<std::string>());
        if (!amount) return amount.error();
        request.non_cash[*method] = *amount;
    }
    request.reason = optional_text(action, "reason");
    request.approval = {optional_text(action, "approver"), optional_text(action, "pin")};
    return request;
}

json do_close_shift(Lane& lane, const json& action, const std::string& now) {
    auto request = close_request(action);
    if (!request) return failure(request.error());
    auto outcome = lane.close_shift(*request, now);
    if (!outcome) return failure(outcome.error());
    json result = shift_report_json(outcome->report);
    result["ok"] = true;
    return result;
}

json held_json(const HeldTicket& held) {
    return {{"ticket", held.id},
            {"held_at", held.held_at},
            {"operator", held.operator_id},
            {"lines", held.lines},
            {"total", held.total.to_string()}};
}

json do_suspend(Lane& lane, const std::string& now) {
    auto held = lane.suspend(now);
    if (!held) return failure(held.error());
    json result = held_json(*held);
    result["ok"] = true;
    return result;
}

json do_resume(Lane& lane, const json& action) {
    std::optional<std::string> id;
    if (action.contains("ticket")) id = optional_text(action, "ticket");
    auto resumed = lane.resume(id);
    if (!resumed) return failure(resumed.error());
    json result = held_json(*resumed);
    result["ok"] = true;
    return result;
}

json do_held(Lane& lane) {
    auto held = lane.held_tickets();
    if (!held) return failure(held.error());
    json tickets = json::array();
    for (const HeldTicket& ticket : *held) tickets.push_back(held_json(ticket));
    return {{"ok", true}, {"tickets", tickets}};
}

json do_search(Lane& lane, const json& action) {
    auto query = text_field(action, "query");
    if (!query) return failure(query.error());
    int limit = 20;
    if (action.contains("limit")) {
        const json& value = action["limit"];
        if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 200) {
            return failure(make_error(ErrorCode::bad_input, "\"limit\" must be a number from 1 to 200"));
        }
        limit = int(value.get<int64_t>());
    }
    auto found = lane.search(*query, limit);
    if (!found) return failure(found.error());
    json items = json::array();
    for (const core::CatalogItem& item : *found) {
        bool weighed = item.sale_unit == core::SaleUnit::weight;
        items.push_back({{"sku", item.sku},
                         {"plu", item.plu},
                         {"name", item.name_zh},
                         {"name_en", item.name_en},
                         {"spec", item.spec},
                         {"price", (weighed ? item.price_per_kg : item.price).to_string()},
                         {"weighed", weighed},
                         {"pinyin", item.pinyin}});
    }
    return {{"ok", true}, {"items", items}};
}

json do_override_price(Lane& lane, const json& action, const std::string& now) {
    auto line = line_field(action);
    if (!line) return failure(line.error());
    auto price = money_field(action, "price");
    if (!price) return failure(price.error());
    auto change =
        lane.override_price(*line, *price, {optional_text(action, "approver"), optional_text(action, "pin")}, now);
    return change ? line_json(*change) : failure(change.error());
}

}  // namespace

json failure(const core::Error& error) {
    return {{"ok", false},
            {"error", {{"code", std::string(core::error_code_name(error.code))}, {"message", error.message}}}};
}

std::string local_now() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string_view text = stamp;  // ends in +0800; ISO 8601 wants +08:00
    return std::string(text.substr(0, text.size() - 2)) + ":" + std::string(text.substr(text.size() - 2));
}

namespace {

// The fields each op takes besides "op" and "now". A misspelt field ("qyt") must not be
// silently ignored: the action would do something other than what the script meant.
const std::map<std::string, std::set<std::string>, std::less<>> op_fields = {
    {"login", {"operator", "pin"}},
    {"logout", {}},
    {"open_shift", {"float"}},
    {"scan", {"code", "qty", "approver", "pin"}},
    {"set_qty", {"line", "qty"}},
    {"void_line", {"line", "approver", "pin"}},
    {"tender", {"method", "amount", "partial", "reference", "account", "last4"}},
    {"pay_in", {"amount", "reason", "approver", "pin"}},
    {"pay_out", {"amount", "reason", "approver", "pin"}},
    {"pickup", {"amount", "reason", "approver", "pin"}},
    {"no_sale", {"reason"}},
    {"x_report", {"shift"}},
    {"close_shift", {"counted", "reason", "approver", "pin"}},
    {"end_of_day", {"approver", "pin", "force", "reason"}},
    {"suspend", {}},
    {"resume", {"ticket"}},
    {"held", {}},
    {"search", {"query", "limit"}},
    {"override_price", {"line", "price", "approver", "pin"}},
    {"return_lookup", {"receipt"}},
    {"return", {"receipt", "sale_id", "lines", "refund", "reason", "approver", "pin"}},
    {"apply_member", {"member"}},
    {"pay_account", {"member", "amount", "method"}},
    {"pay_code", {"code", "amount", "cancel"}},
    {"count_scan", {"count", "code", "qty", "weight"}},
    {"receive_scan", {"receipt", "code", "qty", "weight", "damaged", "reason"}},
};

// The op names, listed from the table so the message never falls behind it.
std::string known_ops() {
    std::string names;
    for (const auto& [name, fields] : op_fields) names += (names.empty() ? "" : ", ") + name;
    return names;
}

core::Status check_fields(const std::string& op, const json& action) {
    auto known = op_fields.find(op);
    if (known == op_fields.end()) {
        return make_error(ErrorCode::bad_input, fmt::format("unknown op \"{}\": known ops are {}", op, known_ops()));
    }
    for (const auto& [key, value] : action.items()) {
        if (key != "op" && key != "now" && !known->second.contains(key)) {
            return make_error(ErrorCode::bad_input, fmt::format("\"{}\" is not a field of {}", key, op));
        }
    }
    return core::Done{};
}

json dispatch(Lane& lane, const json& action, const Clock& clock, PaymentDesk* desk) {
    if (!action.is_object()) return failure(make_error(ErrorCode::bad_input, "each line must be a JSON object"));
    auto op = text_field(action, "op");
    if (!op) return failure(op.error());
    if (auto fields = check_fields(*op, action); !fields) return failure(fields.error());
    // Only a demo or test lane lets a script set the clock: on a real lane "now" would backdate
    // sales and shifts (docs/security.md "Trusted time").
    if (action.contains("now") && !lane.config().scripted_time) {
        return failure(make_error(ErrorCode::not_permitted,
                                  "this lane keeps the system clock: \"now\" is taken only on a demo or test lane "
                                  "([security] scripted_time = true in pos.toml, written by init --demo); "
                                  "remove \"now\" from the script"));
    }
    std::string now = action.contains("now") ? optional_text(action, "now") : clock();
    if (action.contains("now") && !is_iso_timestamp(now)) {
        return failure(make_error(ErrorCode::bad_input, "\"now\" must look like 2026-11-23T09:15:00+08:00"));
    }
    if (*op == "login") return do_login(lane, action, now);
    if (*op == "logout") {
        auto done = lane.logout(now);
        return done ? json{{"ok", true}} : failure(done.error());
    }
    if (*op == "open_shift") return do_open_shift(lane, action, now);
    if (*op == "scan") return do_scan(lane, action, now);
    if (*op == "set_qty") return do_set_qty(lane, action, now);
    if (*op == "void_line") return do_void_line(lane, action, now);
    if (*op == "tender") return do_tender(lane, action, now);
    if (*op == "pay_in") return do_move_cash(lane, action, CashMovementKind::pay_in, now);
    if (*op == "pay_out") return do_move_cash(lane, action, CashMovementKind::pay_out, now);
    if (*op == "pickup") return do_move_cash(lane, action, CashMovementKind::pickup, now);
    if (*op == "no_sale") return do_move_cash(lane, action, CashMovementKind::no_sale, now);
    if (*op == "x_report") return do_x_report(lane, action);
    if (*op == "close_shift") return do_close_shift(lane, action, now);
    if (*op == "end_of_day") return apply_end_of_day(lane, action, now);
    if (*op == "suspend") return do_suspend(lane, now);
    if (*op == "resume") return do_resume(lane, action);
    if (*op == "held") return do_held(lane);
    if (*op == "search") return do_search(lane, action);
    if (*op == "override_price") return do_override_price(lane, action, now);
    if (*op == "return_lookup") return apply_return_lookup(lane, action);
    if (*op == "return") return with_code_refunds(apply_return(lane, action, now), desk);
    if (*op == "apply_member") return do_apply_member(lane, action, now);
    if (*op == "pay_account") return do_pay_account(lane, action, now);
    if (*op == "pay_code") return apply_pay_code(lane, desk, action, now);
    if (*op == "count_scan") return apply_count_scan(lane, action, now);
    if (*op == "receive_scan") return apply_receive_scan(lane, action, now);
    return failure(make_error(ErrorCode::internal, fmt::format("op \"{}\" is listed but not dispatched", *op)));
}

}  // namespace

json apply_action(Lane& lane, const json& action, const Clock& clock, PaymentDesk* desk) {
    // No input may stop the lane: a JSON type surprise becomes an error answer, the ticket untouched.
    try {
        return dispatch(lane, action, clock, desk);
    } catch (const std::exception& error) {
        return failure(make_error(ErrorCode::bad_input, fmt::format("the action could not be read: {}", error.what())));
    }
}

SessionSummary run_session(Lane& lane, std::istream& script, std::ostream& results, const Clock& clock,
                           PaymentDesk* desk) {
    SessionSummary summary;
    std::string text;
    int line_number = 0;
    while (std::getline(script, text)) {
        ++line_number;
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        json result;
        json action = json::parse(text, nullptr, false);
        if (action.is_discarded()) {
            result = failure(make_error(ErrorCode::bad_input, fmt::format("line {} is not valid JSON", line_number)));
        } else {
            result = apply_action(lane, action, clock, desk);
        }
        ++summary.actions;
        if (!result.value("ok", false)) ++summary.failed;
        results << result.dump(-1, ' ', false, json::error_handler_t::replace)
                << std::endl;  // flush: printed means done
    }
    return summary;
}

}  // namespace pos::actions
