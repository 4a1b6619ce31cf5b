// Each item's stock position (on hand, value, moving average cost) read from the ledger through
// the pure rules of pos/core/stock.hpp.
#pragma once

#include <map>
#include <string>

#include "db/store/store_db.hpp"
#include "pos/core/result.hpp"
#include "pos/core/stock.hpp"

namespace pos::actions {

// Every item with a movement, by sku.
[[nodiscard]] core::Result<std::map<std::string, core::StockPosition>> stock_positions(db::StoreDb& store);

}  // namespace pos::actions
