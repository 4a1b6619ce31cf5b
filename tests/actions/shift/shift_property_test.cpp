// Property: for random valid days of sales and drawer movements, the X report's expected cash
// equals float + cash received − change + pay-ins − pay-outs − pickups, summed independently
// from the action results; card and mobile totals match the same way.
#include <doctest/doctest.h>

#include <random>

#include <nlohmann/json.hpp>

#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::actions;
using nlohmann::json;
using pos::core::Money;

namespace {

Money money(const json& value) { return *Money::parse(value.get<std::string>()); }

}  // namespace

TEST_CASE("shift_property: expected cash identity holds over random days") {
    setenv("POS_ASSETS_DIR", POS_SOURCE_DIR "/assets", 1);
    const char* codes[] = {"6921168176748", "6921168861569", "6921168498505", "2200101005005", "00101"};
    for (unsigned seed = 1; seed <= 8; ++seed) {
        CAPTURE(seed);
        pos::testing::TempDir dir;
        REQUIRE(init_data_dir(dir.path(), true).ok());
        auto files = open_lane(dir.path());
        REQUIRE(files.ok());
        Lane lane(*files->db, files->config);
        auto run = [&lane](const json& action) {
            return apply_action(lane, action, [] { return std::string("2026-11-23T12:00:00+08:00"); });
        };
        std::mt19937 random(seed);
        auto pick = [&random](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };

        REQUIRE(run({{"op", "login"}, {"operator", "1001"}, {"pin", "1234"}})["ok"] == true);
        Money drawer = Money::yuan(200 + pick(300));
        REQUIRE(run({{"op", "open_shift"}, {"float", drawer.to_string()}})["ok"] == true);
        Money card, mobile;

        for (int step = 0; step < 40; ++step) {
            int what = pick(10);
            if (what < 7) {  // a sale of 1-4 lines
                Money total;
                for (int line = 0, lines = 1 + pick(4); line < lines; ++line) {
                    json scan = {{"op", "scan"}, {"code", codes[pick(5)]}};
                    if (scan["code"] == "00101") scan["qty"] = "0." + std::to_string(100 + pick(800));
                    json result = run(scan);
                    REQUIRE(result["ok"] == true);
                    total = money(result["total"]);
                }
                int how = pick(4);  // 0 cash, 1 card or mobile, 2 cash, 3 split: card or mobile then cash
                Money non_cash_part;
                if (how == 1 || how == 3) {
                    bool split = how == 3 && total > Money::yuan(2);
                    non_cash_part = split ? Money::fen(total.in_fen() / 2) : total;
                    const char* method = pick(2) == 0 ? "card" : "mobile";
                    json paid = run({{"op", "tender"},
                                     {"method", method},
                                     {"amount", non_cash_part.to_string()},
                                     {"partial", split}});
                    REQUIRE(paid["ok"] == true);
                    (std::string(method) == "card" ? card : mobile) += non_cash_part;
                    if (!split) continue;
                }
                // Cash for what is left: a 100 note when it covers it, else exact.
                json cash = {{"op", "tender"}, {"method", "cash"}};
                if (pick(2) == 0) cash["amount"] = Money::yuan(100).to_string();
                json paid = run(cash);
                if (paid["ok"] != true) paid = run({{"op", "tender"}, {"method", "cash"}});
                CAPTURE(paid.dump());
                REQUIRE(paid["complete"] == true);
                // What stays in the drawer: the sale's total (after 抹零) less its non-cash part.
                drawer += money(paid["total"]) - non_cash_part;
            } else if (what == 7) {
                Money amount = Money::yuan(1 + pick(50));
                REQUIRE(run({{"op", "pay_in"}, {"amount", amount.to_string()}, {"reason", "零钱"}})["ok"] == true);
                drawer += amount;
            } else if (what == 8) {
                Money amount = Money::yuan(1 + pick(20));
                json out = run({{"op", "pay_out"}, {"amount", amount.to_string()}, {"reason", "杂费"}});
                if (out["ok"] == true) drawer -= amount;
            } else {
                Money amount = Money::yuan(10 + pick(100));
                json pickup =
                    run({{"op", "pickup"}, {"amount", amount.to_string()}, {"approver", "9001"}, {"pin", "999999"}});
                if (pickup["ok"] == true) drawer -= amount;
            }
        }
        // Expected cash is shown to a supervisor (the cashier's X report leaves it out).
        REQUIRE(run({{"op", "logout"}})["ok"] == true);
        REQUIRE(run({{"op", "login"}, {"operator", "9001"}, {"pin", "999999"}})["ok"] == true);
        json x = run({{"op", "x_report"}});
        CAPTURE(x.dump());
        Money reported_card = x["non_cash"].contains("card") ? money(x["non_cash"]["card"]) : Money{};
        Money reported_mobile = x["non_cash"].contains("mobile") ? money(x["non_cash"]["mobile"]) : Money{};
        CHECK(reported_card == card);
        CHECK(reported_mobile == mobile);
        CHECK(money(x["expected_cash"]) == drawer);
    }
}
