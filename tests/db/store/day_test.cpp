// store.db's end-of-day side: shift closes and cash movements filed from delivered records,
// records kept before migration 0003 filed at open, and a day locked once.
#include <doctest/doctest.h>

#include "db/store/day.hpp"
#include "db/store/store_db.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

int64_t count(StoreDb& store, const std::string& sql) {
    auto answer = store.connection().query_text(sql);
    REQUIRE(answer.ok());
    return std::stoll(answer->value_or("-1"));
}

const char* close_payload = R"({"shift_id":"s1","lane":2,"operator":"1001","opened_at":"2026-11-23T08:00:00+08:00",)"
                            R"("closed_at":"2026-11-23T14:00:00+08:00","cash_counts":{"100.00":1},)"
                            R"("tenders":[{"tender":"cash","expected":"135.40","counted":"135.00","variance":"-0.40"},)"
                            R"({"tender":"card","expected":"24.00","counted":"24.00","variance":"0.00"}],)"
                            R"("largest_variance":"0.40","reason":"少四毛","approver":"9001"})";

const char* movement_payload =
    R"({"id":"m1","shift_id":"s1","lane":2,"kind":"pickup","amount":"100.00","reason":"","operator":"1001",)"
    R"("approver":"9001","at":"2026-11-23T11:00:00+08:00"})";

}  // namespace

TEST_CASE("store_day: shift closes and cash movements are filed once, and kept verbatim") {
    TempDir dir;
    auto store = StoreDb::open(dir.file("store.db"), true);
    REQUIRE(store.ok());
    std::vector<OutboxRecord> batch = {{1, "shift_close", "s1", close_payload, "2026-11-23T14:00:00+08:00"},
                                       {2, "cash_movement", "m1", movement_payload, "2026-11-23T11:00:00+08:00"}};
    auto acked = (*store)->apply_batch(batch, "2026-11-23T14:01:00+08:00");
    REQUIRE(acked.ok());
    CHECK((*acked)[0].was_new);
    CHECK((*acked)[1].was_new);
    auto again = (*store)->apply_batch(batch, "2026-11-23T14:02:00+08:00");
    REQUIRE(again.ok());
    CHECK_FALSE((*again)[0].was_new);
    CHECK_FALSE((*again)[1].was_new);
    auto closes = shift_closes_of_shifts(**store, {"s1"});
    REQUIRE(closes.ok());
    REQUIRE(closes->size() == 1);
    CHECK(closes->front().lane == 2);
    CHECK(closes->front().expected_cash_fen == 13540);
    CHECK(closes->front().counted_cash_fen == 13500);
    CHECK(closes->front().largest_variance_fen == 40);
    CHECK(closes->front().approver == "9001");
    CHECK(closes->front().reason == "少四毛");
    auto movements = cash_movements_of_shifts(**store, {"s1"});
    REQUIRE(movements.ok());
    REQUIRE(movements->size() == 1);
    CHECK(movements->front().kind == "pickup");
    CHECK(movements->front().amount_fen == 10000);
    CHECK(count(**store, "SELECT count(*) FROM received") == 2);
}

TEST_CASE("store_day: an unreadable cash movement is quarantined, naming the field") {
    TempDir dir;
    auto store = StoreDb::open(dir.file("store.db"), true);
    REQUIRE(store.ok());
    auto quarantined =
        (*store)->apply_batch({{7, "cash_movement", "m9", R"({"id":"m9","shift_id":"s","lane":1,"kind":"gift"})",
                                "2026-11-23T11:00:00+08:00"}},
                              "2026-11-23T11:01:00+08:00");
    REQUIRE(quarantined.ok());
    CHECK((*quarantined)[0].aside == "quarantine");
    CHECK((*quarantined)[0].reason ==
          "cash_movement m9 (outbox #7) cannot be stored: a cash_movement record from the lane cannot be read: kind "
          "must be pay_in, pay_out, pickup or no_sale");
    CHECK(count(**store, "SELECT count(*) FROM cash_movements") == 0);
}

TEST_CASE("store_day: records kept only in `received` before migration 0003 are filed when the store opens") {
    TempDir dir;
    {
        auto store = StoreDb::open(dir.file("store.db"), true);
        REQUIRE(store.ok());
        // As a 0002 store kept them: verbatim only.
        REQUIRE((*store)
                    ->connection()
                    .exec(std::string("INSERT INTO received VALUES ('shift_close', 's1', 2, '") + close_payload +
                          "', 't', '2026-11-23T14:01:00+08:00'), ('cash_movement', 'm1', 2, '" + movement_payload +
                          "', 't', '2026-11-23T11:01:00+08:00')")
                    .ok());
    }
    auto store = StoreDb::open(dir.file("store.db"), false);
    REQUIRE(store.ok());
    CHECK(count(**store, "SELECT count(*) FROM shift_closes WHERE shift_id = 's1'") == 1);
    CHECK(count(**store, "SELECT count(*) FROM cash_movements WHERE id = 'm1'") == 1);
}
