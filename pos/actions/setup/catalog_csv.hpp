// The catalog CSV format (assets/catalog/demo_catalog.csv): CSV table <-> catalog items.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drivers/scanner/barcode.hpp"
#include "pos/core/catalog.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// The header every catalog CSV starts with, in this order.
inline constexpr std::string_view catalog_csv_header =
    "sku,barcodes,plu,name_zh,name_en,spec,unit,department,cost,price,price_per_kg,sale_unit,low_stock,pinyin";

struct CatalogCsvProblem {
    int row = 0;          // 1-based file row (the header is row 1)
    std::string column;   // column name, e.g. "price"
    std::string message;  // what is wrong and how to fix it
};

struct CatalogCsvParse {
    std::vector<core::CatalogItem> items;
    std::vector<CatalogCsvProblem> problems;  // empty when every row is good
};

// Validates every row (required fields, amounts, barcodes through the engine with their
// check digits, duplicate sku/barcode/plu, sale_unit, text without control characters and
// within length limits) and collects every problem, not just the first.
// Barcodes are stored normalised to the engine's 14-digit GTIN.
[[nodiscard]] core::Result<CatalogCsvParse> parse_catalog_csv(std::string_view text,
                                                              const drivers::scanner::Nomenclature& nomenclature);

// The whole file, header included, cells guarded against formula injection.
[[nodiscard]] std::string format_catalog_csv(const std::vector<core::CatalogItem>& items);

}  // namespace pos::actions
