// POST /v1/pin (pos/store/pin_route.hpp).
#include "pos/store/pin_route.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sync/json_nesting.hpp"
#include "sync/store_protocol.hpp"

namespace pos::store {
namespace {

sync::ServiceResponse refusal(int status, db::DbErrorCode code, std::string message) {
    return {status, sync::encode_error(db::DbError{code, std::move(message)})};
}

}  // namespace

sync::ServiceResponse answer_pin_change(db::StoreDb& store, int64_t lane, std::string_view body,
                                        const actions::StorePinRules& rules) {
    // Counted before parsing, as for a batch: no parser ever meets a hostile depth.
    if (!sync::json_nesting_within(body)) {
        return refusal(400, db::DbErrorCode::other,
                       fmt::format("the request nests deeper than {} levels, which no lane sends: nothing was changed",
                                   sync::max_json_nesting));
    }
    nlohmann::json request = nlohmann::json::parse(body, nullptr, false);
    auto text = [&](const char* key) -> const std::string* {
        if (!request.is_object() || !request.contains(key) || !request.at(key).is_string()) return nullptr;
        return request.at(key).get_ptr<const std::string*>();
    };
    const std::string* operator_id = text("operator");
    const std::string* old_pin = text("old_pin");
    const std::string* new_pin = text("new_pin");
    if (!operator_id || !old_pin || !new_pin) {
        return refusal(400, db::DbErrorCode::other,
                       "a PIN change needs {\"operator\",\"old_pin\",\"new_pin\"} as text: nothing was changed");
    }
    auto changed = actions::change_store_pin(store, *operator_id, *old_pin, *new_pin, rules, lane);
    if (changed) return {200, nlohmann::json{{"changed", *operator_id}}.dump()};
    switch (changed.error().code) {
        case core::ErrorCode::wrong_pin:
        case core::ErrorCode::locked_out:
        case core::ErrorCode::unknown_operator: return refusal(403, db::DbErrorCode::refused, changed.error().message);
        case core::ErrorCode::storage: return refusal(500, db::DbErrorCode::other, changed.error().message);
        default: return refusal(400, db::DbErrorCode::other, changed.error().message);
    }
}

}  // namespace pos::store
