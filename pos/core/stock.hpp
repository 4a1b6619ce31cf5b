// Stock as a ledger (docs/stock.md): each item's position is what its movements add up to, valued
// at moving average cost, so a count's variance has a value and a suggested order (要货) follows
// from sales, stock and what is on its way. Pure functions on integers: quantities in thousandths
// (grams for weighed goods), money in fen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pos/core/money.hpp"
#include "pos/core/result.hpp"

namespace pos::core {

struct StockPosition {
    int64_t on_hand_milli = 0;
    int64_t value_fen = 0;      // what the stock on hand cost
    int64_t unit_cost_fen = 0;  // moving average cost of one unit (or kg); kept when stock runs out
};

// Goods in at a cost (a delivery, a transfer in): the average moves to the new blend. Stock
// below zero (sold before it was booked in) is first made good at the new cost.
[[nodiscard]] StockPosition receive(StockPosition position, int64_t quantity_milli, Money unit_cost);

// Goods out (a sale, a transfer out, a write-off, a shortage found by a count) or back in without
// a new cost (a return, a surplus): valued at the average, which does not move.
[[nodiscard]] StockPosition move_at_average(StockPosition position, int64_t change_milli);

// One ledger movement applied to a position: goods in with a cost are received at that cost, every
// other movement goes at the average. Reading an item's movements in order through this gives its
// stock on hand, value and moving average cost.
[[nodiscard]] StockPosition post_movement(StockPosition position, int64_t quantity_milli,
                                          std::optional<int64_t> unit_cost_fen);

// `quantity_milli` at `unit_cost_fen` per unit, rounded half up to the fen.
[[nodiscard]] Money stock_value(int64_t quantity_milli, int64_t unit_cost_fen);

struct CountVariance {
    int64_t expected_milli = 0;  // the snapshot at the count's start, moved by what sold or arrived since
    int64_t counted_milli = 0;
    int64_t difference_milli = 0;  // counted − expected: negative is a shortage
    Money value;                   // the difference at average cost
};

// A counted item's variance: the count reflects the shelf after the sales made between the
// snapshot and the count, so those are taken off what was expected.
[[nodiscard]] CountVariance count_variance(int64_t snapshot_milli, int64_t moved_since_snapshot_milli,
                                           int64_t counted_milli, int64_t unit_cost_fen);

struct ReplenishmentFacts {
    int64_t sold_milli = 0;  // sold in the window
    int window_days = 28;
    int cover_days = 7;  // how long an order must last: until the next delivery and its lead time
    int64_t on_hand_milli = 0;
    int64_t in_transit_milli = 0;  // ordered or transferred, not yet received
    int64_t threshold_milli = 0;   // the item's low-stock threshold (库存预警值), kept as safety stock
    int64_t pack_milli = 1000;     // the distribution centre's pack (a case of 12 is 12000)
};

// The quantity to order (要货): enough for `cover_days` of average sales plus the threshold, less
// what is on hand and on its way, rounded up to whole packs; never below zero.
[[nodiscard]] int64_t suggested_order_milli(const ReplenishmentFacts& facts);

struct DeliveryLineCheck {
    int64_t booked_milli = 0;   // the good quantity that goes into stock
    int64_t short_milli = 0;    // on the note, not delivered
    int64_t over_milli = 0;     // delivered beyond the note
    int64_t damaged_milli = 0;  // delivered damaged: refused, not booked
};

// What a checked delivery line means: `received` good and `damaged` broken of `expected` on the note.
[[nodiscard]] DeliveryLineCheck check_delivery_line(int64_t expected_milli, int64_t received_milli,
                                                    int64_t damaged_milli);

// A quantity as a person writes it on a sheet: whole units for counted goods ("12"), kilograms
// with up to three decimals for weighed goods ("1.250" is 1250 g). Negative and empty are refused;
// the message says what to write.
[[nodiscard]] Result<int64_t> parse_stock_quantity(std::string_view text, bool weighed);

// The other way round: "12" for 12000 counted, "1.250" for 1250 g weighed.
[[nodiscard]] std::string stock_quantity_text(int64_t quantity_milli, bool weighed);

}  // namespace pos::core
