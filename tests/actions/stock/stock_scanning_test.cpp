// Counting and checking deliveries by scanning at lanes (count_scan, receive_scan), synced into
// the store's documents, against figures worked out by hand: two lanes counting into one count
// with a sale between snapshot and count, a scan twice adding up, a batch sent again filed once,
// weighed goods from the scale and typed, scans the store cannot file kept with the reason, a
// delivery checked line by line with short and damaged quantities.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "db/lane/outbox.hpp"
#include "db/lane/stock_scans.hpp"
#include "db/store/stock.hpp"
#include "db/store/stock_scans.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "pos/actions/stock/stock_desk.hpp"
#include "pos/actions/stock/stock_documents.hpp"
#include "pos/actions/stock/stock_valuation.hpp"
#include "pos/actions/stock/stocktake.hpp"
#include "sync/sync_worker.hpp"
#include "tests/support/demo_lane.hpp"

using namespace pos::actions;

namespace {

const Approval clerk{"1001", "1234"};
const Approval supervisor{"9001", "999999"};
const Approval manager{"8801", "888888"};

// The demo store with its store.db, and lane 1 on it (direct mode).
struct ScanStore : pos::testing::DemoLane {
    std::unique_ptr<pos::db::StoreDb> store;

    ScanStore() : DemoLane("2026-12-07T08:00:00+08:00") {
        auto opened = pos::db::StoreDb::open(dir.path() + "/store.db", false);
        REQUIRE(opened.ok());
        store = std::move(*opened);
    }

    // Delivers `lane_db`'s outbox into this store as lane `config.lane`.
    void sync(pos::db::LaneDb& lane_db, const LaneConfig& config) {
        auto sink = store_sink_opener(dir.path(), config)();
        REQUIRE(sink.ok());
        auto outcome =
            pos::sync::sync_pass(lane_db, **sink, 50, [] { return std::string("2026-12-07T23:00:00+08:00"); });
        REQUIRE_FALSE(outcome.error.has_value());
    }
    void sync() { sync(*files.db, files.config); }

    void receive(const std::string& number, const std::string& csv, const std::string& at) {
        auto note = import_delivery(*lane, *files.db, *store, {csv, number, "配送中心", clerk}, at);
        REQUIRE_MESSAGE(note.ok(), note.error().message);
        REQUIRE(check_delivery(*lane, *files.db, *store, note->id, {"", true, clerk}, at).ok());
        REQUIRE(approve_stock_document(*lane, *files.db, *store, note->id, manager, at).ok());
    }

    CountVarianceLine variance_of(int64_t count, const std::string& sku) {
        auto document = stock_document(*store, count);
        REQUIRE(document.ok());
        auto lines = count_variances(*store, *document);
        REQUIRE(lines.ok());
        auto found = std::find_if(lines->begin(), lines->end(), [&](auto& line) { return line.sku == sku; });
        REQUIRE(found != lines->end());
        return *found;
    }
};

// A second lane of the same store: its own data directory and lane.db, lane number 2.
struct SecondLane : pos::testing::DemoLane {
    SecondLane() : DemoLane("2026-12-07T08:00:00+08:00") {
        files.config.lane = 2;
        lane = std::make_unique<Lane>(*files.db, files.config);
    }
};

std::string at(const std::string& time) { return "2026-12-07T" + time + ":00+08:00"; }

}  // namespace

