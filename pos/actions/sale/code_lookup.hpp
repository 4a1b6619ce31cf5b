// Turns what the cashier scanned or typed into a catalog item with its quantity and price.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "db/lane/lane_db.hpp"
#include "drivers/scanner/barcode.hpp"
#include "pos/core/catalog.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct ResolvedCode {
    core::CatalogItem item;
    std::string gtin;  // empty when typed as PLU or SKU
    core::Quantity quantity;
    core::Money unit_price;
    std::optional<core::Money> label_amount;  // a scale label's printed price
    bool from_label = false;                  // quantity or price came from a label
};

// Codes of 4–6 digits are a PLU (5 digits, zero-padded) or a SKU (6 digits); anything
// longer goes through the barcode engine. `quantity` multiplies a counted item or is the
// weight in kg of a weighed item typed by PLU.
[[nodiscard]] core::Result<ResolvedCode> resolve_code(db::LaneDb& database,
                                                      const drivers::scanner::Nomenclature& nomenclature,
                                                      std::string_view code, std::optional<core::Quantity> quantity);

}  // namespace pos::actions
