// Where a return asks about a receipt beyond this lane's journal: the store this lane syncs to.
// Direct mode reads store.db read-only (like the daily report); service mode asks pos-store
// (GET /v1/sales with the lane's token). Used by Lane::find_returnable (lane_returns.cpp).
#pragma once

#include <string>

#include "db/store/returns.hpp"
#include "pos/actions/setup/config.hpp"

namespace pos::actions {

// The sale and every return of it the store has. DbErrorCode::not_found when the store has no
// such sale; any other error means the store could not be asked (missing file, network, busy).
[[nodiscard]] db::DbResult<db::SaleForReturn> ask_store_for_sale(const std::string& data_dir, const LaneConfig& config,
                                                                 const db::SaleQuery& query);

}  // namespace pos::actions
