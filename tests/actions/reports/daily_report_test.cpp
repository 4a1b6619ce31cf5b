// The daily report from a real store.db: the hand-checked till day synced and closed, a return
// of that day's sale the next day, an empty day, low stock; and its CSV and HTML forms.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "db/store/report.hpp"
#include "drivers/printer/text.hpp"
#include "pos/actions/printing/report_print.hpp"
#include "sync/sync_worker.hpp"
#include "pos/actions/reports/daily_report.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "pos/core/csv.hpp"
#include "tests/support/demo_day.hpp"
#include "tests/support/sync_lane.hpp"

using namespace pos::actions;
using nlohmann::json;

namespace {

struct ReportStore : pos::testing::DemoLane {
    std::unique_ptr<pos::db::StoreDb> store;

    ReportStore() : DemoLane("2026-11-23T09:00:00+08:00") {
        auto opened = pos::db::StoreDb::open(dir.path() + "/store.db", false);
        REQUIRE(opened.ok());
        store = std::move(*opened);
    }

    void sync() {
        auto sink = store_sink_opener(dir.path(), files.config)();
        REQUIRE(sink.ok());
        auto outcome =
            pos::sync::sync_pass(*files.db, **sink, 50, [] { return std::string("2026-11-24T03:00:00+08:00"); });
        REQUIRE_FALSE(outcome.error.has_value());
    }

    void sql(const std::string& statement) { REQUIRE(store->connection().exec(statement).ok()); }

    json report(const std::string& day) {
        auto loaded = load_daily_report(*store, day);
        REQUIRE(loaded.ok());
        return report_json(*loaded);
    }
};

// 2026-11-23: ring_the_day (cashier 1001, four sales at 09:00, every drawer movement, counted
// 135.00 against 135.40 with 9001 signing) and a second shift (1002, one water 2.00 in cash at 15:00,
// counted exactly); end of day at 22:00. 2026-11-24: 1001 sells one water 2.00 in cash at 09:00 and
// the card sale of 23 Nov (5 L water 9.00) is returned at 10:00; the day stays open.
void two_days(ReportStore& s) {
    // Stock counted before trading: 5 L water 14 (threshold 12), 550 ml water 100 (threshold 48).
    REQUIRE(pos::db::set_stock_count(*s.store, "101002", 14000, "2026-11-23T07:00:00+08:00").ok());
    REQUIRE(pos::db::set_stock_count(*s.store, "101001", 100000, "2026-11-23T07:00:00+08:00").ok());
    pos::testing::ring_the_day(s);
    s.ok(R"({"op":"close_shift","counted":{"cash":{"100":1,"20":1,"10":1,"5":1},"card":"24.00","mobile":"2.00"},
             "reason":"少四毛","approver":"9001","pin":"999999","now":"2026-11-23T14:00:00+08:00"})");
    s.ok(R"({"op":"logout"})");
    s.ok(R"({"op":"login","operator":"1002","pin":"2345"})");
    s.ok(R"({"op":"open_shift","float":"100.00","now":"2026-11-23T14:05:00+08:00"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    s.ok(R"({"op":"tender","method":"cash","amount":"2.00","now":"2026-11-23T15:00:00+08:00"})");
    s.ok(R"({"op":"close_shift","counted":{"cash":{"100":1,"1":2}},"now":"2026-11-23T21:00:00+08:00"})");
    s.ok(R"({"op":"logout"})");
    s.sync();
    s.ok(R"({"op":"end_of_day","approver":"9001","pin":"999999","now":"2026-11-23T22:00:00+08:00"})");

    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00","now":"2026-11-24T08:00:00+08:00"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    s.ok(R"({"op":"tender","method":"cash","amount":"2.00","now":"2026-11-24T09:00:00+08:00"})");
    s.sync();
    // The return (红字), as the store files it: negative line and tender, naming the sale it reverses.
    s.sql(R"(INSERT INTO sales (id, receipt_no, lane, shift_id, operator, completed_at, total_fen, rounding_fen,
               paid_fen, change_fen, item_count_milli, received_at, kind, original_sale_id, reason, approved_by)
             SELECT 'return-1', 99, lane, (SELECT shift_id FROM sales WHERE completed_at LIKE '2026-11-24%'), '1001',
               '2026-11-24T10:00:00+08:00', -900, 0, -900, 0, -1000, '2026-11-24T10:00:01+08:00', 'return', id,
               '漏水', '9001'
             FROM sales WHERE total_fen = 900 AND completed_at LIKE '2026-11-23%')");
    s.sql(R"(INSERT INTO sale_lines (sale_id, line_no, kind, sku, gtin, name_zh, name_en, spec, unit, department,
               sale_unit, quantity_milli, unit_price_fen, amount_fen, voided, voided_by, original_line_no)
             VALUES ('return-1', 1, 'item', '101002', '06921168861569', '农夫山泉饮用天然水', 'Nongfu Spring', '5L', '桶',
               '饮料', 'piece', -1000, 900, -900, 0, '', 1))");
    s.sql(
        "INSERT INTO sale_tenders (sale_id, seq, method, amount_fen, reference) VALUES ('return-1', 1, 'card', -900, "
        "'')");
}

}  // namespace

