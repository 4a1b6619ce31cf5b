// What the customer display shows at each moment of a sale, worked out from the ticket alone and
// turned into what an LED8 or a two-line VFD shows. Pure: no port, no thread (customer_display.hpp
// sends it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "drivers/display/display_worker.hpp"
#include "pos/core/cash_rounding.hpp"
#include "pos/core/money.hpp"
#include "pos/core/ticket.hpp"

namespace pos::actions {

struct CustomerScene {
    enum class Kind {
        idle,    // no sale: the welcome text
        item,    // an item just scanned (or selected): its price, and the running total
        total,   // paying: what the customer owes
        paid,    // a split payment under way: the total and what is paid so far
        change,  // the sale is complete: what was paid and the change
    };
    Kind kind = Kind::idle;
    std::string name;    // item: its name as the ticket shows it
    core::Money price;   // item: unit price (per kg for weighed goods)
    core::Money total;   // the running total, or the sale's total
    core::Money paid;    // paid, change: what the customer handed over
    core::Money change;  // change: what goes back
    bool operator==(const CustomerScene&) const = default;
};

// Where the checkout stands, as the display needs it.
struct CustomerMoment {
    const core::Ticket* ticket = nullptr;  // the open ticket (may be empty)
    core::CashRounding rounding;
    bool paying = false;    // the payment screen is up
    int selected_line = 0;  // the line the cashier scanned or moved to last; 0: none
    bool chinese = true;    // item names in Chinese (else the English name when there is one)
    // The sale just completed, while its change is on the cashier's screen.
    struct Done {
        core::Money total;
        core::Money paid;
        core::Money change;
    };
    std::optional<Done> done;
};

[[nodiscard]] CustomerScene customer_scene(const CustomerMoment& moment);

// The words a VFD shows beside the amounts, in the lane's language (assets/i18n "display.*").
struct DisplayLabels {
    std::string price = "单价";
    std::string total = "合计";
    std::string paid = "收款";
    std::string change = "找零";
};

// The width `utf8` takes on a display of `charset`: GB2312 characters take two columns, and
// on an ASCII display every character one (it shows as '?').
[[nodiscard]] int display_columns(std::string_view utf8, drivers::display::VfdCharset charset);
// `left` and `right` on one line of `columns`: `right` flush right, `left` cut (never through a
// character) so that at least one space stays between them.
[[nodiscard]] std::string display_line(std::string_view left, std::string_view right, int columns,
                                       drivers::display::VfdCharset charset);

// The LED8 shows one amount under one lamp: 单价 for an item, 合计 while paying, 收款 while a
// split payment is under way, 找零 when the sale is done; all lamps off and 0 when idle. The VFD
// shows two lines: item name and price over the running total; the total (and paid so far); paid
// over change; the idle text alone.
[[nodiscard]] drivers::display::DisplayContent display_content(const CustomerScene& scene,
                                                               const drivers::display::VfdOptions& vfd,
                                                               const DisplayLabels& labels, std::string_view idle_text);

}  // namespace pos::actions
