// POST /v1/pin (pos/store/pin_route.hpp).
#include "pos/store/pin_route.hpp"

#include <optional>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pos/actions/access/users.hpp"
#include "sync/json_nesting.hpp"
#include "sync/store_protocol.hpp"

namespace pos::store {
namespace {

sync::ServiceResponse refusal(int status, db::DbErrorCode code, std::string message) {
    return {status, sync::encode_error(db::DbError{code, std::move(message)})};
}

sync::ServiceResponse refusal_of(const core::Error& error) {
    switch (error.code) {
        case core::ErrorCode::wrong_pin:
            return refusal(sync::pin_refused_wrong, db::DbErrorCode::refused, error.message);
        case core::ErrorCode::unknown_operator:
            return refusal(sync::pin_refused_unknown, db::DbErrorCode::refused, error.message);
        case core::ErrorCode::locked_out:
            return refusal(sync::pin_refused_locked, db::DbErrorCode::refused, error.message);
        case core::ErrorCode::storage: return refusal(500, db::DbErrorCode::other, error.message);
        default: return refusal(sync::pin_refused_bad_request, db::DbErrorCode::other, error.message);
    }
}

// The request's three texts, or the 400 refusing it. Counted before parsing, as for a batch: no
// parser ever meets a hostile depth.
support::Expected<actions::StorePinChange, sync::ServiceResponse> parse_request(std::string_view body) {
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
    return actions::StorePinChange{*operator_id, *old_pin, *new_pin};
}

}  // namespace

sync::ServiceResponse PinChangeRoute::answer(std::string_view authorization, std::string_view body) {
    auto change = parse_request(body);
    if (!change) return change.error();
    if (auto number = actions::check_operator_number(change->operator_id); !number) return refusal_of(number.error());
    // Held from before the cheap checks until the count is written: no other request about this
    // operator runs in between, so none can slip past a lockout another is about to set.
    auto entered = gate_.enter(change->operator_id);
    if (auto* busy = std::get_if<std::string>(&entered)) {
        return refusal(sync::pin_refused_busy, db::DbErrorCode::busy, *busy);
    }
    std::optional<db::UserRecord> admitted;
    sync::ServiceResponse refused = service_.for_lane(authorization, [&](db::StoreDb& store, int64_t lane) {
        auto user = actions::admit_store_pin_change(store, *change, rules_);
        if (!user) return refusal_of(user.error());
        if (std::string spent = gate_.charge(lane, PinChangeGate::Clock::now()); !spent.empty())
            return refusal(sync::pin_refused_busy, db::DbErrorCode::busy, spent);
        admitted = std::move(*user);
        return sync::ServiceResponse{};
    });
    if (!admitted) return refused;
    auto verdict = actions::weigh_store_pin_change(*admitted, *change);  // the slow part, outside the lock
    if (!verdict) return refusal_of(verdict.error());
    return service_.for_lane(authorization, [&](db::StoreDb& store, int64_t lane) -> sync::ServiceResponse {
        auto settled = actions::settle_store_pin_change(store, *admitted, *verdict, rules_, lane);
        if (!settled) return refusal_of(settled.error());
        return {200, nlohmann::json{{"changed", admitted->operator_id}}.dump()};
    });
}

}  // namespace pos::store