TEST_CASE("daily_report: the hand-checked till day from store.db, every section") {
    ReportStore s;
    two_days(s);
    json r = s.report("2026-11-23");
    CAPTURE(r.dump(1));
    CHECK(r["business_day"] == true);
    CHECK(r["closed"] == true);
    const json& sum = r["summary"];
    // gross 10.48 + 9.00 + 20.00 + 2.00 + 2.00 = 43.48; 抹零 −0.08; net 43.40 (the end of day's net)
    CHECK(sum["gross"]["value"] == "43.48");
    CHECK(sum["discounts"]["value"] == "0.00");
    CHECK(sum["returns"]["value"] == "0.00");
    CHECK(sum["rounding"]["value"] == "-0.08");
    CHECK(sum["net"]["value"] == "43.40");
    CHECK(sum["tickets"]["value"] == 5);
    // items: 3 + 1 (apples weighed: one) + 1 + 3 + 1 + 1
    CHECK(sum["items"]["value"] == 10);
    CHECK(sum["average_ticket"]["value"] == "8.68");  // 43.40 / 5
    CHECK(sum["cash_variance"]["value"] == "-0.40");
    // by hour: the four sales of shift 1 at 09:00 (41.40), shift 2's at 15:00
    REQUIRE(r["by_hour"].size() == 2);
    CHECK(r["by_hour"][0]["hour"] == "09");
    CHECK(r["by_hour"][0]["net"]["value"] == "41.40");
    CHECK(r["by_hour"][0]["tickets"] == 4);
    CHECK(r["by_hour"][1]["hour"] == "15");
    CHECK(r["by_hour"][1]["net"]["value"] == "2.00");
    // 饮料 6.00 + 9.00 + 18.00 + 2.00 + 2.00 + 2.00 = 39.00; 生鲜果蔬 4.48
    REQUIRE(r["by_department"].size() == 2);
    CHECK(r["by_department"][0]["department"] == "饮料");
    CHECK(r["by_department"][0]["net"]["value"] == "39.00");
    CHECK(r["by_department"][0]["quantity"] == "9");
    CHECK(r["by_department"][1]["department"] == "生鲜果蔬");
    CHECK(r["by_department"][1]["net"]["value"] == "4.48");
    CHECK(r["by_department"][1]["quantity"] == "0.35");
    REQUIRE(r["by_cashier"].size() == 2);
    CHECK(r["by_cashier"][0]["operator"] == "1001");
    CHECK(r["by_cashier"][0]["net"]["value"] == "41.40");
    CHECK(r["by_cashier"][1]["operator"] == "1002");
    CHECK(r["by_cashier"][1]["net"]["value"] == "2.00");
    REQUIRE(r["by_lane"].size() == 1);
    CHECK(r["by_lane"][0]["net"]["value"] == "43.40");
    // cash 50 + 10 + 2 − 39.60 − 5.00 = 17.40; card 9.00 + 15.00; mobile 2.00
    REQUIRE(r["by_tender"].size() == 3);
    CHECK(r["by_tender"][0]["tender"] == "card");
    CHECK(r["by_tender"][0]["net"]["value"] == "24.00");
    CHECK(r["by_tender"][1]["tender"] == "cash");
    CHECK(r["by_tender"][1]["net"]["value"] == "17.40");
    CHECK(r["by_tender"][2]["tender"] == "mobile");
    CHECK(r["by_tender"][2]["net"]["value"] == "2.00");
    // 5 L water 9.00 + 18.00 (3); 550 ml water 6.00 + 2.00 + 2.00 + 2.00 (6); apples 4.48 (0.35 kg)
    REQUIRE(r["top_by_amount"].size() == 3);
    CHECK(r["top_by_amount"][0]["sku"] == "101002");
    CHECK(r["top_by_amount"][0]["net"] == "27.00");
    CHECK(r["top_by_amount"][1]["sku"] == "101001");
    CHECK(r["top_by_amount"][1]["net"] == "12.00");
    CHECK(r["top_by_amount"][2]["sku"] == "107001");
    CHECK(r["top_by_quantity"][0]["sku"] == "101001");
    CHECK(r["top_by_quantity"][0]["quantity"] == "6");
    CHECK(r["top_by_quantity"][1]["quantity"] == "3");
    // one no-sale by 1001, nothing else
    REQUIRE(r["exceptions"].size() == 1);
    CHECK(r["exceptions"][0]["operator"] == "1001");
    CHECK(r["exceptions"][0]["no_sales"] == 1);
    CHECK(r["exceptions"][0]["voids"] == 0);
    REQUIRE(r["cash"].size() == 2);
    CHECK(r["cash"][0]["operator"] == "1001");
    CHECK(r["cash"][0]["expected"] == "135.40");
    CHECK(r["cash"][0]["counted"] == "135.00");
    CHECK(r["cash"][0]["variance"] == "-0.40");
    CHECK(r["cash"][0]["signed_by"] == "9001");
    CHECK(r["cash"][0]["reason"] == "少四毛");
    CHECK(r["cash"][1]["operator"] == "1002");
    CHECK(r["cash"][1]["variance"] == "0.00");
    // the day before had no trading: Δ is the whole figure, no percentage
    CHECK(sum["net"]["previous_day"] == "0.00");
    CHECK(sum["net"]["delta_previous_day"] == "43.40");
    CHECK(sum["net"]["pct_previous_day"].is_null());
}

