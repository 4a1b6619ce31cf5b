// A manager dealing with the records the store kept aside (conflicts, forks, quarantine): each
// stays in store.db with both versions; resolving it ends its alarm on the lanes, and the act goes
// into the store's own audit chain (docs/store-service.md "Records kept aside").
#pragma once

#include <cstdint>
#include <string>

#include "db/store/kept_aside.hpp"
#include "db/store/store_db.hpp"
#include "pos/actions/lane.hpp"

namespace pos::actions {

// `acting` must be a manager (kept_aside_resolve); `resolution` says what they found and did.
// `via_lane` is the lane whose posctl ran it. The row as resolved.
[[nodiscard]] core::Result<db::KeptAside> resolve_kept_aside(Lane& lane, db::StoreDb& store, const Approval& acting,
                                                             int64_t id, const std::string& resolution,
                                                             int64_t via_lane);

}  // namespace pos::actions
