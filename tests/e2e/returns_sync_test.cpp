// A return (红字) made by `posctl session run` reaches store.db through `posctl sync --once`:
// negative quantities, amounts and tenders, the original sale named, reason and approver kept.
#include <doctest/doctest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/posctl.hpp"

using nlohmann::json;
using pos::testing::ProcessResult;
using pos::testing::TempDir;
using pos::testing::posctl;
using pos::testing::store_text;

TEST_CASE("returns: a return reaches store.db with negative amounts and its original sale") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("day.jsonl")) << R"({"op":"login","operator":"1001","pin":"1234"})" "\n"
                                            R"({"op":"open_shift","float":"200.00"})" "\n"
                                            R"({"op":"scan","code":"6921168176748","qty":"3"})" "\n"
                                            R"({"op":"tender","method":"cash","amount":"10.00"})" "\n"
                                            R"({"op":"return","receipt":"0100000001","lines":[{"line":1,"qty":"2"}],)"
                                            R"("reason":"破损","approver":"9001","pin":"9999"})" "\n";
    ProcessResult run = posctl(dir, {"session", "run", dir.file("day.jsonl")});
    CAPTURE(run.out);
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.out.find("\"ok\":false") == std::string::npos);

    ProcessResult sync = posctl(dir, {"sync", "--once"});
    CAPTURE(sync.err);
    REQUIRE(sync.exit_code == 0);

    CHECK(store_text(dir, "SELECT count(*) FROM sales WHERE kind = 'return'") == "1");
    CHECK(store_text(dir, "SELECT total_fen || ' ' || paid_fen || ' ' || item_count_milli FROM sales WHERE kind = 'return'") ==
          "-400 -400 -2000");
    CHECK(store_text(dir, "SELECT r.original_sale_id = s.id FROM sales r, sales s WHERE r.kind = 'return' AND s.kind = 'sale'") ==
          "1");
    CHECK(store_text(dir, "SELECT reason || ' ' || approved_by FROM sales WHERE kind = 'return'") == "破损 9001");
    CHECK(store_text(dir, "SELECT l.quantity_milli || ' ' || l.amount_fen || ' ' || l.original_line_no FROM sale_lines l "
                          "JOIN sales s ON s.id = l.sale_id WHERE s.kind = 'return'") == "-2000 -400 1");
    CHECK(store_text(dir, "SELECT t.method || ' ' || t.amount_fen FROM sale_tenders t JOIN sales s ON s.id = t.sale_id "
                          "WHERE s.kind = 'return'") == "cash -400");
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("data/store.db"));
}