TEST_CASE("daily_report: a day with a return of an earlier day's sale, beside that day") {
    ReportStore s;
    two_days(s);
    json r = s.report("2026-11-24");
    CAPTURE(r.dump(1));
    CHECK(r["business_day"] == true);
    CHECK(r["closed"] == false);  // the open day
    const json& sum = r["summary"];
    // one water 2.00 sold; the 5 L water of 23 Nov (9.00, card) returned: net 2.00 − 9.00
    CHECK(sum["gross"]["value"] == "2.00");
    CHECK(sum["returns"]["value"] == "9.00");
    CHECK(sum["net"]["value"] == "-7.00");
    CHECK(sum["tickets"]["value"] == 1);
    CHECK(sum["return_tickets"]["value"] == 1);
    CHECK(sum["average_ticket"]["value"] == "2.00");
    // against 23 Nov: −7.00 − 43.40 = −50.40, −116.1%; a week before: nothing
    CHECK(sum["net"]["previous_day"] == "43.40");
    CHECK(sum["net"]["delta_previous_day"] == "-50.40");
    CHECK(sum["net"]["pct_previous_day"] == "-116.1%");
    CHECK(sum["net"]["last_week"] == "0.00");
    CHECK(sum["net"]["pct_last_week"].is_null());
    // the card refund is a negative card figure; the tenders still add up to the net
    REQUIRE(r["by_tender"].size() == 2);
    CHECK(r["by_tender"][0]["tender"] == "cash");
    CHECK(r["by_tender"][0]["net"]["value"] == "2.00");
    CHECK(r["by_tender"][1]["tender"] == "card");
    CHECK(r["by_tender"][1]["net"]["value"] == "-9.00");
    CHECK(r["by_tender"][1]["net"]["previous_day"] == "24.00");
    REQUIRE(r["exceptions"].size() == 1);
    CHECK(r["exceptions"][0]["returns"] == 1);
    CHECK(r["exceptions"][0]["returned_amount"] == "9.00");
    CHECK(r["top_by_amount"][0]["sku"] == "101001");
    CHECK(r["top_by_amount"][1]["sku"] == "101002");
    CHECK(r["top_by_amount"][1]["quantity"] == "-1");
    REQUIRE(r["cash"].size() == 1);
    CHECK(r["cash"][0]["closed"] == false);
    // stock: 5 L water 14 − 3 sold + 1 returned = 12, at its threshold 12; 550 ml 100 − 7 = 93 is not low
    REQUIRE(r["low_stock"].size() == 1);
    CHECK(r["low_stock"][0]["sku"] == "101002");
    CHECK(r["low_stock"][0]["on_hand"] == "12");
    CHECK(r["low_stock"][0]["threshold"] == 12);
}

