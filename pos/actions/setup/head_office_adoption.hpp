// The store's own audit record of what it takes from the head office (docs/security.md "Acts at
// the store"): a chain catalog version with every price it changes, old and new, and each chain
// promotion. Written inside the transaction that takes them (chain/head_office_pull.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "db/store/head_office_master.hpp"

namespace pos::actions {

// chain::RecordAdoption's shape (this layer does not see chain/). `via_lane`: the lane whose posctl
// or pos ran the pull; 0 for pos-store itself.
using HeadOfficeAdoptionRecorder =
    std::function<support::Expected<support::Done, std::string>(db::StoreDb&, const db::HeadOfficeMasterData&)>;
[[nodiscard]] HeadOfficeAdoptionRecorder head_office_adoption_recorder(int64_t via_lane);

}  // namespace pos::actions
