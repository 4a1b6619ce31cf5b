// POST /v1/pin: an operator the store keeps changes their own PIN from a lane of a multi-lane
// store. The body {"operator","old_pin","new_pin"} travels only inside the pinned TLS channel with
// the lane's token. The cheap checks and the final write run under the store's one lock; the
// argon2id work between them does not, so PIN checks never stall the lanes' sync, and
// PinChangeGate bounds how many run (pos/actions/access/store_pin_change.hpp has the rules).
#pragma once

#include <string_view>

#include "pos/actions/access/store_pin_change.hpp"
#include "pos/store/pin_change_gate.hpp"
#include "sync/store_service.hpp"

namespace pos::store {

class PinChangeRoute {
public:
    PinChangeRoute(sync::StoreService& service, const actions::StorePinRules& rules, PinChangeGate::Limits limits)
        : service_(service), rules_(rules), gate_(limits) {}

    [[nodiscard]] sync::ServiceResponse answer(std::string_view authorization, std::string_view body);

private:
    sync::StoreService& service_;
    actions::StorePinRules rules_;
    PinChangeGate gate_;
};

}  // namespace pos::store
