// Suggested orders from the ledger's sales, stock on hand and transfers in transit.
#include "pos/actions/stock/replenishment.hpp"

#include <algorithm>
#include <tuple>

#include "db/store/stock.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/stock/stock_sheet.hpp"
#include "pos/actions/stock/transfers.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/stock.hpp"

namespace pos::actions {

core::Result<std::vector<SuggestedLine>> suggested_order(db::StoreDb& store, const ReplenishmentOptions& options,
                                                         const std::string& now) {
    if (options.window_days < 1 || options.window_days > 366 || options.cover_days < 1 || options.cover_days > 366)
        return core::make_error(core::ErrorCode::bad_input, "the window and the cover are 1 to 366 days");
    auto items = store.all_items();
    if (!items) return storage_error(items.error());
    auto on_hand = db::stock_on_hand(store);
    if (!on_hand) return storage_error(on_hand.error());
    auto sold = db::stock_sold_in_days(store, now, options.window_days);
    if (!sold) return storage_error(sold.error());
    auto coming = in_transit(store);
    if (!coming) return coming.error();
    auto value_of = [](const std::map<std::string, int64_t>& map, const std::string& sku) {
        auto found = map.find(sku);
        return found == map.end() ? int64_t{0} : found->second;
    };
    std::vector<SuggestedLine> lines;
    for (const db::ItemRecord& item : *items) {
        if (!on_hand->count(item.sku) && !sold->count(item.sku) && !coming->count(item.sku)) continue;
        SuggestedLine line{item.sku,
                           item.name_zh,
                           item.department,
                           item.sale_unit == "weight",
                           value_of(*sold, item.sku),
                           value_of(*on_hand, item.sku),
                           value_of(*coming, item.sku),
                           item.low_stock * 1000,
                           0};
        core::ReplenishmentFacts facts{std::max<int64_t>(line.sold_milli, 0),
                                       options.window_days,
                                       options.cover_days,
                                       line.on_hand_milli,
                                       line.in_transit_milli,
                                       line.threshold_milli,
                                       1000};
        line.order_milli = core::suggested_order_milli(facts);
        if (line.order_milli > 0) lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end(), [](const SuggestedLine& a, const SuggestedLine& b) {
        return std::tie(a.department, a.sku) < std::tie(b.department, b.sku);
    });
    return lines;
}

std::string suggested_order_csv(const std::vector<SuggestedLine>& lines) {
    std::string csv =
        stock_csv_row({"sku", "name", "department", "order", "on_hand", "in_transit", "sold", "threshold"});
    for (const SuggestedLine& line : lines) {
        auto q = [&](int64_t milli) { return core::stock_quantity_text(milli, line.weighed); };
        csv += stock_csv_row({line.sku, line.name, line.department, q(line.order_milli), q(line.on_hand_milli),
                              q(line.in_transit_milli), q(line.sold_milli), q(line.threshold_milli)});
    }
    return csv;
}

}  // namespace pos::actions
