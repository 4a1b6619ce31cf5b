// The pos-store wire format of the users and members flow-down (service mode):
// GET /v1/directory?store=ID&users=N&members=M with the lane's token answers 204 when the lane
// is current, else 200 with the parts that changed.
#pragma once

#include <string>
#include <string_view>

#include "db/shared/db_error.hpp"
#include "db/shared/directory_sync.hpp"

namespace pos::sync {

inline constexpr std::string_view directory_path = "/v1/directory";

// {"store_id":"9f…","users":{"version":4,"list":[{"operator":"1001","name":..,"role":..,"pin_hash":"$argon2id$…",
//  "active":true}]},"members":{"version":9,"list":[{"card":..,"phone":..,"name":..,"limit_fen":..,"balance_fen":..,
//  "created_at":..}]}}; a part the lane has is left out.
[[nodiscard]] std::string encode_directory(const db::DirectorySnapshot& snapshot);
[[nodiscard]] db::DbResult<db::DirectorySnapshot> decode_directory(std::string_view body);

// "?store=ID&users=N&members=M", and reading it back at pos-store (a bad number is refused).
[[nodiscard]] std::string directory_query_string(const db::DirectoryVersion& have);
[[nodiscard]] db::DbResult<db::DirectoryVersion> directory_version_of(std::string_view store_id, std::string_view users,
                                                                      std::string_view members);

}  // namespace pos::sync
