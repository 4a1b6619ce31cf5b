// One hand-checked day at the till, shared by the shift-close and end-of-day tests:
//   sale 1  water×3 6.00 + apples 0.350 kg 4.48 = 10.48, cash 50 → 抹零 −0.08, total 10.40, change 39.60
//   sale 2  5 L water 9.00 by card
//   sale 3  5 L water×2 18.00 + water 2.00 = 20.00: card 15.00 (split) + cash 10.00 → change 5.00
//   sale 4  water 2.00 by mobile
//   pay-in 50.00, pay-out 30.00, pickup 100.00, one no-sale
//   expected cash = 200 + (50 + 10) − (39.60 + 5.00) + 50 − 30 − 100 = 135.40
//   card 24.00, mobile 2.00, net sales 41.40
#pragma once

#include "tests/support/demo_lane.hpp"

namespace pos::testing {

// Logs in 1001, opens the shift with a 200.00 float at 08:00, and rings the day above.
inline void ring_the_day(DemoLane& s) {
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00","now":"2026-11-23T08:00:00+08:00"})");
    s.ok(R"({"op":"scan","code":"6921168176748","qty":"3"})");
    s.ok(R"({"op":"scan","code":"00101","qty":"0.350"})");
    s.ok(R"({"op":"tender","method":"cash","amount":"50.00"})");
    s.ok(R"({"op":"scan","code":"6921168861569"})");
    s.ok(R"({"op":"tender","method":"card"})");
    s.ok(R"({"op":"scan","code":"6921168861569","qty":"2"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    s.ok(R"({"op":"tender","method":"card","amount":"15.00","partial":true})");
    s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    s.ok(R"({"op":"tender","method":"mobile"})");
    s.ok(R"({"op":"pay_in","amount":"50.00","reason":"零钱"})");
    s.ok(R"({"op":"pay_out","amount":"30.00","reason":"买胶带"})");
    s.ok(R"({"op":"pickup","amount":"100.00","approver":"9001","pin":"999999"})");
    s.ok(R"({"op":"no_sale","reason":"换零钱"})");
}

}  // namespace pos::testing
