// pos-hq report against two demo stores pushed to a real head office: a week and a month by store
// and by region, against targets, whose totals equal the sum of the stores' own daily reports.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "hq/demo.hpp"
#include "hq/report_format.hpp"
#include "hq/reports.hpp"
#include "tests/support/head_office.hpp"

using namespace pos::testing;

namespace {

struct DailySum {
    int64_t net_fen = 0;
    int64_t tickets = 0;
    std::map<std::string, std::map<std::string, int64_t>> breakdowns;  // "department" → key → net in fen
};

int64_t fen_of(const nlohmann::json& compared) {
    std::string text = compared["value"].get<std::string>();
    bool negative = text.starts_with('-');
    auto fen = pos::hq::parse_yuan(negative ? text.substr(1) : text);
    REQUIRE(fen);
    return negative ? -*fen : *fen;
}

// The store's own daily reports (posctl report daily --format json) of each day from `first` for `days` days.
DailySum daily_reports(const TestStore& store, int first_day_of_november, int days) {
    DailySum sum;
    for (int day = first_day_of_november; day < first_day_of_november + days; ++day) {
        std::string date = "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        auto daily = store.posctl({"report", "daily", "--date", date, "--format", "json"});
        REQUIRE_MESSAGE(daily.exit_code == 0, daily.err);
        auto report = nlohmann::json::parse(daily.out);
        auto net = pos::hq::parse_yuan(report["summary"]["net"]["value"].get<std::string>());
        REQUIRE(net);  // the demo has no negative day
        sum.net_fen += *net;
        sum.tickets += report["summary"]["tickets"]["value"].get<int64_t>();
        for (auto [by, key] : {std::pair{"department", "department"}, std::pair{"tender", "tender"},
                               std::pair{"hour", "hour"}, std::pair{"cashier", "operator"}}) {
            for (const auto& row : report[std::string("by_") + by]) {
                sum.breakdowns[by][row[key].get<std::string>()] += fen_of(row["net"]);
            }
        }
    }
    return sum;
}

pos::testing::ProcessResult pos_hq(TestHeadOffice& office, std::vector<std::string> args) {
    args.insert(args.begin(), {POS_HQ, "--db",
                               "host=127.0.0.1 port=" + std::to_string(office.cluster.port()) + " dbname=hq user=hq"});
    setenv("PGPASSWORD", PgCluster::admin_password, 1);
    TempDir scratch;
    auto result = run(args, scratch.path());
    unsetenv("PGPASSWORD");
    return result;
}

}  // namespace

