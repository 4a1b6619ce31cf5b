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

// GET /v1/kept-aside: how many of the asking lane's records the store holds aside unresolved, so the
// lane drops its alarm once a manager has dealt with every one (posctl kept-aside resolve).
inline constexpr std::string_view kept_aside_path = "/v1/kept-aside";
// {"lane":1,"unresolved":0}
[[nodiscard]] std::string encode_unresolved_kept_aside(int64_t lane, int64_t unresolved);
[[nodiscard]] db::DbResult<int64_t> decode_unresolved_kept_aside(std::string_view body);

}  // namespace pos::sync
