// The ledger read in posting order, one item at a time, into positions at moving average cost.
#include "pos/actions/stock/stock_valuation.hpp"

#include "db/store/stock.hpp"
#include "pos/actions/records.hpp"

namespace pos::actions {

core::Result<std::map<std::string, core::StockPosition>> stock_positions(db::StoreDb& store) {
    auto movements = db::stock_movements(store);
    if (!movements) return storage_error(movements.error());
    std::map<std::string, core::StockPosition> positions;
    for (const db::StockMovementRecord& movement : *movements) {
        core::StockPosition& position = positions[movement.sku];
        position = core::post_movement(position, movement.quantity_milli, movement.unit_cost_fen);
    }
    return positions;
}

}  // namespace pos::actions
