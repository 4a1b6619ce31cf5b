// Moving average cost, count variances and suggested orders.
#include "pos/core/stock.hpp"

namespace pos::core {
namespace {

// a × b / c rounded half up (away from zero), in 128 bits so large stock values cannot overflow.
int64_t scale_round(int64_t a, int64_t b, int64_t c) {
    __extension__ using wide = __int128;
    wide product = static_cast<wide>(a) * b;
    wide half = c / 2;
    wide result = product >= 0 ? (product + half) / c : -((-product + half) / c);
    return static_cast<int64_t>(result);
}

int64_t ceil_div(int64_t a, int64_t b) { return a <= 0 ? 0 : (a + b - 1) / b; }

}  // namespace

Money stock_value(int64_t quantity_milli, int64_t unit_cost_fen) {
    return Money::fen(scale_round(quantity_milli, unit_cost_fen, 1000));
}

StockPosition receive(StockPosition position, int64_t quantity_milli, Money unit_cost) {
    if (quantity_milli <= 0) return move_at_average(position, quantity_milli);
    int64_t cost = unit_cost.in_fen();
    if (position.on_hand_milli <= 0) {
        // Nothing (or less than nothing) on hand: the new goods set the average.
        position.on_hand_milli += quantity_milli;
        position.unit_cost_fen = cost;
        position.value_fen = stock_value(position.on_hand_milli, cost).in_fen();
        return position;
    }
    position.value_fen += stock_value(quantity_milli, cost).in_fen();
    position.on_hand_milli += quantity_milli;
    position.unit_cost_fen = scale_round(position.value_fen, 1000, position.on_hand_milli);
    return position;
}

StockPosition move_at_average(StockPosition position, int64_t change_milli) {
    int64_t before = position.on_hand_milli;
    position.on_hand_milli += change_milli;
    if (change_milli < 0 && before > 0) {
        // Out at the average: the share of what the stock cost, so value is never made or lost by
        // rounding; the last unit out takes what is left.
        int64_t out =
            -change_milli >= before ? position.value_fen : scale_round(position.value_fen, -change_milli, before);
        position.value_fen -= out;
        if (position.on_hand_milli < 0)
            position.value_fen = stock_value(position.on_hand_milli, position.unit_cost_fen).in_fen();
    } else {
        // Back in (a return, a surplus) or further below zero: at the unit cost.
        position.value_fen += stock_value(change_milli, position.unit_cost_fen).in_fen();
    }
    return position;
}

CountVariance count_variance(int64_t snapshot_milli, int64_t moved_since_snapshot_milli, int64_t counted_milli,
                             int64_t unit_cost_fen) {
    CountVariance variance;
    variance.expected_milli = snapshot_milli + moved_since_snapshot_milli;
    variance.counted_milli = counted_milli;
    variance.difference_milli = counted_milli - variance.expected_milli;
    variance.value = stock_value(variance.difference_milli, unit_cost_fen);
    return variance;
}

int64_t suggested_order_milli(const ReplenishmentFacts& facts) {
    if (facts.window_days <= 0 || facts.pack_milli <= 0) return 0;
    int64_t cover = ceil_div(facts.sold_milli * facts.cover_days, facts.window_days);
    int64_t need = cover + facts.threshold_milli - facts.on_hand_milli - facts.in_transit_milli;
    return ceil_div(need, facts.pack_milli) * facts.pack_milli;
}

}  // namespace pos::core