TEST_CASE("pos-hq report: a week and a month by region and by store agree with the stores' daily reports") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    auto beijing = office.join("bj_001", "华北");
    // 2026-11-21 to 2026-11-30: the week of Monday 23 to Sunday 29 lies inside.
    TestStore store_a(office, shanghai, 10, "2026-11-30", 10, 1);
    TestStore store_b(office, beijing, 10, "2026-11-30", 10, 2);
    REQUIRE(store_a.posctl({"hq", "push"}).exit_code == 0);
    REQUIRE(store_b.posctl({"hq", "push"}).exit_code == 0);

    CHECK(
        pos_hq(office, {"target", "set", "--store", "sh_001", "--month", "2026-11", "--amount", "300000"}).exit_code ==
        0);
    CHECK(
        pos_hq(office, {"target", "set", "--region", "华北", "--month", "2026-11", "--amount", "30000.00"}).exit_code ==
        0);
    auto unknown = pos_hq(office, {"target", "set", "--store", "gz_009", "--month", "2026-11", "--amount", "1"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("no store gz_009") != std::string::npos);
    auto bad_month = pos_hq(office, {"target", "set", "--store", "sh_001", "--month", "2026-13", "--amount", "1"});
    CHECK(bad_month.exit_code == 2);

    DailySum week_a = daily_reports(store_a, 23, 7), week_b = daily_reports(store_b, 23, 7);
    DailySum month_a = daily_reports(store_a, 21, 10), month_b = daily_reports(store_b, 21, 10);

    auto month = pos::hq::period_report(*office.admin, "month", "2026-11-15", "store");
    REQUIRE_MESSAGE(month, (month ? "" : month.error().message));
    CHECK(month->period.first == "2026-11-01");
    CHECK(month->period.last == "2026-11-30");
    CHECK(month->total.net_fen == month_a.net_fen + month_b.net_fen);
    CHECK(month->total.tickets == month_a.tickets + month_b.tickets);
    for (const auto& row : month->rows) {
        CHECK(row.net_fen == (row.key == "sh_001" ? month_a : month_b).net_fen);
        if (row.key == "sh_001") CHECK(*row.target_fen == 30000000);
        if (row.key == "bj_001") CHECK_FALSE(row.target_fen);  // its region has one, the store none
    }

    auto week = pos::hq::period_report(*office.admin, "week", "2026-11-26", "region");
    REQUIRE(week);
    CHECK(week->period.first == "2026-11-23");
    CHECK(week->period.last == "2026-11-29");
    CHECK(week->total.net_fen == week_a.net_fen + week_b.net_fen);
    REQUIRE(week->rows.size() == 2);
    for (const auto& row : week->rows) {
        CHECK(row.stores == 1);
        // 7 of November's 30 days of each month's target.
        CHECK(*row.target_fen == (row.key == "华东" ? 7000000 : 700000));
    }

    auto text = pos_hq(office, {"report", "--period", "week", "--date", "2026-11-26", "--by", "region"});
    REQUIRE_MESSAGE(text.exit_code == 0, text.err);
    CHECK(text.out.find("Net sales by region, week 2026-11-23 to 2026-11-29") == 0);
    CHECK(text.out.find(pos::hq::yuan(week->total.net_fen)) != std::string::npos);
    auto csv =
        pos_hq(office, {"report", "--period", "month", "--date", "2026-11-01", "--by", "store", "--format", "csv"});
    CHECK(csv.out.find("store,region,period_first,period_last,stores,tickets,returns,net,target,attained,previous_net,"
                       "previous_change,last_year_net,last_year_change\n") == 0);
    CHECK(csv.out.find("sh_001,华东,2026-11-01,2026-11-30,1,") != std::string::npos);
    auto html = pos_hq(office, {"report", "--by", "store", "--date", "2026-11-30", "--format", "html"});
    CHECK(html.out.find("<svg") != std::string::npos);
    CHECK(html.out.find("</html>") != std::string::npos);
    auto bad = pos_hq(office, {"report", "--date", "30/11/2026"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("use YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("pos-hq report by department, tender, hour and cashier agrees with the stores' daily reports") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    auto beijing = office.join("bj_001", "华北");
    TestStore store_a(office, shanghai, 14, "2026-11-29", 8, 3);
    TestStore store_b(office, beijing, 14, "2026-11-29", 8, 4);
    REQUIRE(store_a.posctl({"hq", "push"}).exit_code == 0);
    REQUIRE(store_b.posctl({"hq", "push"}).exit_code == 0);
    DailySum week_a = daily_reports(store_a, 23, 7), week_b = daily_reports(store_b, 23, 7);
    DailySum before_a = daily_reports(store_a, 16, 7), before_b = daily_reports(store_b, 16, 7);

    for (const char* by : {"department", "tender", "hour", "cashier"}) {
        INFO("by ", std::string(by));
        auto report = pos::hq::period_report(*office.admin, {"week", "2026-11-25", "", ""}, by);
        REQUIRE_MESSAGE(report, (report ? "" : report.error().message));
        CHECK(report->previous.first == "2026-11-16");
        CHECK(report->previous.last == "2026-11-22");
        CHECK(report->last_year.first == "2025-11-24");  // 52 weeks before: a Monday too
        std::map<std::string, int64_t> expected, expected_before;
        for (auto [store, sums, earlier] :
             {std::tuple{"sh_001", &week_a, &before_a}, std::tuple{"bj_001", &week_b, &before_b}}) {
            for (auto [key, fen] : sums->breakdowns[by]) {
                expected[std::string(by) == "cashier" ? std::string(store) + "/" + key : key] += fen;
            }
            for (auto [key, fen] : earlier->breakdowns[by]) {
                expected_before[std::string(by) == "cashier" ? std::string(store) + "/" + key : key] += fen;
            }
        }
        std::map<std::string, int64_t> got, got_before;
        for (const auto& row : report->rows) {
            if (row.net_fen != 0 || expected.count(row.key)) got[row.key] = row.net_fen;
            if (row.previous_net_fen != 0 || expected_before.count(row.key)) got_before[row.key] = row.previous_net_fen;
            CHECK(row.last_year_net_fen == 0);
        }
        CHECK(got == expected);
        CHECK(got_before == expected_before);
        CHECK(report->total.tickets == week_a.tickets + week_b.tickets);
        REQUIRE(report->top_stores.size() == 1);
        REQUIRE(report->bottom_stores.size() == 1);
        CHECK(report->top_stores[0].net_fen >= report->bottom_stores[0].net_fen);
    }
    auto items = pos::hq::period_report(*office.admin, {"week", "2026-11-25", "", ""}, "item");
    REQUIRE(items);
    REQUIRE_FALSE(items->rows.empty());
    CHECK_FALSE(items->rows[0].name.empty());

    auto range =
        pos_hq(office, {"report", "--from", "2026-11-20", "--to", "2026-11-26", "--by", "store", "--format", "json"});
    REQUIRE_MESSAGE(range.exit_code == 0, range.err);
    auto json = nlohmann::json::parse(range.out);
    CHECK(json["period"]["kind"] == "range");
    CHECK(json["previous"]["first"] == "2026-11-13");
    CHECK(json["previous"]["last"] == "2026-11-19");
    CHECK(json["last_year"]["first"] == "2025-11-20");
    CHECK(json["rows"].size() == 2);
    CHECK(json["top_stores"].size() == 1);
    auto quarter = pos_hq(office, {"report", "--period", "quarter", "--date", "2026-11-25", "--by", "tender"});
    REQUIRE_MESSAGE(quarter.exit_code == 0, quarter.err);
    CHECK(quarter.out.find("Net sales by tender, quarter 2026-10-01 to 2026-12-31") == 0);
    CHECK(quarter.out.find("previous: quarter 2026-07-01 to 2026-09-30; last year: quarter 2025-10-01 to "
                           "2025-12-31") != std::string::npos);
    CHECK(quarter.out.find("Top stores:") != std::string::npos);
    auto backwards = pos_hq(office, {"report", "--from", "2026-11-26", "--to", "2026-11-20"});
    CHECK(backwards.exit_code == 2);
    CHECK(backwards.err.find("is after") != std::string::npos);
    auto half = pos_hq(office, {"report", "--from", "2026-11-26"});
    CHECK(half.exit_code == 2);
}

TEST_CASE("pos-hq report compares with the same period last year and shares targets over a quarter") {
    TestHeadOffice office;
    pos::hq::DemoChain chain;
    chain.stores = 4;
    chain.days = 400;
    chain.sales = 3;
    chain.last_day = "2026-11-30";
    REQUIRE(pos::hq::generate_demo_chain(*office.admin, chain));
    REQUIRE(pos::hq::set_target(*office.admin, "store", "demo_001", "2026-10", 3100000));
    REQUIRE(pos::hq::set_target(*office.admin, "store", "demo_001", "2026-11", 3000000));
    auto net = [&](const std::string& first, const std::string& last) {
        return office.count(
            "SELECT sum((payload->>'total_fen')::bigint) FROM store_records WHERE kind IN ('sale', "
            "'return') AND business_day BETWEEN '" +
            first + "' AND '" + last + "'");
    };
    for (const char* by : {"region", "store", "department", "item", "cashier", "hour", "tender"}) {
        INFO("by ", std::string(by));
        auto month = pos::hq::period_report(*office.admin, {"month", "2026-11-10", "", ""}, by);
        REQUIRE_MESSAGE(month, (month ? "" : month.error().message));
        CHECK(month->total.net_fen == net("2026-11-01", "2026-11-30"));
        CHECK(month->total.previous_net_fen == net("2026-10-01", "2026-10-31"));
        CHECK(month->total.last_year_net_fen == net("2025-11-01", "2025-11-30"));
        int64_t summed = 0;
        for (const auto& row : month->rows) summed += row.net_fen;
        CHECK(summed == month->total.net_fen);
    }
    auto quarter = pos::hq::period_report(*office.admin, {"quarter", "2026-11-10", "", ""}, "store");
    REQUIRE(quarter);
    // October's and November's targets whole, December's none.
    for (const auto& row : quarter->rows) {
        if (row.key == "demo_001") CHECK(*row.target_fen == 6100000);
    }
    CHECK_FALSE(quarter->total.target_fen);  // three stores have none: no chain attainment
    REQUIRE(pos::hq::set_target(*office.admin, "region", "华北", "2026-11", 1000000));
    auto regions = pos::hq::period_report(*office.admin, {"month", "2026-11-10", "", ""}, "region");
    REQUIRE(regions);
    for (const auto& row : regions->rows) {
        if (row.key == "华北") CHECK(*row.target_fen == 1000000);
    }
    auto day = pos::hq::period_report(*office.admin, {"day", "2026-11-10", "", ""}, "region");
    REQUIRE(day);
    CHECK(day->previous.first == "2026-11-09");
    CHECK(day->last_year.first == "2025-11-10");
    CHECK(day->total.last_year_net_fen == net("2025-11-10", "2025-11-10"));
    REQUIRE(day->top_stores.size() == 2);
    CHECK(day->top_stores[0].net_fen >= day->top_stores[1].net_fen);
    CHECK(day->bottom_stores[0].net_fen <= day->bottom_stores[1].net_fen);
}
