// The F9 return screen's snapshot of a receipt looked up for 退货.
#include <algorithm>

#include <fmt/format.h>

#include "pos/ui/views.hpp"

namespace pos::ui {
namespace {

std::string shown_quantity(int64_t milli, bool weighed) {
    if (!weighed) return core::Quantity::milli(milli).to_string();
    return fmt::format("{}.{:03} kg", milli / 1000, milli % 1000);
}

}  // namespace

ReturnView make_return_view(const actions::ReturnableSale& sale, bool chinese) {
    ReturnView view;
    view.receipt = sale.receipt;
    std::string at = sale.sale.completed_at.substr(0, std::min<size_t>(16, sale.sale.completed_at.size()));
    if (at.size() > 10 && at[10] == 'T') at[10] = ' ';
    view.sold_at = at;
    view.total = core::Money::fen(sale.sale.total_fen).to_string();
    for (const core::SoldLine& sold : sale.lines) {
        auto record = std::find_if(sale.sale.lines.begin(), sale.sale.lines.end(),
                                   [&](const db::SaleLineRecord& each) { return each.line_no == sold.line; });
        if (record == sale.sale.lines.end()) continue;
        bool weighed = record->sale_unit == "weight";
        ReturnLineView line;
        line.number = sold.line;
        line.name = chinese || record->name_en.empty() ? record->name_zh : record->name_en;
        if (!record->spec.empty()) line.name += " " + record->spec;
        line.sold = shown_quantity(sold.sold_milli, weighed);
        line.returnable = shown_quantity(core::returnable_milli(sold), weighed);
        line.amount = sold.amount.to_string();
        view.lines.push_back(std::move(line));
    }
    return view;
}

}  // namespace pos::ui
