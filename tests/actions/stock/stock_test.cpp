// Stock documents on a real demo store, against ledgers computed by hand: a delivery with a short
// line, a count during trading with a sale between snapshot and count, weighed goods counted by
// weight, a transfer in transit over a day close, hostile sheets that change nothing, approvals.
#include <doctest/doctest.h>

#include "db/store/report.hpp"
#include "db/store/stock.hpp"
#include "pos/actions/reports/daily_report.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "pos/actions/stock/replenishment.hpp"
#include "pos/actions/stock/stock_documents.hpp"
#include "pos/actions/stock/stock_report.hpp"
#include "pos/actions/stock/stock_valuation.hpp"
#include "pos/actions/stock/stocktake.hpp"
#include "pos/actions/stock/transfers.hpp"
#include "sync/sync_worker.hpp"
#include "tests/support/demo_lane.hpp"

using namespace pos::actions;

namespace {

const Approval clerk{"1001", "1234"};
const Approval supervisor{"9001", "999999"};
const Approval manager{"8801", "888888"};

struct StockStore : pos::testing::DemoLane {
    std::unique_ptr<pos::db::StoreDb> store;

    StockStore() : DemoLane("2026-12-07T08:00:00+08:00") {
        auto opened = pos::db::StoreDb::open(dir.path() + "/store.db", false);
        REQUIRE(opened.ok());
        store = std::move(*opened);
    }

    void sync() {
        auto sink = store_sink_opener(dir.path(), files.config)();
        REQUIRE(sink.ok());
        auto outcome =
            pos::sync::sync_pass(*files.db, **sink, 50, [] { return std::string("2026-12-07T23:00:00+08:00"); });
        REQUIRE_FALSE(outcome.error.has_value());
    }

    pos::core::StockPosition position(const std::string& sku) {
        auto positions = stock_positions(*store);
        REQUIRE(positions.ok());
        return positions->count(sku) ? positions->at(sku) : pos::core::StockPosition{};
    }

    int64_t document_count() {
        auto documents = pos::db::list_stock_documents(*store);
        REQUIRE(documents.ok());
        return static_cast<int64_t>(documents->size());
    }

    int64_t movement_count() {
        auto movements = pos::db::stock_movements(*store);
        REQUIRE(movements.ok());
        return static_cast<int64_t>(movements->size());
    }

    // A delivery note received in full and booked by the manager.
    void receive(const std::string& number, const std::string& csv, const std::string& at) {
        auto note = import_delivery(*lane, *files.db, *store, {csv, number, "配送中心", clerk}, at);
        REQUIRE_MESSAGE(note.ok(), note.error().message);
        REQUIRE(check_delivery(*lane, *files.db, *store, note->id, {"", true, clerk}, at).ok());
        auto booked = approve_stock_document(*lane, *files.db, *store, note->id, manager, at);
        REQUIRE_MESSAGE(booked.ok(), booked.error().message);
    }

    void sell(const std::string& code, const std::string& quantity, const std::string& at) {
        ok(R"({"op":"scan","code":")" + code + R"(","qty":")" + quantity + R"(","now":")" + at + R"("})");
        ok(R"({"op":"tender","method":"cash","amount":"500.00","now":")" + at + R"("})");
        sync();
    }

    void open_till(const std::string& at) {
        ok(R"({"op":"login","operator":"1001","pin":"1234"})");
        ok(R"({"op":"open_shift","float":"200.00","now":")" + at + R"("})");
    }
};

}  // namespace

