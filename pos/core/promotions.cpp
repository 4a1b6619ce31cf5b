// Promotion resolution: each promotion's savings on the lines still free, and the order of
// promotions that leaves the customer the lowest total.
#include "pos/core/promotions.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "pos/core/ticket.hpp"

namespace pos::core {
namespace {

constexpr PromotionKind all_kinds[] = {PromotionKind::price, PromotionKind::multi_buy, PromotionKind::mix_match,
                                       PromotionKind::member_price, PromotionKind::department_percent};

// Above this many promotions on one ticket, orders are no longer all tried: the biggest saving goes first.
constexpr size_t max_orders_tried = 6;

bool is_day(std::string_view day) {
    if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (day[i] < '0' || day[i] > '9') return false;
    }
    return true;
}

bool lists_sku(const Promotion& promotion, const std::string& sku) {
    return std::find(promotion.skus.begin(), promotion.skus.end(), sku) != promotion.skus.end();
}

// A line the item promotions may price: counted, not overridden, not priced by a label.
bool item_priced(const TicketLine& line) {
    return !line.voided && !line.original_price && !line.from_label && !line.label_amount &&
           line.item.sale_unit == SaleUnit::piece;
}

struct Unit {
    Money price;
    int line = 0;
};

using Savings = std::map<int, Money>;  // line number -> saving

// Splits a bundle's saving over its units in proportion to their prices; the last unit takes the
// fen left over, so the parts add up exactly.
void share(const std::vector<Unit>& bundle, Money saving, Savings& out) {
    int64_t total = 0;
    for (const Unit& unit : bundle) total += unit.price.in_fen();
    int64_t given = 0;
    for (size_t i = 0; i < bundle.size(); ++i) {
        int64_t part = i + 1 == bundle.size() ? saving.in_fen() - given
                       : total == 0           ? 0
                                              : saving.in_fen() * bundle[i].price.in_fen() / total;
        given += part;
        out[bundle[i].line] += Money::fen(part);
    }
}

// Bundles of `size` units, dearest first (the customer's benefit: the dearest items go in a deal).
void bundle_units(std::vector<Unit> units, const Promotion& promotion, Savings& out) {
    int size = promotion.free > 0 ? promotion.buy + promotion.free : promotion.buy;
    if (size <= 0) return;
    std::stable_sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.price > b.price; });
    for (size_t start = 0; start + size_t(size) <= units.size(); start += size_t(size)) {
        std::vector<Unit> bundle(units.begin() + long(start), units.begin() + long(start) + size);
        Money full;
        for (const Unit& unit : bundle) full += unit.price;
        Money saving;
        if (promotion.free > 0) {
            for (int k = 0; k < promotion.free; ++k) saving += bundle[bundle.size() - 1 - size_t(k)].price;
        } else {
            saving = full - promotion.price;
        }
        if (saving > Money{}) share(bundle, saving, out);
    }
}

std::vector<Unit> units_of(const TicketLine& line) {
    int64_t count = line.quantity.in_milli() / 1000;
    return std::vector<Unit>(size_t(std::max<int64_t>(count, 0)), Unit{line.unit_price, line.number});
}

// What one promotion saves on the lines not yet taken.
Savings savings_of(const Promotion& promotion, const std::vector<const TicketLine*>& lines) {
    Savings out;
    switch (promotion.kind) {
        case PromotionKind::price:
        case PromotionKind::member_price:
            for (const TicketLine* line : lines) {
                if (!item_priced(*line) || !lists_sku(promotion, line->item.sku) || promotion.price >= line->unit_price)
                    continue;
                out[line->number] = line->amount_before_savings() - extend_price(promotion.price, line->quantity);
            }
            break;
        case PromotionKind::department_percent:
            for (const TicketLine* line : lines) {
                if (line->voided || line->original_price || line->item.department != promotion.department) continue;
                int64_t gross = line->amount_before_savings().in_fen();
                out[line->number] = Money::fen((gross * promotion.percent + 50) / 100);  // half-up, like line amounts
            }
            break;
        case PromotionKind::multi_buy: {
            std::map<std::string, std::vector<Unit>> by_sku;
            for (const TicketLine* line : lines) {
                if (!item_priced(*line) || !lists_sku(promotion, line->item.sku)) continue;
                auto units = units_of(*line);
                by_sku[line->item.sku].insert(by_sku[line->item.sku].end(), units.begin(), units.end());
            }
            for (auto& [sku, units] : by_sku) bundle_units(std::move(units), promotion, out);
            break;
        }
        case PromotionKind::mix_match: {
            std::vector<Unit> units;
            for (const TicketLine* line : lines) {
                if (!item_priced(*line) || !lists_sku(promotion, line->item.sku)) continue;
                auto more = units_of(*line);
                units.insert(units.end(), more.begin(), more.end());
            }
            bundle_units(std::move(units), promotion, out);
            break;
        }
    }
    std::erase_if(out, [](const auto& entry) { return entry.second <= Money{}; });
    return out;
}

Money sum(const Savings& savings) {
    Money total;
    for (const auto& [line, saving] : savings) total += saving;
    return total;
}

struct Outcome {
    Money total;
    std::vector<LineSaving> lines;
};

