// What the customer's own window on a dual-screen till (双屏) shows, from the customer display's
// scene and the ticket's lines: pure, so it is tested without a window (docs/devices.md "The customer's screen").
#pragma once

#include <string>
#include <vector>

#include "pos/actions/devices/customer_scene.hpp"
#include "pos/ui/views.hpp"
#include "pos/ui/widgets.hpp"

namespace pos::ui {

struct CustomerView {
    enum class Kind {
        welcome,       // no sale: the welcome text
        sale,          // lines being scanned, the running total
        paying,        // the payment screen: the total, what is paid so far
        show_code,     // 扫码支付: the customer should show their payment code
        waiting_code,  // the code is charged: the customer confirms on their phone
        change,        // the sale is done: paid and the change
    };
    Kind kind = Kind::welcome;
    std::string store;            // the store's name, on top
    std::string welcome;          // [display] idle_text, else the store name
    std::vector<LineView> lines;  // the ticket's live lines, in order
    int highlighted = 0;          // the line just scanned (its number), 0: none
    std::string total;            // "¥12.50"
    std::string paid;             // empty until something is paid
    std::string change;           // kind change only
};

// Where the checkout stands for the customer's window: the display's scene, the sale screen's
// lines (voided ones are left out: the customer does not pay for them) and the payment-code phase.
struct CustomerMomentView {
    actions::CustomerScene scene;
    std::vector<LineView> lines;
    int selected_line = 0;
    bool paying = false;        // the payment screen is up, or part of the sale is paid
    bool code_entry = false;    // the F4 screen waits for the customer's code
    bool code_waiting = false;  // the gateway charges it
    std::string store;
    std::string welcome;
};

[[nodiscard]] CustomerView make_customer_view(const CustomerMomentView& moment);

// The customer's window, the whole of it: the store's name on top, then the welcome text, or the
// lines beside the total, the payment-code prompt, or the change.
void draw_customer_screen(const CustomerView& view, const Ui& ui);

// A short name of `kind` for the test hook (pos --state-file): "welcome", "sale", ...
[[nodiscard]] const char* customer_kind_name(CustomerView::Kind kind);

}  // namespace pos::ui