TEST_CASE(
    "stock: a delivery with a short and a damaged line books what arrived at its cost, sales take at the average") {
    StockStore s;
    auto note =
        import_delivery(*s.lane, *s.files.db, *s.store,
                        {"sku,quantity,unit_cost\n101001,48,1.40\n101002,12,7.00\n", "PS-1207-01", "配送中心", clerk},
                        "2026-12-07T08:00:00+08:00");
    REQUIRE_MESSAGE(note.ok(), note.error().message);
    CHECK(note->status == "open");

    // Not checked yet: the manager cannot book it.
    auto early = approve_stock_document(*s.lane, *s.files.db, *s.store, note->id, manager, "2026-12-07T08:10:00+08:00");
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().message.find("line 1 (101001) of receipt (入库单) PS-1207-01 is not checked yet") == 0);

    // 101001: 40 good and 2 crushed of 48 (6 short); 101002 as on the note.
    auto checked = check_delivery(*s.lane, *s.files.db, *s.store, note->id,
                                  {"sku,received,damaged,reason\n101001,40,2,纸箱压坏\n", true, clerk},
                                  "2026-12-07T08:20:00+08:00");
    REQUIRE_MESSAGE(checked.ok(), checked.error().message);
    pos::core::DeliveryLineCheck water = pos::core::check_delivery_line(
        checked->lines[0].expected_milli, *checked->lines[0].received_milli, checked->lines[0].damaged_milli);
    CHECK(water.booked_milli == 40'000);
    CHECK(water.short_milli == 6'000);
    CHECK(water.damaged_milli == 2'000);

    // The creator may not approve; a cashier may not; the manager books it.
    auto cashier =
        approve_stock_document(*s.lane, *s.files.db, *s.store, note->id, {"1002", "2345"}, "2026-12-07T08:30:00+08:00");
    REQUIRE_FALSE(cashier.ok());
    CHECK(cashier.error().code == pos::core::ErrorCode::not_permitted);
    auto booked =
        approve_stock_document(*s.lane, *s.files.db, *s.store, note->id, manager, "2026-12-07T08:30:00+08:00");
    REQUIRE_MESSAGE(booked.ok(), booked.error().message);
    CHECK(booked->status == "booked");
    CHECK(booked->approved_by == "8801");
    auto again = approve_stock_document(*s.lane, *s.files.db, *s.store, note->id, manager, "2026-12-07T08:31:00+08:00");
    REQUIRE_FALSE(again.ok());

    // By hand: 101001 40 at 1.40 = 56.00; 101002 12 at 7.00 = 84.00.
    CHECK(s.position("101001").on_hand_milli == 40'000);
    CHECK(s.position("101001").value_fen == 5600);
    CHECK(s.position("101002").value_fen == 8400);

    // Three bottles sold at the lane: 56.00 × 3/40 = 4.20 out, 37 left worth 51.80.
    s.open_till("2026-12-07T09:00:00+08:00");
    s.sell("6921168176748", "3", "2026-12-07T09:05:00+08:00");
    CHECK(s.position("101001").on_hand_milli == 37'000);
    CHECK(s.position("101001").value_fen == 5180);

    auto report = load_stock_report(*s.store, "2026-12-07T00:00:00+08:00", "2026-12-07T23:59:59+08:00");
    REQUIRE(report.ok());
    REQUIRE(report->lines.size() == 2);
    CHECK(report->lines[0].sku == "101001");
    CHECK(report->lines[0].opening_milli == 0);
    CHECK(report->lines[0].received_milli == 40'000);
    CHECK(report->lines[0].sold_milli == 3'000);
    CHECK(report->lines[0].closing_milli == 37'000);
    CHECK(report->lines[0].value.in_fen() == 5180);  // 37 × 1.40
    CHECK(report->total_value.in_fen() == 5180 + 8400);
    CHECK(stock_report_csv(*report).find("101001,农夫山泉饮用天然水,饮料,0,40,3,0,0,37,1.40,51.80\n") !=
          std::string::npos);

    // The daily report's low stock reads the same ledger: 37 ≤ 48 and 12 ≤ 12.
    auto daily = load_daily_report(*s.store, "2026-12-07");
    REQUIRE(daily.ok());
    REQUIRE(daily->low_stock.size() == 2);
    CHECK(daily->low_stock[0].sku == "101001");
    CHECK(daily->low_stock[0].on_hand_milli == 37'000);
}

TEST_CASE("stock: a count during trading takes the sale between snapshot and count off what was expected") {
    StockStore s;
    s.receive("PS-1", "sku,quantity,unit_cost\n101003,50,3.40\n", "2026-12-07T08:30:00+08:00");
    s.open_till("2026-12-07T09:00:00+08:00");
    auto count = open_count(*s.lane, *s.files.db, *s.store, "饮料", supervisor, "2026-12-07T10:00:00+08:00");
    REQUIRE_MESSAGE(count.ok(), count.error().message);
    s.sell("6921168498505", "4", "2026-12-07T10:05:00+08:00");  // between the snapshot and the count
    // Two counters: 30 on the shelf (10:30), 15 in the back store (10:20).
    REQUIRE(load_count_sheet(*s.lane, *s.files.db, *s.store, count->id,
                             "sku,quantity,counted_at\n101003,30,2026-12-07T10:30:00+08:00\n", "shelf.csv", clerk,
                             "2026-12-07T10:40:00+08:00")
                .ok());
    REQUIRE(load_count_sheet(*s.lane, *s.files.db, *s.store, count->id,
                             "sku,quantity,counted_at\n101003,15,2026-12-07T10:20:00+08:00\n", "back.csv", supervisor,
                             "2026-12-07T10:40:00+08:00")
                .ok());
    s.sell("6921168498505", "1", "2026-12-07T10:45:00+08:00");  // after the count: not the count's business

    // By hand: snapshot 50, sold 4 before the count, expected 46, counted 30 + 15 = 45: one short, −3.40.
    auto variances = count_variances(*s.store, *count);
    REQUIRE(variances.ok());
    auto tea = std::find_if(variances->begin(), variances->end(), [](auto& l) { return l.sku == "101003"; });
    REQUIRE(tea != variances->end());
    CHECK(tea->counted);
    CHECK(tea->snapshot_milli == 50'000);
    CHECK(tea->moved_milli == -4'000);
    CHECK(tea->variance.expected_milli == 46'000);
    CHECK(tea->variance.counted_milli == 45'000);
    CHECK(tea->variance.difference_milli == -1'000);
    CHECK(tea->variance.value.in_fen() == -340);
    CHECK(variance_csv(*variances) ==
          "sku,name,department,snapshot,moved,expected,counted,difference,unit_cost,value\n"
          "101003,农夫山泉东方树叶茉莉花茶,饮料,50,-4,46,45,-1,3.40,-3.40\n");

    // Loading a sheet again replaces it rather than adding to it.
    REQUIRE(load_count_sheet(*s.lane, *s.files.db, *s.store, count->id,
                             "sku,quantity,counted_at\n101003,15,2026-12-07T10:20:00+08:00\n", "back.csv", supervisor,
                             "2026-12-07T10:50:00+08:00")
                .ok());
    auto approved =
        approve_stock_document(*s.lane, *s.files.db, *s.store, count->id, manager, "2026-12-07T11:00:00+08:00");
    REQUIRE_MESSAGE(approved.ok(), approved.error().message);
    // 50 − 4 − 1 − 1 (the shortage) = 44, worth 44 × 3.40 = 149.60; items not counted are not adjusted.
    CHECK(s.position("101003").on_hand_milli == 44'000);
    CHECK(s.position("101003").value_fen == 14960);
    CHECK(s.position("101001").on_hand_milli == 0);
    auto movements = pos::db::stock_movements(*s.store, "101003");
    REQUIRE(movements.ok());
    CHECK(movements->back().kind == "count");
    CHECK(movements->back().quantity_milli == -1'000);
}

TEST_CASE("stock: two deliveries at two costs set the moving average that values a count, the reports and low stock") {
    StockStore s;
    // By hand: 20 teas at 3.00 and 30 at 3.50: 60.00 + 105.00 = 165.00 for 50, an average of 3.30.
    s.receive("PS-A", "sku,quantity,unit_cost\n101003,20,3.00\n", "2026-12-07T08:00:00+08:00");
    s.receive("PS-B", "sku,quantity,unit_cost\n101003,30,3.50\n", "2026-12-07T08:30:00+08:00");
    CHECK(s.position("101003").value_fen == 16500);
    CHECK(s.position("101003").unit_cost_fen == 330);

    // Six sold at the average: 165.00 − 6 × 3.30 = 145.20 for 44.
    s.open_till("2026-12-07T09:00:00+08:00");
    s.sell("6921168498505", "6", "2026-12-07T09:05:00+08:00");
    CHECK(s.position("101003").on_hand_milli == 44'000);
    CHECK(s.position("101003").value_fen == 14520);

    // The count finds 42 of the 44 expected: two short, −2 × 3.30 = −6.60 (not at either delivery's cost).
    auto count = open_count(*s.lane, *s.files.db, *s.store, "饮料", supervisor, "2026-12-07T10:00:00+08:00");
    REQUIRE_MESSAGE(count.ok(), count.error().message);
    REQUIRE(load_count_sheet(*s.lane, *s.files.db, *s.store, count->id,
                             "sku,quantity,counted_at\n101003,42,2026-12-07T10:30:00+08:00\n", "shelf.csv", clerk,
                             "2026-12-07T10:40:00+08:00")
                .ok());
    auto variances = count_variances(*s.store, *count);
    REQUIRE(variances.ok());
    auto tea = std::find_if(variances->begin(), variances->end(), [](auto& l) { return l.sku == "101003"; });
    REQUIRE(tea != variances->end());
    CHECK(tea->unit_cost_fen == 330);
    CHECK(tea->variance.expected_milli == 44'000);
    CHECK(tea->variance.difference_milli == -2'000);
    CHECK(tea->variance.value.in_fen() == -660);
    REQUIRE(
        approve_stock_document(*s.lane, *s.files.db, *s.store, count->id, manager, "2026-12-07T11:00:00+08:00").ok());
    // 145.20 − 6.60 = 138.60 = 42 × 3.30: the average does not move when goods go out.
    CHECK(s.position("101003").on_hand_milli == 42'000);
    CHECK(s.position("101003").value_fen == 13860);

    // Twenty more sold: 22 left, at or below the catalog's threshold of 24 (low stock).
    s.sell("6921168498505", "20", "2026-12-07T12:00:00+08:00");
    auto report = load_stock_report(*s.store, "2026-12-07T00:00:00+08:00", "2026-12-07T23:59:59+08:00");
    REQUIRE(report.ok());
    REQUIRE(report->lines.size() == 1);
    CHECK(stock_report_csv(*report) ==
          "sku,name,department,opening,received,sold,sent,adjusted,closing,unit_cost,value\n"
          "101003,农夫山泉东方树叶茉莉花茶,饮料,0,50,26,0,-2,22,3.30,72.60\n");
    auto daily = load_daily_report(*s.store, "2026-12-07");
    REQUIRE(daily.ok());
    REQUIRE(daily->low_stock.size() == 1);
    CHECK(daily->low_stock[0].sku == "101003");
    CHECK(daily->low_stock[0].on_hand_milli == 22'000);
    CHECK(daily->low_stock[0].threshold_units == 24);
}

TEST_CASE("stock: weighed goods are received, sold and counted by weight in grams") {
    StockStore s;
    s.receive("PS-2", "sku,quantity,unit_cost\n107001,10.5,8.20\n", "2026-12-07T08:30:00+08:00");
    CHECK(s.position("107001").value_fen == 8610);  // 10.5 kg × 8.20
    s.open_till("2026-12-07T09:00:00+08:00");
    s.sell("00101", "0.350", "2026-12-07T09:10:00+08:00");
    // 86.10 × 350/10500 = 2.87 out: 10.150 kg worth 83.23.
    CHECK(s.position("107001").on_hand_milli == 10'150);
    CHECK(s.position("107001").value_fen == 8323);
    auto count = open_count(*s.lane, *s.files.db, *s.store, "生鲜果蔬", supervisor, "2026-12-07T12:00:00+08:00");
    REQUIRE(count.ok());
    REQUIRE(load_count_sheet(*s.lane, *s.files.db, *s.store, count->id, "sku,quantity\n107001,9.8\n", "fruit.csv",
                             clerk, "2026-12-07T12:10:00+08:00")
                .ok());
    auto variances = count_variances(*s.store, *count);
    REQUIRE(variances.ok());
    auto apples = std::find_if(variances->begin(), variances->end(), [](auto& l) { return l.sku == "107001"; });
    REQUIRE(apples != variances->end());
    CHECK(apples->variance.difference_milli == -350);  // 350 g short
    CHECK(apples->variance.value.in_fen() == -287);    // 0.350 × 8.20
    REQUIRE(
        approve_stock_document(*s.lane, *s.files.db, *s.store, count->id, manager, "2026-12-07T12:30:00+08:00").ok());
    CHECK(s.position("107001").on_hand_milli == 9'800);
    CHECK(s.position("107001").value_fen == 8036);  // 83.23 − 2.87 = 80.36 = 9.8 × 8.20
}

TEST_CASE("stock: a transfer is in transit at the receiving store over its day close, then booked the next day") {
    StockStore sender;
    sender.receive("PS-3", "sku,quantity,unit_cost\n101001,24,1.40\n", "2026-12-07T08:30:00+08:00");
    auto out = create_transfer_out(*sender.lane, *sender.files.db, *sender.store,
                                   {"sku,quantity\n101001,10\n", "二店", clerk}, "2026-12-07T17:00:00+08:00");
    REQUIRE_MESSAGE(out.ok(), out.error().message);
    auto unapproved = transfer_file(*sender.store, *out, "一店");
    REQUIRE_FALSE(unapproved.ok());
    REQUIRE(approve_stock_document(*sender.lane, *sender.files.db, *sender.store, out->id, manager,
                                   "2026-12-07T17:05:00+08:00")
                .ok());
    CHECK(sender.position("101001").on_hand_milli == 14'000);
    CHECK(sender.position("101001").value_fen == 1960);  // 33.60 − 14.00
    auto after = stock_document(*sender.store, out->id);
    REQUIRE(after.ok());
    auto file = transfer_file(*sender.store, *after, "一店");
    REQUIRE(file.ok());
    CHECK(*file ==
          "transfer,from,to,sent_at,sku,quantity,unit_cost\n"
          "T" +
              std::to_string(out->id) + ",一店,二店,2026-12-07T17:05:00+08:00,101001,10,1.40\n");

    StockStore receiver;
    auto in = import_transfer_in(*receiver.lane, *receiver.files.db, *receiver.store, *file, clerk,
                                 "2026-12-07T18:00:00+08:00");
    REQUIRE_MESSAGE(in.ok(), in.error().message);
    auto twice = import_transfer_in(*receiver.lane, *receiver.files.db, *receiver.store, *file, clerk,
                                    "2026-12-07T18:01:00+08:00");
    REQUIRE_FALSE(twice.ok());
    auto coming = in_transit(*receiver.store);
    REQUIRE(coming.ok());
    CHECK(coming->at("101001") == 10'000);

    // The receiving store trades and closes its day with the goods still on the road.
    receiver.open_till("2026-12-07T09:00:00+08:00");
    receiver.ok(R"({"op":"close_shift","counted":{"cash":{"100":2}},"now":"2026-12-07T21:00:00+08:00"})");
    receiver.sync();
    receiver.ok(R"({"op":"end_of_day","approver":"9001","pin":"999999","now":"2026-12-07T22:00:00+08:00"})");
    auto day = load_stock_report(*receiver.store, "2026-12-07T00:00:00+08:00", "2026-12-07T23:59:59+08:00");
    REQUIRE(day.ok());
    CHECK(day->lines.empty());
    // The suggested order counts what is coming: 48 threshold − 10 in transit = 38.
    auto order = suggested_order(*receiver.store, {}, "2026-12-07T22:30:00+08:00");
    REQUIRE(order.ok());
    auto water = std::find_if(order->begin(), order->end(), [](auto& l) { return l.sku == "101001"; });
    REQUIRE(water != order->end());
    CHECK(water->in_transit_milli == 10'000);
    CHECK(water->order_milli == 38'000);

    // Next morning it arrives whole and is booked at the sender's cost.
    REQUIRE(check_delivery(*receiver.lane, *receiver.files.db, *receiver.store, in->id, {"", true, clerk},
                           "2026-12-08T08:00:00+08:00")
                .ok());
    REQUIRE(approve_stock_document(*receiver.lane, *receiver.files.db, *receiver.store, in->id, manager,
                                   "2026-12-08T08:05:00+08:00")
                .ok());
    CHECK(receiver.position("101001").on_hand_milli == 10'000);
    CHECK(receiver.position("101001").value_fen == 1400);
    CHECK(in_transit(*receiver.store)->empty());
    auto next = load_stock_report(*receiver.store, "2026-12-08T00:00:00+08:00", "2026-12-08T23:59:59+08:00");
    REQUIRE(next.ok());
    REQUIRE(next->lines.size() == 1);
    CHECK(next->lines[0].received_milli == 10'000);
    CHECK(next->lines[0].closing_milli == 10'000);
}

TEST_CASE("stock: hostile sheets are refused whole, every bad row named by row and column, nothing changed") {
    StockStore s;
    s.receive("PS-4", "sku,quantity,unit_cost\n101001,10,1.40\n", "2026-12-07T08:30:00+08:00");
    int64_t documents = s.document_count();
    int64_t movements = s.movement_count();
    auto bad = import_delivery(*s.lane, *s.files.db, *s.store,
                               {"sku,quantity,unit_cost\n"
                                "101001,12,1.40\n"
                                "=1+2,1,1.00\n"
                                "101002,1.5,7.00\n"
                                "107001,1.2345,8.20\n"
                                "101003,-2,3.40\n"
                                "101004,3,abc\n"
                                "101001,1,1.40\n"
                                ",,\n",
                                "PS-5", "配送中心", clerk},
                               "2026-12-07T09:00:00+08:00");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message ==
          "6 bad rows in the sheet, nothing was changed:\n"
          "  row 3, column sku: there is no item \"=1+2\" in the store's catalog\n"
          "  row 4, column quantity: \"1.5\" is not a whole number: counted goods are written in units, like 12\n"
          "  row 5, column quantity: \"1.2345\" has to be kilograms with at most three decimals, like 1.250\n"
          "  row 6, column quantity: \"-2\" is not a quantity: write whole units like 12\n"
          "  row 7, column unit_cost: \"abc\" is not a cost: write yuan like 1.20 (per unit)\n"
          "  row 8, column sku: item 101001 is listed twice: add the quantities on one row");
    auto no_header = import_delivery(*s.lane, *s.files.db, *s.store, {"sku,qty\n101001,1\n", "PS-6", "", clerk},
                                     "2026-12-07T09:00:00+08:00");
    REQUIRE_FALSE(no_header.ok());
    CHECK(no_header.error().message ==
          "the sheet has no column quantity: its first row must name the columns, like sku,quantity,unit_cost; "
          "nothing was changed");
    auto broken_quote =
        import_delivery(*s.lane, *s.files.db, *s.store,
                        {"sku,quantity,unit_cost\n\"101001,1,1.00\n", "PS-7", "", clerk}, "2026-12-07T09:00:00+08:00");
    REQUIRE_FALSE(broken_quote.ok());
    CHECK(broken_quote.error().message.ends_with("; nothing was changed"));
    auto same_number =
        import_delivery(*s.lane, *s.files.db, *s.store, {"sku,quantity,unit_cost\n101001,1,1.00\n", "PS-4", "", clerk},
                        "2026-12-07T09:00:00+08:00");
    REQUIRE_FALSE(same_number.ok());
    CHECK(same_number.error().message ==
          "receipt (入库单) PS-4 is already in the store (see posctl stock list); nothing was changed");

    // A count sheet naming an item of another department, and a check sheet naming an item not delivered.
    auto count = open_count(*s.lane, *s.files.db, *s.store, "生鲜果蔬", clerk, "2026-12-07T10:00:00+08:00");
    REQUIRE(count.ok());
    documents += 1;
    auto outside = load_count_sheet(*s.lane, *s.files.db, *s.store, count->id, "sku,quantity\n107001,2.5\n101001,3\n",
                                    "a.csv", clerk, "2026-12-07T10:10:00+08:00");
    REQUIRE_FALSE(outside.ok());
    CHECK(outside.error().message ==
          "the count sheet lists items outside the count, nothing was changed:\n"
          "  row 3, column sku: item 101001 is not in count C" +
              std::to_string(count->id) + " (department 生鲜果蔬)");
    CHECK(pos::db::count_entries(*s.store, count->id)->empty());
    auto uncounted =
        approve_stock_document(*s.lane, *s.files.db, *s.store, count->id, manager, "2026-12-07T10:20:00+08:00");
    REQUIRE_FALSE(uncounted.ok());
    CHECK(uncounted.error().message == "nobody has loaded a count sheet for count C" + std::to_string(count->id) +
                                           " yet: posctl stock count sheet " + std::to_string(count->id) +
                                           " FILE --by NUMBER, or cancel the count");
    auto transfer = import_transfer_in(*s.lane, *s.files.db, *s.store, "sku,quantity\n101001,1\n", clerk,
                                       "2026-12-07T10:00:00+08:00");
    REQUIRE_FALSE(transfer.ok());
    CHECK(s.document_count() == documents);
    CHECK(s.movement_count() == movements);
}
