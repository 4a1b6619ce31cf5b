// POST /v1/pin (pos/store/pin_route.hpp).
#include "pos/store/pin_route.hpp"

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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
        case core::ErrorCode::unknown_operator:
            return refusal(sync::pin_refused_wrong, db::DbErrorCode::refused, error.message);
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
    std::optional<db::UserRecord> admitted;
    int64_t asking_lane = 0;
    sync::ServiceResponse refused = service_.for_lane(authorization, [&](db::StoreDb& store, int64_t lane) {
        asking_lane = lane;
        auto user = actions::admit_store_pin_change(store, *change, rules_);
        if (!user) return refusal_of(user.error());
        admitted = std::move(*user);
        return sync::ServiceResponse{};
    });
    if (!admitted) return refused;
    if (std::string busy = gate_.enter(asking_lane, admitted->operator_id, PinChangeGate::Clock::now());
        !busy.empty()) {
        return refusal(sync::pin_refused_busy, db::DbErrorCode::busy, busy);
    }
    auto verdict = actions::weigh_store_pin_change(*admitted, *change);  // the slow part, outside the lock
    sync::ServiceResponse answer =
        !verdict ? refusal_of(verdict.error())
                 : service_.for_lane(authorization, [&](db::StoreDb& store, int64_t lane) -> sync::ServiceResponse {
                       auto settled = actions::settle_store_pin_change(store, *admitted, *verdict, rules_, lane);
                       if (!settled) return refusal_of(settled.error());
                       return {200, nlohmann::json{{"changed", admitted->operator_id}}.dump()};
                   });
    gate_.leave(admitted->operator_id);
    return answer;
}

}  // namespace pos::store
