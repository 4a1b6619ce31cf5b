// posctl promo and price-change as a manager runs them: real processes on a demo data directory,
// the lane picking both up at `posctl sync --once`, exit codes and messages as documented.
#include <doctest/doctest.h>

#include <fstream>

#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/access/users.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/posctl.hpp"

using pos::testing::posctl;
using pos::testing::posctl_input;
using pos::testing::ProcessResult;
using pos::testing::TempDir;

TEST_CASE("posctl promotions: promo add, sync, a sale with the saving, then a price change by two managers") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    {
        auto lane = pos::actions::open_lane(dir.file("data"));
        REQUIRE(lane.ok());
        REQUIRE(pos::actions::add_user(*lane->db, {"8001", "赵敏", "manager", "800101"}, 1).ok());
        REQUIRE(pos::actions::add_user(*lane->db, {"8002", "钱军", "manager", "800202"}, 1).ok());
    }
    std::ofstream(dir.file("promos.json"))
        << R"({"id":"TEA","name":"茶买二送一","kind":"multi_buy","starts":"2026-11-20","ends":"2026-11-30","skus":["101003"],"buy":2,"free":1})";
    ProcessResult added = posctl_input(dir, {"promo", "add", dir.file("promos.json")}, "8001\n800101\n");
    CHECK(added.exit_code == 0);
    CHECK(added.out == "added TEA 茶买二送一: buy 2 get 1, 2026-11-20 to 2026-11-30\n");
    std::ofstream(dir.file("bad.json"))
        << R"({"id":"X","name":"x","kind":"price","starts":"2026-11-20","ends":"2026-11-30","skus":["101003"]})";
    ProcessResult bad = posctl(dir, {"promo", "add", dir.file("bad.json")});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "posctl: promotion X: the price must be above 0.00\n");
    REQUIRE(posctl(dir, {"sync", "--once"}).exit_code == 0);

    std::ofstream(dir.file("sale.jsonl"))
        << R"({"op":"login","operator":"1001","pin":"1234","now":"2026-11-23T10:00:00+08:00"})"
           "\n"
           R"({"op":"open_shift","float":"200.00","now":"2026-11-23T10:00:00+08:00"})"
           "\n"
           R"({"op":"scan","code":"6921168498505","qty":"3","now":"2026-11-23T10:01:00+08:00"})"
           "\n"
           R"({"op":"tender","method":"cash","amount":"10.00","now":"2026-11-23T10:02:00+08:00"})"
           "\n";
    ProcessResult sale = posctl(dir, {"session", "run", dir.file("sale.jsonl")});
    REQUIRE(sale.exit_code == 0);
    CHECK(sale.out.find(R"("total":"10.00")") != std::string::npos);  // 3 x 5.00, one free
    REQUIRE(posctl(dir, {"sync", "--once"}).exit_code == 0);
    std::string store = dir.file("data") + "/store.db";
    CHECK(pos::testing::query_count(store, "SELECT discount_fen FROM sale_lines WHERE promotion = '茶买二送一'") ==
          500);

    std::ofstream(dir.file("prices.csv")) << "sku,old_price,new_price\n101001,2.00,2.20\n";
    ProcessResult created =
        posctl_input(dir,
                     {"price-change", "create", "--file", dir.file("prices.csv"), "--effective", "2036-11-24",
                      "--reason", "供应商调价", "--by", "8001", "--now", "2036-11-23T18:00:00+08:00"},
                     "800101\n");
    REQUIRE(created.exit_code == 0);
    ProcessResult self = posctl_input(dir, {"price-change", "approve", "1", "--by", "8001"}, "800101\n");
    CHECK(self.exit_code == 1);
    CHECK(self.err.find("cannot approve their own request") != std::string::npos);
    REQUIRE(posctl_input(dir, {"price-change", "approve", "1", "--now", "2036-11-23T18:05:00+08:00"}, "8002\n800202\n")
                .exit_code == 0);
    ProcessResult due = posctl(dir, {"price-change", "apply-due", "--now", "2036-11-24T07:00:00+08:00"});
    CHECK(due.out == "price change 1 applied to the catalog\n");
    REQUIRE(posctl(dir, {"sync", "--once"}).exit_code == 0);
    CHECK(pos::testing::query_count(dir.file("data") + "/lane.db",
                                    "SELECT price_fen FROM items WHERE sku = '101001'") == 220);
    ProcessResult shown = posctl(dir, {"price-change", "show", "1"});
    CHECK(shown.out.find("approved 2036-11-23T18:05:00+08:00 by 8002") != std::string::npos);
    CHECK(shown.out.find("101001           2.00 ->       2.20") != std::string::npos);
}
