// 盘点 at the till and the manager's 库存 screen by keys, headless: the count chosen from the
// store's list, items typed and read by the USB scanner ("3*" then a scan), their running total
// in the lane's journal; 库存 refused to a cashier, and a manager approving a count there.
#include <doctest/doctest.h>

#include "pos/actions/stock/stock_documents.hpp"
#include "pos/actions/stock/stock_scanning.hpp"
#include "pos/actions/stock/stocktake.hpp"
#include "tests/checkout/driver.hpp"

namespace pos::testing {

using ui::Key;
using ui::Screen;

namespace {

// A count of 饮料 opened at the store by the demo supervisor: document 1.
void open_drinks_count(actions::Lane& lane) {
    auto store = lane.open_day_store();
    REQUIRE(store.ok());
    auto count =
        actions::open_count(lane, lane.database(), **store, "饮料", {"9001", "999999"}, "2026-12-07T09:00:00+08:00");
    REQUIRE_MESSAGE(count.ok(), count.error().message);
    REQUIRE(count->id == 1);
}

}  // namespace

TEST_CASE("checkout: a clerk counts at the till by keys and by the scanner, without a shift, and 库存 is refused") {
    CheckoutDriver till;
    open_drinks_count(till.lane());
    till.keys("1001{Enter}1234{Enter}");
    REQUIRE(till.state().screen == Screen::open_shift);
    till.press(Key::f3);  // 库存 is the managers'
    CHECK(till.state().screen == Screen::open_shift);
    CHECK(till.state().shift.notice.tone == ui::Tone::error);

    till.press(Key::f6);
    REQUIRE(till.state().screen == Screen::stock_scan);
    CHECK(till.state().stock_scan.document.text == "1");  // the only open count, chosen
    till.type("1");  // typing its number replaces the chosen one rather than making it 11
    CHECK(till.state().stock_scan.document.text == "1");
    till.keys("{Enter}20*6921168498505{Enter}");
    CHECK(till.state().stock_scan.phase == ui::StockScanForm::Phase::scanning);
    CHECK(till.state().stock_scan.notice.tone == ui::Tone::success);
    till.type("3*");
    till.checkout().scanned("6921168498505");  // the USB scanner: three more
    till.settle();
    auto totals = actions::lane_scan_totals(till.lane(), 1, actions::StockScanMode::count);
    REQUIRE(totals.ok());
    REQUIRE(totals->size() == 1);
    CHECK(totals->at(0).sku == "101003");
    CHECK(totals->at(0).quantity_milli == 23'000);
    CHECK(totals->at(0).scans == 2);
    CHECK(till.state().stock_scan.last_sku == "101003");

    // A weighed item with no weight on a lane without a scale: refused, nothing journaled.
    till.keys("00101{Enter}");
    CHECK(till.state().stock_scan.notice.tone == ui::Tone::error);
    totals = actions::lane_scan_totals(till.lane(), 1, actions::StockScanMode::count);
    REQUIRE(totals.ok());
    CHECK(totals->size() == 1);

    till.press(Key::escape);  // back to the documents, then out
    CHECK(till.state().stock_scan.phase == ui::StockScanForm::Phase::choose);
    till.press(Key::escape);
    CHECK(till.state().screen == Screen::open_shift);
}

TEST_CASE("checkout: a manager sees the count's variance on 库存 and approves it with the PIN") {
    CheckoutDriver till;
    open_drinks_count(till.lane());
    {
        auto store = till.lane().open_day_store();
        REQUIRE(store.ok());
        REQUIRE(actions::load_count_sheet(till.lane(), till.lane().database(), **store, 1, "sku,quantity\n101003,5\n",
                                          "shelf.csv", {"1001", "1234"}, "2026-12-07T09:30:00+08:00")
                    .ok());
    }
    till.keys("8801{Enter}888888{Enter}{F3}");
    REQUIRE(till.state().screen == Screen::stock_desk);
    till.keys("{F2}");
    CHECK(till.state().stock_desk.approving);
    CHECK(till.state().stock_desk.approver.text == "8801");
    till.keys("000000{Enter}");  // a wrong PIN: refused in the dialog, nothing booked
    CHECK(till.state().stock_desk.approving);
    CHECK(till.state().stock_desk.approval_notice.tone == ui::Tone::error);
    till.keys("888888{Enter}");
    CHECK_FALSE(till.state().stock_desk.approving);
    CHECK(till.state().stock_desk.notice.tone == ui::Tone::success);
    auto store = till.lane().open_day_store();
    REQUIRE(store.ok());
    auto count = actions::stock_document(**store, 1);
    REQUIRE(count.ok());
    CHECK(count->status == "booked");
    CHECK(count->approved_by == "8801");
    till.press(Key::f5);
    CHECK(till.state().stock_desk.report);
    till.press(Key::escape);
    CHECK(till.state().screen == Screen::open_shift);
}

// When the last whole-file check of store.db passed, as SQLite's julianday, read without checking.
double checked_days_ago(actions::Lane& lane) {
    auto store = lane.open_day_store_for_reading();
    REQUIRE(store.ok());
    auto ago =
        (*store)->connection().query_text("SELECT julianday('now') - julianday(checked_at) FROM integrity_checked");
    REQUIRE(ago.ok());
    return std::stod(ago->value_or("-1"));
}

TEST_CASE(
    "checkout: 库存 and its stock report read store.db without the day's whole-file check, and approving runs it") {
    CheckoutDriver till;
    open_drinks_count(till.lane());
    {
        auto store = till.lane().open_day_store();
        REQUIRE(store.ok());
        REQUIRE(actions::load_count_sheet(till.lane(), till.lane().database(), **store, 1, "sku,quantity\n101003,5\n",
                                          "shelf.csv", {"1001", "1234"}, "2026-12-07T09:30:00+08:00")
                    .ok());
        // The day's check is due: a screen that only reads must not run it on the UI thread.
        REQUIRE(
            (*store)->connection().exec("UPDATE integrity_checked SET checked_at = datetime('now', '-25 hours')").ok());
    }
    till.keys("8801{Enter}888888{Enter}{F3}");
    REQUIRE(till.state().screen == Screen::stock_desk);
    REQUIRE(till.state().stock_desk.notice.tone != ui::Tone::error);
    till.press(Key::f5);
    CHECK(till.state().stock_desk.report);
    CHECK(checked_days_ago(till.lane()) > 1.0);  // read twice, never checked
    till.press(Key::f5);
    till.keys("{F2}888888{Enter}");  // approving writes: the writer's open runs the due check first
    CHECK(till.state().stock_desk.notice.tone == ui::Tone::success);
    CHECK(checked_days_ago(till.lane()) < 0.01);
}

}  // namespace pos::testing
