// GET /v1/audit: the store's copy of the asking lane's audit chain (its token says which lane),
// for `posctl audit verify --against-store` in service mode (issue #17 point 6).
#pragma once

#include <string>
#include <string_view>

#include "db/store/audit_anchor.hpp"

namespace pos::sync {

inline constexpr std::string_view audit_path = "/v1/audit";

// {"lane":1,"records":[{audit record}...],"kept_aside":[{"why","reason","stored","delivered","received_at"}...]}
[[nodiscard]] std::string encode_store_audit(const db::StoreAuditCopy& copy);
[[nodiscard]] db::DbResult<db::StoreAuditCopy> decode_store_audit(std::string_view body);

}  // namespace pos::sync
