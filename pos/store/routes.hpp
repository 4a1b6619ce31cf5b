// pos-store's HTTP routes over its StoreService, and the checks every request passes before its
// body is read: the head (sync/request_guard.hpp), then the lane's token.
#pragma once

#include <cstddef>

#include <httplib.h>

#include "pos/actions/access/store_pin_change.hpp"
#include "sync/store_service.hpp"

namespace pos::store {

// `pin_rules`: the store's own [security] settings, for POST /v1/pin.
void install_routes(httplib::Server& server, sync::StoreService& service, size_t max_body_bytes,
                    const actions::StorePinRules& pin_rules);

}  // namespace pos::store