// Applies the promotions in this order, each to the lines the ones before it left free.
Outcome apply_in_order(const std::vector<const Promotion*>& order, const std::vector<const TicketLine*>& live) {
    Outcome outcome;
    std::vector<const TicketLine*> free = live;
    for (const Promotion* promotion : order) {
        Savings savings = savings_of(*promotion, free);
        for (const auto& [line, saving] : savings) {
            outcome.lines.push_back({line, saving, promotion->name});
            outcome.total += saving;
        }
        std::erase_if(free, [&](const TicketLine* line) { return savings.count(line->number) != 0; });
    }
    std::sort(outcome.lines.begin(), outcome.lines.end(),
              [](const LineSaving& a, const LineSaving& b) { return a.line < b.line; });
    return outcome;
}

}  // namespace

std::string_view promotion_kind_name(PromotionKind kind) {
    switch (kind) {
        case PromotionKind::price: return "price";
        case PromotionKind::multi_buy: return "multi_buy";
        case PromotionKind::mix_match: return "mix_match";
        case PromotionKind::member_price: return "member_price";
        case PromotionKind::department_percent: return "department_percent";
    }
    return "price";
}

Result<PromotionKind> parse_promotion_kind(std::string_view name) {
    for (PromotionKind kind : all_kinds) {
        if (promotion_kind_name(kind) == name) return kind;
    }
    return make_error(ErrorCode::bad_input,
                      "unknown promotion kind \"" + std::string(name) +
                          "\": use price, multi_buy, mix_match, member_price or department_percent");
}

Status check_promotion(const Promotion& p) {
    auto bad = [&](const std::string& why) {
        return make_error(ErrorCode::bad_input, "promotion " + p.id + ": " + why);
    };
    if (p.id.empty()) return make_error(ErrorCode::bad_input, "a promotion needs an id");
    if (p.name.empty()) return bad("give it a name: it is printed on the receipt");
    if (!is_day(p.starts) || !is_day(p.ends)) return bad("starts and ends must be dates like 2026-11-23");
    if (p.ends < p.starts) return bad("it ends (" + p.ends + ") before it starts (" + p.starts + ")");
    if (p.kind == PromotionKind::department_percent) {
        if (p.department.empty()) return bad("name the department it takes a percentage off");
        if (p.percent < 1 || p.percent > 99) return bad("percent must be a whole number from 1 to 99");
        return Done{};
    }
    if (p.skus.empty()) return bad("list the items (SKUs) it applies to");
    bool bundle = p.kind == PromotionKind::multi_buy || p.kind == PromotionKind::mix_match;
    if (bundle && p.buy < 1) return bad("buy must be the number of items in the deal, 1 or more");
    if (p.kind == PromotionKind::mix_match && p.free > 0)
        return bad("mix-and-match is N items for a price: leave free at 0");
    if (p.kind == PromotionKind::multi_buy && p.free > 0) return Done{};
    if (p.price <= Money{}) return bad("the price must be above 0.00");
    return Done{};
}

bool promotion_active(const Promotion& promotion, std::string_view day) {
    return promotion.starts <= day && day <= promotion.ends;
}

std::vector<LineSaving> resolve_promotions(const std::vector<TicketLine>& lines,
                                           const std::vector<Promotion>& promotions, std::string_view day,
                                           bool member) {
    std::vector<const TicketLine*> live;
    for (const TicketLine& line : lines) {
        if (!line.voided) live.push_back(&line);
    }
    std::vector<const Promotion*> candidates;
    for (const Promotion& promotion : promotions) {
        if (!promotion_active(promotion, day)) continue;
        if (promotion.kind == PromotionKind::member_price && !member) continue;
        if (!savings_of(promotion, live).empty()) candidates.push_back(&promotion);
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Promotion* a, const Promotion* b) { return a->id < b->id; });
    if (candidates.size() > max_orders_tried) {
        // Greedy: the promotion saving most on the free lines goes next (ties: lowest id).
        std::vector<const Promotion*> order;
        std::vector<const Promotion*> left = candidates;
        std::vector<const TicketLine*> free = live;
        while (!left.empty()) {
            size_t best = 0;
            Money best_saving = Money::fen(-1);
            for (size_t i = 0; i < left.size(); ++i) {
                Money saving = sum(savings_of(*left[i], free));
                if (saving > best_saving) best = i, best_saving = saving;
            }
            Savings taken = savings_of(*left[best], free);
            std::erase_if(free, [&](const TicketLine* line) { return taken.count(line->number) != 0; });
            order.push_back(left[best]);
            left.erase(left.begin() + long(best));
        }
        return apply_in_order(order, live).lines;
    }
    std::vector<size_t> index(candidates.size());
    std::iota(index.begin(), index.end(), size_t{0});
    Outcome best;
    bool first = true;
    do {
        std::vector<const Promotion*> order;
        for (size_t i : index) order.push_back(candidates[i]);
        Outcome outcome = apply_in_order(order, live);
        if (first || outcome.total > best.total)
            best = std::move(outcome);  // strictly better: the first order keeps a tie
        first = false;
    } while (std::next_permutation(index.begin(), index.end()));
    return best.lines;
}

}  // namespace pos::core
