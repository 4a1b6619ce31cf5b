// lane.db returns: what earlier returns add up to, and a commit refused by its guard leaving
// nothing behind (no sale, no outbox row, no receipt number used).
#include <doctest/doctest.h>

#include "db/lane/lane_db.hpp"
#include "db/lane/returns.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

SaleRecord water_sale(const std::string& id, int64_t milli, int64_t amount_fen) {
    SaleRecord sale;
    sale.id = id;
    sale.lane = 1;
    sale.shift_id = "shift-1";
    sale.operator_id = "1001";
    sale.completed_at = "2026-11-23T09:05:00+08:00";
    sale.total_fen = amount_fen;
    sale.paid_fen = amount_fen;
    sale.item_count_milli = milli;
    SaleLineRecord line;
    line.line_no = 1;
    line.sku = "101001";
    line.name_zh = "农夫山泉饮用天然水";
    line.quantity_milli = milli;
    line.unit_price_fen = 200;
    line.amount_fen = amount_fen;
    sale.lines.push_back(line);
    sale.tenders.push_back(TenderRecord{1, "card", amount_fen, ""});
    return sale;
}

// A return of `milli` of line 1 of "sale-1", refunded to the card.
SaleRecord water_return(const std::string& id, int64_t milli, int64_t refund_fen) {
    SaleRecord back = water_sale(id, -milli, -refund_fen);
    back.kind = "return";
    back.original_sale_id = "sale-1";
    back.reason = "破损";
    back.approved_by = "9001";
    back.lines[0].original_line_no = 1;
    return back;
}

auto payload = [](const SaleRecord& sale) { return "{\"id\":\"" + sale.id + "\"}"; };

int64_t count(LaneDb& lane, const std::string& sql) {
    auto answer = lane.connection().query_text(sql);
    REQUIRE(answer.ok());
    return std::stoll(answer->value_or("-1"));
}

}  // namespace

TEST_CASE("lane_returns: the history adds up every return of a sale by line and tender") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->open_shift(ShiftRecord{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}}, "{}").ok());
    REQUIRE((*lane)->commit_sale(water_sale("sale-1", 3000, 600), payload).ok());
    auto none = return_history((*lane)->connection(), "sale-1");
    REQUIRE(none.ok());
    CHECK(none->returns == 0);
    CHECK(none->lines.empty());
    REQUIRE((*lane)->commit_sale(water_return("return-1", 1000, 200), payload).ok());
    REQUIRE((*lane)->commit_sale(water_return("return-2", 1500, 300), payload).ok());
    auto history = return_history((*lane)->connection(), "sale-1");
    REQUIRE(history.ok());
    CHECK(history->returns == 2);
    CHECK(history->lines.at(1).quantity_milli == 2500);
    CHECK(history->lines.at(1).refunded_fen == 500);
    CHECK(history->tenders.at("card") == 500);
    // Read back with its return columns.
    auto stored = (*lane)->find_sale("return-2");
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->kind == "return");
    CHECK((*stored)->original_sale_id == "sale-1");
    CHECK((*stored)->reason == "破损");
    CHECK((*stored)->approved_by == "9001");
    CHECK((*stored)->lines[0].original_line_no == 1);
}

TEST_CASE("lane_returns: returns are listed one by one, and one seen twice (store and lane) counts once") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->open_shift(ShiftRecord{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}}, "{}").ok());
    REQUIRE((*lane)->commit_sale(water_sale("sale-1", 3000, 600), payload).ok());
    REQUIRE((*lane)->commit_sale(water_return("return-1", 1000, 200), payload).ok());
    auto own = returns_of((*lane)->connection(), "sale-1");
    REQUIRE(own.ok());
    REQUIRE(own->size() == 1);
    CHECK((*own)[0].id == "return-1");
    CHECK((*own)[0].lane == 1);
    CHECK((*own)[0].lines.at(1).quantity_milli == 1000);
    CHECK((*own)[0].tenders.at("card") == 200);

    // The store knows return-1 (synced) and lane 2's return-9; the lane adds its own list.
    std::vector<ReturnTaken> all{(*own)[0],
                                 ReturnTaken{"return-9", 2, {{1, ReturnedLine{1500, 300}}}, {{"cash", 300}}}};
    all.insert(all.end(), own->begin(), own->end());
    ReturnHistory history = history_of(all);
    CHECK(history.returns == 2);
    CHECK(history.lines.at(1).quantity_milli == 2500);
    CHECK(history.lines.at(1).refunded_fen == 500);
    CHECK(history.tenders.at("card") == 200);
    CHECK(history.tenders.at("cash") == 300);
}

TEST_CASE("lane_returns: a return against another lane's sale keeps that sale's lane and receipt number") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    auto none = foreign_original((*lane)->connection(), "return-1");
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    REQUIRE(save_foreign_original((*lane)->connection(), "return-1", "sale-of-lane-3", 3, 42).ok());
    auto kept = foreign_original((*lane)->connection(), "return-1");
    REQUIRE(kept.ok());
    REQUIRE(kept->has_value());
    CHECK(**kept == std::pair<int64_t, int64_t>{3, 42});
    // One original per return.
    CHECK_FALSE(save_foreign_original((*lane)->connection(), "return-1", "sale-of-lane-3", 3, 42).ok());
}

TEST_CASE("lane_returns: a commit its guard refuses leaves no sale, no outbox row, no receipt number") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->open_shift(ShiftRecord{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}}, "{}").ok());
    REQUIRE((*lane)->commit_sale(water_sale("sale-1", 3000, 600), payload).ok());
    auto refuse = [&]() -> DbStatus {
        auto history = return_history((*lane)->connection(), "sale-1");
        if (!history) return history.error();
        return DbError{DbErrorCode::constraint, "line 1 was returned meanwhile"};
    };
    auto refused = (*lane)->commit_sale(water_return("return-1", 1000, 200), payload, refuse);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == "line 1 was returned meanwhile");
    CHECK(count(**lane, "SELECT count(*) FROM sales") == 1);
    CHECK(count(**lane, "SELECT count(*) FROM outbox") == 2);  // the shift and the sale
    auto next = (*lane)->commit_sale(water_return("return-1", 1000, 200), payload);
    REQUIRE(next.ok());
    CHECK(*next == 2);  // the refused commit took no number
}
