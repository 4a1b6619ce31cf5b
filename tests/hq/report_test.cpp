// pos-hq report against two demo stores pushed to a real head office: a week and a month by store
// and by region, against targets, whose totals equal the sum of the stores' own daily reports.
#include <doctest/doctest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "hq/report_format.hpp"
#include "hq/reports.hpp"
#include "tests/support/head_office.hpp"

using namespace pos::testing;

namespace {

struct DailySum {
    int64_t net_fen = 0;
    int64_t tickets = 0;
};

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
    CHECK(csv.out.find("store,region,period_first,period_last,stores,tickets,returns,net,target,attained\n") == 0);
    CHECK(csv.out.find("sh_001,华东,2026-11-01,2026-11-30,1,") != std::string::npos);
    auto html = pos_hq(office, {"report", "--by", "store", "--date", "2026-11-30", "--format", "html"});
    CHECK(html.out.find("<svg") != std::string::npos);
    CHECK(html.out.find("</html>") != std::string::npos);
    auto bad = pos_hq(office, {"report", "--date", "30/11/2026"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("use YYYY-MM-DD") != std::string::npos);
}
