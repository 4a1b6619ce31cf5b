// pos-store's HTTP routes over its StoreService, and the checks every request passes before its
// body is read: the head (sync/request_guard.hpp), then the lane's token.
#pragma once

#include <cstddef>

#include <httplib.h>

#include "sync/store_service.hpp"

namespace pos::store {

void install_routes(httplib::Server& server, sync::StoreService& service, size_t max_body_bytes);

}  // namespace pos::store