TEST_CASE("daily_report: an empty day is a report of zeros, not an error") {
    ReportStore s;
    two_days(s);
    auto loaded = load_daily_report(*s.store, "2026-11-20");
    REQUIRE(loaded.ok());
    json r = report_json(*loaded);
    CHECK(r["business_day"] == false);
    CHECK(r["summary"]["net"]["value"] == "0.00");
    CHECK(r["summary"]["tickets"]["value"] == 0);
    CHECK(r["by_hour"].empty());
    CHECK(r["cash"].empty());
    std::string text = report_text(*loaded);
    CHECK(text.find("No business day by this date") != std::string::npos);
    CHECK(text.find("(none)") != std::string::npos);
    // A day after the open one is no business day either.
    auto later = load_daily_report(*s.store, "2026-11-25");
    REQUIRE(later.ok());
    CHECK_FALSE(later->day.is_business_day);
}

TEST_CASE("daily_report: a bad date is refused with what to write, and an empty store has no default day") {
    ReportStore s;
    for (const char* bad : {"2026-02-30", "23/11/2026", "2026-11-2", "2026-13-01", ""}) {
        auto loaded = load_daily_report(*s.store, bad);
        CAPTURE(bad);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error().code == pos::core::ErrorCode::bad_input);
        CHECK(loaded.error().message.find("YYYY-MM-DD") != std::string::npos);
    }
    auto none = default_report_day(*s.store);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == pos::core::ErrorCode::not_found);
}

TEST_CASE("daily_report: the day's queries walk the instant indexes, not the whole history") {
    ReportStore s;
    auto plan = [&](const std::string& sql) {
        auto answer = s.store->connection().prepare("EXPLAIN QUERY PLAN " + sql);
        REQUIRE(answer.ok());
        std::string details;
        while (true) {
            auto row = (*answer)->step();
            REQUIRE(row.ok());
            if (!*row) break;
            details += (*answer)->column_text(3) + "\n";
        }
        (*answer)->reset();
        return details;
    };
    std::string shifts = plan(
        "SELECT id FROM shifts WHERE julianday(opened_at) >= julianday('2026-11-23T00:00:00Z') "
        "AND julianday(opened_at) < julianday('2026-11-24T00:00:00Z')");
    CAPTURE(shifts);
    CHECK(shifts.find("shifts_opened_instant") != std::string::npos);
    std::string sales = plan(
        "SELECT id FROM sales WHERE julianday(completed_at) >= julianday('2026-11-23T00:00:00Z') "
        "AND julianday(completed_at) < julianday('2026-11-24T00:00:00Z')");
    CAPTURE(sales);
    CHECK(sales.find("sales_completed_instant") != std::string::npos);
}

