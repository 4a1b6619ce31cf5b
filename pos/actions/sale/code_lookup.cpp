// Code resolution: PLU/SKU typed at the till, EAN/UPC items, scale labels and GS1 strings.
#include "pos/actions/sale/code_lookup.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pos/actions/records.hpp"

namespace pos::actions {
namespace {

using core::ErrorCode;
using core::make_error;
using core::Money;
using core::Quantity;
namespace scanner = drivers::scanner;

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

core::Result<core::CatalogItem> found_or_unknown(db::DbResult<std::optional<db::ItemRecord>> found, std::string what) {
    if (!found) return storage_error(found.error());
    if (!*found) {
        return make_error(ErrorCode::unknown_item,
                          fmt::format("no item with {}: check the code, or key the item by name (F8)", what));
    }
    return to_catalog_item(**found);
}

// An item keyed without a barcode: price from the catalog, quantity as typed.
core::Result<ResolvedCode> priced_from_catalog(core::CatalogItem item, std::string gtin,
                                               std::optional<Quantity> quantity) {
    if (item.sale_unit == core::SaleUnit::weight) {
        if (!quantity) {
            return make_error(
                ErrorCode::bad_amount,
                fmt::format("{} is sold by weight: weigh it and enter the weight in kg, like 0.350", item.name_zh));
        }
        return ResolvedCode{item, std::move(gtin), *quantity, item.price_per_kg, std::nullopt};
    }
    Quantity count = quantity.value_or(Quantity::units(1));
    if (!count.is_whole()) {
        return make_error(ErrorCode::bad_amount,
                          fmt::format("{} is sold by the piece: enter a whole number", item.name_zh));
    }
    return ResolvedCode{item, std::move(gtin), count, item.price, std::nullopt};
}

// A label printed by the store's scale: the price on it is what the customer pays.
core::Result<ResolvedCode> from_scale_label(db::LaneDb& database, const scanner::ParsedBarcode& label) {
    auto item = found_or_unknown(database.find_item_by_plu(label.plu), "scale PLU " + label.plu);
    if (!item) return item.error();
    if (label.price_fen && label.weight_g) {
        Money price = Money::fen(*label.price_fen);
        return ResolvedCode{*item, "", Quantity::grams(*label.weight_g), item->price_per_kg, price, true};
    }
    if (label.price_fen) {
        // A pack priced by the scale with no weight on the label counts as one piece.
        item->sale_unit = core::SaleUnit::piece;
        Money price = Money::fen(*label.price_fen);
        return ResolvedCode{*item, "", Quantity::units(1), price, price, true};
    }
    if (label.weight_g) {
        if (item->price_per_kg.is_zero()) {
            return make_error(
                ErrorCode::unknown_item,
                fmt::format("{} has no price per kg in the catalog: ask the manager to set one", item->name_zh));
        }
        return ResolvedCode{*item, "", Quantity::grams(*label.weight_g), item->price_per_kg, std::nullopt, true};
    }
    return make_error(ErrorCode::bad_barcode, "the scale label has neither a price nor a weight: reprint the label");
}

core::Error label_quantity_refused() {
    return make_error(ErrorCode::bad_input,
                      "a label with a price or weight carries its own quantity: scan each pack's label");
}

core::Result<ResolvedCode> from_gs1(db::LaneDb& database, const scanner::ParsedBarcode& code,
                                    std::optional<Quantity> quantity) {
    if ((code.weight_g || code.price_fen) && quantity) return label_quantity_refused();
    if (code.gtin.empty()) {
        return make_error(ErrorCode::bad_barcode, "the code has no item number (AI 01): scan the item's own barcode");
    }
    auto item = found_or_unknown(database.find_item_by_gtin(code.gtin), "GTIN " + code.gtin);
    if (!item) return item.error();
    if (code.weight_g) {
        std::optional<Money> label;
        if (code.price_fen) label = Money::fen(*code.price_fen);
        return ResolvedCode{*item, code.gtin, Quantity::grams(*code.weight_g), item->price_per_kg, label, true};
    }
    if (code.price_fen) {
        Money price = Money::fen(*code.price_fen);
        return ResolvedCode{*item, code.gtin, Quantity::units(1), price, price, true};
    }
    return priced_from_catalog(*item, code.gtin, quantity);
}

// A line must cost something: a 0 g label, a 0.00 price or a missing per-kg price would give
// the goods away and leave a ticket that no tender can finish.
core::Result<ResolvedCode> priced_above_zero(core::Result<ResolvedCode> resolved) {
    if (!resolved) return resolved;
    Money amount =
        resolved->label_amount ? *resolved->label_amount : core::extend_price(resolved->unit_price, resolved->quantity);
    if (amount <= Money{}) {
        return make_error(
            ErrorCode::bad_amount,
            fmt::format("{} comes to 0.00: check the label, the weight or the catalog price", resolved->item.name_zh));
    }
    return resolved;
}

core::Result<ResolvedCode> resolve(db::LaneDb& database, const scanner::Nomenclature& nomenclature,
                                   std::string_view code, std::optional<Quantity> quantity) {
    std::string_view typed = trim(code);
    if (all_digits(typed) && typed.size() >= 4 && typed.size() <= 6) {
        if (typed.size() <= 5) {
            std::string plu = std::string(5 - typed.size(), '0') + std::string(typed);
            auto item = found_or_unknown(database.find_item_by_plu(plu), "PLU " + plu);
            if (!item) return item.error();
            return priced_from_catalog(*item, "", quantity);
        }
        auto item =
            found_or_unknown(database.find_item_by_sku(std::string(typed)), "item number " + std::string(typed));
        if (!item) return item.error();
        return priced_from_catalog(*item, "", quantity);
    }

    scanner::ParsedBarcode parsed = scanner::parse_barcode(code, nomenclature);
    if (!parsed.valid) return make_error(ErrorCode::bad_barcode, parsed.message);
    switch (parsed.kind) {
        case scanner::BarcodeKind::item: {
            auto item = found_or_unknown(database.find_item_by_gtin(parsed.gtin), "barcode " + std::string(typed));
            if (!item) return item.error();
            return priced_from_catalog(*item, parsed.gtin, quantity);
        }
        case scanner::BarcodeKind::priced:
        case scanner::BarcodeKind::weighed:
            if (quantity) return label_quantity_refused();
            return from_scale_label(database, parsed);
        case scanner::BarcodeKind::gs1: return from_gs1(database, parsed, quantity);
    }
    return make_error(ErrorCode::internal, "unhandled barcode kind");
}

}  // namespace

core::Result<ResolvedCode> resolve_code(db::LaneDb& database, const scanner::Nomenclature& nomenclature,
                                        std::string_view code, std::optional<Quantity> quantity) {
    return priced_above_zero(resolve(database, nomenclature, code, quantity));
}

}  // namespace pos::actions
