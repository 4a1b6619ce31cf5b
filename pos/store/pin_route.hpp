// POST /v1/pin: an operator the store keeps changes their own PIN from a lane of a multi-lane
// store. The body {"operator","old_pin","new_pin"} travels only inside the pinned TLS channel with
// the lane's token; the store checks the old PIN against its own hash and counts wrong ones
// (pos/actions/access/store_users.hpp change_store_pin).
#pragma once

#include <string_view>

#include "db/store/store_db.hpp"
#include "pos/actions/access/store_users.hpp"
#include "sync/store_service.hpp"

namespace pos::store {

[[nodiscard]] sync::ServiceResponse answer_pin_change(db::StoreDb& store, int64_t lane, std::string_view body,
                                                      const actions::StorePinRules& rules);

}  // namespace pos::store
