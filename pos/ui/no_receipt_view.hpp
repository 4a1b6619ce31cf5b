// What the 无小票退货 screen draws: the items coming back as the lane priced them, and the total.
#pragma once

#include <string>
#include <vector>

namespace pos::ui {

struct NoReceiptItemView {
    std::string name;  // in the UI language
    std::string spec;
    std::string quantity;    // "2", "0.350 kg"
    std::string unit_price;  // "2.00", "12.80/kg"
    std::string amount;      // what it refunds
};

struct NoReceiptView {
    std::vector<NoReceiptItemView> items;
    std::string total;  // "¥6.00": before 抹零, which the lane applies to the cash refund
};

}  // namespace pos::ui
