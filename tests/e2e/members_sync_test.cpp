// Member accounts end to end: `posctl member add`, a split sale on account and a repayment by
// `posctl session run`, `posctl sync --once` to store.db, and `posctl member statement`.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/posctl.hpp"

using pos::testing::posctl;
using pos::testing::ProcessResult;
using pos::testing::store_text;
using pos::testing::TempDir;

TEST_CASE("members: account sales and repayments reach store.db and the statement adds up") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    ProcessResult added =
        posctl(dir, {"member", "add", "88000001", "--name", "王芳", "--phone", "13800138000", "--limit", "50.00"});
    CAPTURE(added.err);
    REQUIRE(added.exit_code == 0);
    CHECK(added.out == "added member 88000001 王芳 with a credit limit of 50.00\n");
    CHECK(posctl(dir, {"member", "add", "88000001", "--name", "李四", "--limit", "10"}).exit_code == 2);
    CHECK(store_text(dir, "SELECT name || ' ' || limit_fen || ' ' || balance_fen FROM members") == "王芳 5000 0");

    // 5 L water × 6 = 54.00: 50.00 on account, 4.00 cash; then 30.00 repaid in cash.
    std::ofstream(dir.file("day.jsonl")) << R"({"op":"login","operator":"1001","pin":"1234"})"
                                            "\n"
                                            R"({"op":"open_shift","float":"200.00"})"
                                            "\n"
                                            R"({"op":"apply_member","member":"13800138000"})"
                                            "\n"
                                            R"({"op":"scan","code":"6921168861569","qty":"6"})"
                                            "\n"
                                            R"({"op":"tender","method":"account","amount":"50.00","partial":true})"
                                            "\n"
                                            R"({"op":"tender","method":"cash","amount":"4.00"})"
                                            "\n"
                                            R"({"op":"pay_account","member":"88000001","amount":"30.00"})"
                                            "\n";
    ProcessResult run = posctl(dir, {"session", "run", dir.file("day.jsonl")});
    CAPTURE(run.out);
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.out.find("\"ok\":false") == std::string::npos);

    ProcessResult sync = posctl(dir, {"sync", "--once"});
    CAPTURE(sync.err);
    REQUIRE(sync.exit_code == 0);
    CHECK(store_text(dir, "SELECT balance_fen FROM members WHERE card = '88000001'") == "2000");
    CHECK(store_text(dir,
                     "SELECT group_concat(kind || ' ' || amount_fen || ' ' || balance_after_fen, ', ') FROM "
                     "(SELECT * FROM member_movements ORDER BY at, kind DESC)") ==
          "sale 5000 5000, repayment -3000 2000");
    CHECK(store_text(dir, "SELECT t.reference FROM sale_tenders t WHERE t.method = 'account'") == "88000001");
    CHECK(store_text(dir, "SELECT kind || ' ' || amount_fen FROM cash_movements") == "pay_in 3000");

    // Syncing again files nothing twice.
    REQUIRE(posctl(dir, {"sync", "--once"}).exit_code == 0);
    CHECK(store_text(dir, "SELECT count(*) || ' ' || sum(amount_fen) FROM member_movements") == "2 2000");

    ProcessResult statement = posctl(dir, {"member", "statement", "88000001"});
    CAPTURE(statement.err);
    REQUIRE(statement.exit_code == 0);
    CHECK(statement.out.find("credit limit 50.00  owed 20.00  available 30.00") != std::string::npos);
    CHECK(statement.out.find("sale       0100000001       50.00       50.00") != std::string::npos);
    CHECK(statement.out.find("repayment  -               -30.00       20.00") != std::string::npos);
    ProcessResult missing = posctl(dir, {"member", "show", "139"});
    CHECK(missing.exit_code != 0);
    CHECK(missing.err.find("no member with card or phone 139") != std::string::npos);
}
