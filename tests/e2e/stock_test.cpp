// posctl stock and posctl report stock as the stock clerk and the manager run them: a delivery
// received, checked and approved, a sale synced from the lane, the stock report and the daily
// report agreeing with the ledger by hand; a bad sheet exits 2 and changes nothing.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/posctl.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using pos::testing::posctl;
using pos::testing::posctl_input;
using pos::testing::ProcessResult;
using pos::testing::store_text;
using pos::testing::TempDir;

TEST_CASE("posctl stock: receive, check, approve, sell, report: the figures of a ledger by hand") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("note.csv")) << "sku,quantity,unit_cost\n101001,48,1.40\n107001,10.5,8.20\n";
    std::ofstream(dir.file("check.csv")) << "sku,received,damaged,reason\n101001,40,2,纸箱压坏\n";
    std::ofstream(dir.file("bad.csv")) << "sku,quantity,unit_cost\n101001,x,1.40\n999999,1,1.00\n";

    ProcessResult bad = posctl_input(dir,
                                     {"stock", "receive", "import", dir.file("bad.csv"), "--number", "PS-0", "--by",
                                      "1001", "--now", "2026-12-07T07:50:00+08:00"},
                                     "1234\n");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err ==
          "posctl: 2 bad rows in the sheet, nothing was changed:\n"
          "  row 2, column quantity: \"x\" is not a quantity: write whole units like 12\n"
          "  row 3, column sku: there is no item \"999999\" in the store's catalog\n");
    CHECK(store_text(dir, "SELECT count(*) FROM stock_documents") == "0");

    ProcessResult imported =
        posctl_input(dir,
                     {"stock", "receive", "import", dir.file("note.csv"), "--number", "PS-1", "--supplier", "配送中心",
                      "--by", "1001", "--now", "2026-12-07T08:00:00+08:00"},
                     "1234\n");
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out.starts_with(
        "1 receipt (入库单) PS-1  open  配送中心  created 2026-12-07T08:00:00+08:00 by 1001\n"));
    ProcessResult checked = posctl_input(dir,
                                         {"stock", "receive", "check", "1", "--file", dir.file("check.csv"),
                                          "--as-noted", "--by", "1001", "--now", "2026-12-07T08:20:00+08:00"},
                                         "1234\n");
    REQUIRE(checked.exit_code == 0);
    CHECK(checked.out.find("received 40  short 6  damaged 2  \"纸箱压坏\"") != std::string::npos);
    ProcessResult own = posctl_input(dir, {"stock", "approve", "1", "--by", "1001"}, "1234\n");
    CHECK(own.exit_code == 1);
    ProcessResult approved =
        posctl_input(dir, {"stock", "approve", "1", "--by", "8801", "--now", "2026-12-07T08:30:00+08:00"}, "888888\n");
    REQUIRE(approved.exit_code == 0);
    CHECK(approved.out.ends_with("booked: 2 movements in the stock ledger\n"));

    std::ofstream(dir.file("sale.jsonl"))
        << R"({"op":"login","operator":"1001","pin":"1234","now":"2026-12-07T09:00:00+08:00"})"
           "\n"
        << R"({"op":"open_shift","float":"200.00","now":"2026-12-07T09:00:00+08:00"})"
           "\n"
        << R"({"op":"scan","code":"6921168176748","qty":"3","now":"2026-12-07T09:05:00+08:00"})"
           "\n"
        << R"({"op":"tender","method":"cash","amount":"10.00","now":"2026-12-07T09:05:00+08:00"})"
           "\n";
    REQUIRE(posctl(dir, {"session", "run", dir.file("sale.jsonl")}).exit_code == 0);
    REQUIRE(posctl(dir, {"sync", "--once"}).exit_code == 0);

    // 101001: 40 at 1.40 = 56.00, 3 sold: 37 left worth 51.80. 107001: 10.5 kg at 8.20 = 86.10.
    ProcessResult csv = posctl(dir, {"report", "stock", "--from", "2026-12-07", "--to", "2026-12-07", "--format", "csv",
                                     "--now", "2026-12-07T20:00:00+08:00"});
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out ==
          "sku,name,department,opening,received,sold,sent,adjusted,closing,unit_cost,value\n"
          "101001,农夫山泉饮用天然水,饮料,0,40,3,0,0,37,1.40,51.80\n"
          "107001,红富士苹果,生鲜果蔬,0.000,10.500,0.000,0.000,0.000,10.500,8.20,86.10\n");
    ProcessResult daily = posctl(dir, {"report", "daily", "--date", "2026-12-07", "--format", "csv"});
    REQUIRE(daily.exit_code == 0);
    CHECK(daily.out.find("101001") != std::string::npos);  // 37 ≤ 48: low stock from the ledger
    CHECK(store_text(dir, "SELECT sum(quantity_milli) FROM stock_movements WHERE sku = '101001'") == "37000");
    ProcessResult html = posctl(dir, {"report", "stock", "--format", "html", "--now", "2026-12-07T20:00:00+08:00"});
    CHECK(html.exit_code == 0);
    CHECK(html.out.find("<td class=\"n\">51.80</td>") != std::string::npos);
}