namespace {

// A report whose texts are hostile: formulas in names, departments, cashiers and reasons, and markup.
pos::core::DailyReport hostile_report() {
    using pos::core::Money;
    pos::core::DayRows rows;
    rows.day = "2026-11-23";
    rows.is_business_day = rows.closed = true;
    rows.shifts = {{"A", 1, "@SUM(A1:A9)", "2026-11-23T08:00:00+08:00"}};
    rows.sales = {{"s1", 1, "A", "@SUM(A1:A9)", "2026-11-23T09:10:00+08:00", "sale", Money::fen(1000), Money::fen(0),
                   Money::fen(0), 1000, "", ""},
                  {"r1", 1, "A", "@SUM(A1:A9)", "2026-11-23T11:00:00+08:00", "return", Money::fen(-300), Money::fen(0),
                   Money::fen(0), -1000, "x", "9001"}};
    rows.lines = {{"s1", "item", "=1+1", "=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", 1000,
                   Money::fen(1000), Money::fen(0), false, "", false, ""},
                  {"r1", "item", "-2+3", "<script>alert(1)</script>", "\tTab", -1000, Money::fen(-300), Money::fen(0),
                   false, "", false, ""}};
    rows.tenders = {{"s1", "card", Money::fen(1000)}, {"r1", "card", Money::fen(-300)}};
    rows.closes = {{"A", Money::fen(5000), Money::fen(4900), "=evil()", "-short"}};
    pos::core::DailyReport report;
    report.day = pos::core::day_figures(rows);
    return report;
}

}  // namespace

TEST_CASE("daily_report: CSV neutralises formula cells and keeps numbers numbers") {
    std::string csv = report_csv(hostile_report());
    CAPTURE(csv);
    CHECK(csv.find("'=1+1") != std::string::npos);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"") != std::string::npos);
    CHECK(csv.find("'+cmd|' /C calc'!A0") != std::string::npos);
    CHECK(csv.find("'-2+3") != std::string::npos);
    CHECK(csv.find("'@SUM(A1:A9)") != std::string::npos);
    CHECK(csv.find("'=evil()") != std::string::npos);
    CHECK(csv.find("'-short") != std::string::npos);
    CHECK(csv.find("'\tTab") != std::string::npos);
    // No cell starts with a formula character unguarded: check every cell of every line.
    for (size_t start = 0; start < csv.size();) {
        size_t end = csv.find('\n', start);
        std::string line = csv.substr(start, end - start);
        start = end + 1;
        auto parsed = pos::core::parse_csv(line);
        REQUIRE(parsed.ok());
        for (const std::string& cell : parsed->header) {
            if (cell.empty()) continue;
            bool plain_number = cell.find_first_not_of("-0123456789.%") == std::string::npos;
            CAPTURE(cell);
            CHECK((plain_number || std::string("=+-@\t\r").find(cell.front()) == std::string::npos));
        }
    }
    // Amounts stay numbers: the −3.00 return and the −1.00 variance are written bare.
    CHECK(csv.find(",-3.00,") != std::string::npos);
    CHECK(csv.find(",-1.00,") != std::string::npos);
}

TEST_CASE("daily_report: HTML is one file with its SVG charts and every text escaped") {
    std::string html = report_html(hostile_report(), "Demo <Store>");
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.find("<svg id=\"hourly-chart\"") != std::string::npos);
    CHECK(html.find("<svg id=\"tender-chart\"") != std::string::npos);
    // one bar: 09:00 has a positive net, 11:00 only the return
    size_t bars = 0;
    for (size_t at = html.find("class=\"bar\""); at != std::string::npos; at = html.find("class=\"bar\"", at + 1))
        ++bars;
    CHECK(bars == 1);
    CHECK(html.find("class=\"tender\"") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Demo &lt;Store&gt;") != std::string::npos);
    // self-contained: nothing to fetch
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("daily_report: the printed version fits 58 mm paper and carries the figures") {
    ReportStore s;
    two_days(s);
    auto loaded = load_daily_report(*s.store, "2026-11-23");
    REQUIRE(loaded.ok());
    std::vector<std::string> lines = daily_report_print_lines(*loaded, "好邻居超市", 32);
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK(pos::drivers::printer::print_columns(line) <= 32);
    }
    auto has = [&](const std::string& wanted) { return std::find(lines.begin(), lines.end(), wanted) != lines.end(); };
    CHECK(has(pos::drivers::printer::spread("net sales", "43.40", 32)));
    CHECK(has(pos::drivers::printer::spread("cash", "17.40", 32)));
    CHECK(has(pos::drivers::printer::spread("L1 1001 (9001)", "-0.40", 32)));
    CHECK(has(pos::drivers::printer::spread(" vs prev day", "+43.40 -", 32)));
    std::vector<uint8_t> bytes = daily_report_bytes(*loaded, "好邻居超市", pos::drivers::printer::generic_profile(58));
    CHECK(bytes.size() > 200);
}