TEST_CASE("stock scanning: two lanes count one count at once, their counts add up, a scan twice adds") {
    ScanStore s;
    s.receive("PS-1", "sku,quantity,unit_cost\n101003,50,3.40\n", at("08:30"));
    auto count = open_count(*s.lane, *s.files.db, *s.store, "饮料", supervisor, at("10:00"));
    REQUIRE_MESSAGE(count.ok(), count.error().message);
    std::string id = std::to_string(count->id);

    // Lane 1 sells four jasmine teas after the snapshot, before the shelf is counted.
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00","now":")" + at("09:00") + R"("})");
    s.ok(R"({"op":"scan","code":"6921168498505","qty":"4","now":")" + at("10:05") + R"("})");
    s.ok(R"({"op":"tender","method":"cash","amount":"50.00","now":")" + at("10:05") + R"("})");

    // Lane 1 counts the shelf: 20, then 10 more found behind them (the same item scanned twice adds).
    auto first = s.ok(R"({"op":"count_scan","count":)" + id + R"(,"code":"6921168498505","qty":"20","now":")" +
                      at("10:30") + R"("})");
    CHECK(first["lane_total"] == "20");
    auto second = s.ok(R"({"op":"count_scan","count":)" + id + R"(,"code":"6921168498505","qty":"10","now":")" +
                       at("10:31") + R"("})");
    CHECK(second["lane_total"] == "30");
    CHECK(second["sku"] == "101003");

    // Lane 2, another counter, counts the back room: 15, one at a time would be the same.
    SecondLane two;
    two.ok(R"({"op":"login","operator":"9001","pin":"999999"})");
    two.ok(R"({"op":"count_scan","count":)" + id + R"(,"code":"6921168498505","qty":"15","now":")" + at("10:20") +
           R"("})");

    s.sync();
    s.sync(*two.files.db, two.files.config);

    // By hand: snapshot 50, 4 sold before either count, expected 46; counted 30 + 15 = 45: one short, −3.40.
    CountVarianceLine tea = s.variance_of(count->id, "101003");
    CHECK(tea.snapshot_milli == 50'000);
    CHECK(tea.moved_milli == -4'000);
    CHECK(tea.variance.counted_milli == 45'000);
    CHECK(tea.variance.difference_milli == -1'000);
    CHECK(tea.variance.value.in_fen() == -340);
    auto entries = pos::db::count_entries(*s.store, count->id);
    REQUIRE(entries.ok());
    REQUIRE(entries->size() == 2);

    // A store restored from a backup asks for everything again: the scans are filed once.
    REQUIRE(pos::db::requeue_since(*s.files.db, "2026-12-07").ok());
    s.sync();
    CHECK(s.variance_of(count->id, "101003").variance.counted_milli == 45'000);

    // The manager approves as for a count sheet: one short booked; 50 − 4 − 1 = 45 on hand.
    REQUIRE(approve_stock_document(*s.lane, *s.files.db, *s.store, count->id, manager, at("11:00")).ok());
    auto positions = stock_positions(*s.store);
    REQUIRE(positions.ok());
    CHECK(positions->at("101003").on_hand_milli == 45'000);

    // A scan that arrives after the approval is kept with the reason, not added to a booked count.
    s.ok(R"({"op":"count_scan","count":)" + id + R"(,"code":"6921168498505","now":")" + at("11:05") + R"("})");
    s.sync();
    auto scans = pos::db::stock_scans_of(*s.store, count->id);
    REQUIRE(scans.ok());
    REQUIRE(scans->size() == 4);
    CHECK(scans->back().refused.find("was booked before the scan arrived") != std::string::npos);
    auto desk = stock_desk_document(*s.store, count->id);
    REQUIRE(desk.ok());
    CHECK(desk->refused.size() == 1);
}

TEST_CASE("stock scanning: weighed goods are counted by the scale's weight or a typed one, in grams") {
    ScanStore s;
    s.receive("PS-2", "sku,quantity,unit_cost\n107001,10.5,8.20\n", at("08:30"));
    auto count = open_count(*s.lane, *s.files.db, *s.store, "生鲜果蔬", supervisor, at("12:00"));
    REQUIRE(count.ok());
    std::string id = std::to_string(count->id);
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");

    // Without a weight the lane says how to give one, and nothing is journaled.
    auto unweighed = s.run(R"({"op":"count_scan","count":)" + id + R"(,"code":"00101"})");
    CHECK(unweighed["ok"] == false);
    CHECK(unweighed["error"]["message"].get<std::string>().find("is weighed") != std::string::npos);

    auto scaled = s.ok(R"({"op":"count_scan","count":)" + id + R"(,"code":"00101","weight":"6.250","now":")" +
                       at("12:10") + R"("})");
    CHECK(scaled["weighed_by"] == "scale");
    CHECK(scaled["qty"] == "6.250");
    auto typed = s.ok(R"({"op":"count_scan","count":)" + id + R"(,"code":"00101","qty":"3.550","now":")" + at("12:12") +
                      R"("})");
    CHECK(typed["weighed_by"] == "keyed");
    CHECK(typed["lane_total"] == "9.800");
    // A typed weight and the scale's at once is one too many.
    CHECK(s.run(R"({"op":"count_scan","count":)" + id + R"(,"code":"00101","qty":"1","weight":"1"})")["ok"] == false);

    // An item outside this count's department is refused by the store, kept with the reason.
    s.ok(R"({"op":"count_scan","count":)" + id + R"(,"code":"6921168498505","now":")" + at("12:13") + R"("})");
    s.sync();

    // By hand: 10.500 kg expected, 6.250 + 3.550 = 9.800 counted: 700 g short, 0.700 × 8.20 = −5.74.
    CountVarianceLine apples = s.variance_of(count->id, "107001");
    CHECK(apples.variance.counted_milli == 9'800);
    CHECK(apples.variance.difference_milli == -700);
    CHECK(apples.variance.value.in_fen() == -574);
    auto scans = pos::db::stock_scans_of(*s.store, count->id);
    REQUIRE(scans.ok());
    REQUIRE(scans->size() == 3);
    CHECK(scans->at(0).scan.weighed_by == "scale");
    CHECK(scans->at(2).refused.find("item 101003 is not in stock document") != std::string::npos);
}

TEST_CASE("stock scanning: a delivery is checked line by line at a lane, short, over and damaged") {
    ScanStore s;
    auto note = import_delivery(*s.lane, *s.files.db, *s.store,
                                {"sku,quantity,unit_cost\n101001,48,1.40\n101003,24,3.40\n107001,10.5,8.20\n",
                                 "PS20261207-01", "配送中心", clerk},
                                at("08:00"));
    REQUIRE_MESSAGE(note.ok(), note.error().message);
    std::string id = std::to_string(note->id);
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    // Water: 40 good, 2 damaged (6 short). Tea: 26 arrived, 2 over. Apples: 10.350 kg on the scale.
    s.ok(R"({"op":"receive_scan","receipt":)" + id + R"(,"code":"6921168176748","qty":"24"})");
    s.ok(R"({"op":"receive_scan","receipt":)" + id + R"(,"code":"6921168936533","qty":"16"})");
    auto broken = s.ok(R"({"op":"receive_scan","receipt":)" + id +
                       R"(,"code":"6921168176748","qty":"2","damaged":true,"reason":"纸箱压坏"})");
    CHECK(broken["damaged"] == true);
    s.ok(R"({"op":"receive_scan","receipt":)" + id + R"(,"code":"6921168498505","qty":"26"})");
    s.ok(R"({"op":"receive_scan","receipt":)" + id + R"(,"code":"00101","weight":"10.350"})");
    // A count has no damaged goods.
    CHECK(s.run(R"({"op":"count_scan","count":)" + id + R"(,"code":"6921168498505","damaged":true})")["ok"] == false);
    s.sync();

    auto checked = stock_document(*s.store, note->id);
    REQUIRE(checked.ok());
    REQUIRE(checked->lines.size() == 3);
    CHECK(checked->lines[0].received_milli == 40'000);
    CHECK(checked->lines[0].damaged_milli == 2'000);
    CHECK(checked->lines[0].reason == "纸箱压坏");
    CHECK(checked->lines[1].received_milli == 26'000);
    CHECK(checked->lines[2].received_milli == 10'350);

    auto booked = approve_stock_document(*s.lane, *s.files.db, *s.store, note->id, manager, at("08:30"));
    REQUIRE_MESSAGE(booked.ok(), booked.error().message);
    // By hand: 40 × 1.40 = 56.00; 26 × 3.40 = 88.40; 10.350 × 8.20 = 84.87.
    auto positions = stock_positions(*s.store);
    REQUIRE(positions.ok());
    CHECK(positions->at("101001").on_hand_milli == 40'000);
    CHECK(positions->at("101001").value_fen == 5600);
    CHECK(positions->at("101003").on_hand_milli == 26'000);
    CHECK(positions->at("107001").value_fen == 8487);
}

TEST_CASE("stock scanning: refused at the lane with nothing journaled: no login, an open sale, no document") {
    ScanStore s;
    auto nobody = s.run(R"({"op":"count_scan","count":1,"code":"6921168498505"})");
    CHECK(nobody["ok"] == false);
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    auto selling = s.run(R"({"op":"count_scan","count":1,"code":"6921168498505"})");
    CHECK(selling["ok"] == false);
    CHECK(selling["error"]["message"].get<std::string>().find("a sale is open") != std::string::npos);
    auto no_document = s.run(R"({"op":"receive_scan","receipt":"C2","code":"6921168498505"})");
    CHECK(no_document["ok"] == false);
    CHECK(s.run(R"({"op":"count_scan","count":1,"code":"6921168498505","qtty":"2"})")["ok"] == false);
    auto journaled = pos::db::lane_stock_scans(*s.files.db, 1, "count");
    REQUIRE(journaled.ok());
    CHECK(journaled->empty());
}
