// 退货 without a receipt: what an item scanned at the return screen is, and what it refunds at
// today's price, before anything is committed (the screen lists it; return_items decides).
#include "pos/actions/lane.hpp"

namespace pos::actions {

core::Result<ResolvedCode> Lane::price_return_item(std::string_view code, std::optional<core::Quantity> quantity) {
    if (auto ready = require_selling(); !ready) return ready.error();
    return resolve_code(db_, config_.nomenclature, code, quantity);
}

}  // namespace pos::actions
