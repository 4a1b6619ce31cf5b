// A catalog item as the lane sells it: identity, names, price and how it is measured.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pos/core/money.hpp"

namespace pos::core {

enum class SaleUnit {
    piece,   // counted: quantity in thousandths of a piece, normally whole
    weight,  // weighed: quantity in grams, priced per kg
};

struct CatalogItem {
    std::string sku;                    // store's own item number, unique
    std::vector<std::string> barcodes;  // GTINs normalised to 14 digits, the lookup key
    std::string plu;                    // 5-digit scale PLU, or empty
    std::string name_zh;
    std::string name_en;
    std::string spec;  // 规格, e.g. "550ml", "500g"
    std::string unit;  // 单位, e.g. 瓶, 袋, kg
    std::string department;
    Money cost;
    Money price;         // retail price per piece (counted items)
    Money price_per_kg;  // retail price per kg (weighed items)
    SaleUnit sale_unit = SaleUnit::piece;
    int64_t low_stock = 0;  // reorder threshold, in units
    std::string pinyin;     // 简码: pinyin initials of name_zh, lower case, e.g. "nfsq"
};

}  // namespace pos::core
