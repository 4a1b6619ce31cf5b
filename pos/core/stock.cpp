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

StockPosition post_movement(StockPosition position, int64_t quantity_milli, std::optional<int64_t> unit_cost_fen) {
    if (unit_cost_fen && quantity_milli > 0) return receive(position, quantity_milli, Money::fen(*unit_cost_fen));
    return move_at_average(position, quantity_milli);
}

DeliveryLineCheck check_delivery_line(int64_t expected_milli, int64_t received_milli, int64_t damaged_milli) {
    DeliveryLineCheck check;
    check.booked_milli = received_milli;
    check.damaged_milli = damaged_milli;
    int64_t arrived = received_milli + damaged_milli;
    check.short_milli = arrived < expected_milli ? expected_milli - arrived : 0;
    check.over_milli = arrived > expected_milli ? arrived - expected_milli : 0;
    return check;
}

Result<int64_t> parse_stock_quantity(std::string_view text, bool weighed) {
    constexpr size_t max_whole_digits = 9;
    std::string_view whole = text;
    std::string_view fraction;
    if (auto dot = text.find('.'); dot != std::string_view::npos) {
        whole = text.substr(0, dot);
        fraction = text.substr(dot + 1);
        if (!weighed) {
            return make_error(
                ErrorCode::bad_input,
                "\"" + std::string(text) + "\" is not a whole number: counted goods are written in units, like 12");
        }
        if (fraction.empty() || fraction.size() > 3) {
            return make_error(
                ErrorCode::bad_input,
                "\"" + std::string(text) + "\" has to be kilograms with at most three decimals, like 1.250");
        }
    }
    auto digits = [](std::string_view part) {
        for (char c : part) {
            if (c < '0' || c > '9') return false;
        }
        return true;
    };
    if (whole.empty() || whole.size() > max_whole_digits || !digits(whole) || !digits(fraction)) {
        return make_error(ErrorCode::bad_input, "\"" + std::string(text).substr(0, 40) +
                                                    "\" is not a quantity: write " +
                                                    (weighed ? "kilograms like 1.250" : "whole units like 12"));
    }
    int64_t milli = 0;
    for (char c : whole) milli = milli * 10 + (c - '0');
    milli *= 1000;
    int64_t scale = 100;
    for (char c : fraction) {
        milli += (c - '0') * scale;
        scale /= 10;
    }
    return milli;
}

std::string stock_quantity_text(int64_t quantity_milli, bool weighed) {
    std::string sign = quantity_milli < 0 ? "-" : "";
    int64_t magnitude = quantity_milli < 0 ? -quantity_milli : quantity_milli;
    std::string whole = sign + std::to_string(magnitude / 1000);
    int64_t rest = magnitude % 1000;
    if (!weighed && rest == 0) return whole;
    std::string decimals = std::to_string(rest);
    return whole + "." + std::string(3 - decimals.size(), '0') + decimals;
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
