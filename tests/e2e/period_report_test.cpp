// posctl report period end to end: a demo store's week, month and any days are the sums of its
// daily reports, beside the previous period; bad input refused with exit 2.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using nlohmann::json;
using pos::testing::ProcessResult;
using pos::testing::TempDir;

namespace {

ProcessResult posctl(const TempDir& dir, std::vector<std::string> args) {
    setenv("POS_ASSETS_DIR", POS_SOURCE_DIR "/assets", 1);
    args.insert(args.begin(), {POS_POSCTL, "--data", dir.file("data")});
    return pos::testing::run(args, dir.path());
}

json ok_json(const TempDir& dir, std::vector<std::string> args) {
    ProcessResult result = posctl(dir, args);
    CAPTURE(result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

struct Sums {
    std::string net = "0.00";
    int64_t net_fen = 0;
    int64_t tickets = 0;
    std::map<std::string, int64_t> departments;
};

int64_t fen(const json& value) {
    std::string text = value.get<std::string>();
    bool negative = text.starts_with('-');
    if (negative) text = text.substr(1);
    size_t dot = text.find('.');
    int64_t out = std::stoll(text.substr(0, dot)) * 100 + std::stoll(text.substr(dot + 1));
    return negative ? -out : out;
}

// The daily reports of November's days `first` to `last`, added up.
Sums dailies(const TempDir& dir, int first, int last) {
    Sums sums;
    for (int day = first; day <= last; ++day) {
        std::string date = "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        json daily = ok_json(dir, {"report", "daily", "--date", date, "--format", "json"});
        sums.net_fen += fen(daily["summary"]["net"]["value"]);
        sums.tickets += daily["summary"]["tickets"]["value"].get<int64_t>();
        for (const auto& row : daily["by_department"]) sums.departments[row["department"]] += fen(row["net"]["value"]);
    }
    return sums;
}

}  // namespace

TEST_CASE("report period: a week and any days are the sums of the store's daily reports") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    auto generated = posctl(dir, {"demo", "generate", "--lanes", "2", "--days", "20", "--last-day", "2026-11-30",
                                  "--sales", "8", "--seed", "5"});
    REQUIRE_MESSAGE(generated.exit_code == 0, generated.err);

    json week = ok_json(dir, {"report", "period", "--period", "week", "--date", "2026-11-25", "--format", "json"});
    CHECK(week["period"]["first"] == "2026-11-23");
    CHECK(week["period"]["last"] == "2026-11-29");
    CHECK(week["previous"]["first"] == "2026-11-16");
    CHECK(week["last_year"]["first"] == "2025-11-24");
    CHECK(week["business_days"] == 7);
    Sums this_week = dailies(dir, 23, 29), week_before = dailies(dir, 16, 22);
    CHECK(fen(week["summary"]["net"]["value"]) == this_week.net_fen);
    CHECK(week["summary"]["tickets"]["value"] == this_week.tickets);
    CHECK(fen(week["summary"]["net"]["previous"]) == week_before.net_fen);
    CHECK(fen(week["summary"]["net"]["last_year"]) == 0);
    std::map<std::string, int64_t> departments;
    for (const auto& row : week["by_department"]) departments[row["department"]] = fen(row["net"]["value"]);
    CHECK(departments == this_week.departments);

    json range = ok_json(dir, {"report", "period", "--from", "2026-11-16", "--to", "2026-11-29", "--format", "json"});
    CHECK(fen(range["summary"]["net"]["value"]) == this_week.net_fen + week_before.net_fen);
    CHECK(range["previous"]["first"] == "2026-11-02");
    CHECK(range["business_days"] == 14);

    auto text = posctl(dir, {"report", "period", "--period", "month", "--date", "2026-11-25"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("Period report, month 2026-11-01 to 2026-11-30") == 0);
    CHECK(text.out.find("By department") != std::string::npos);
    auto csv = posctl(dir, {"report", "period", "--from", "2026-11-23", "--to", "2026-11-29", "--format", "csv"});
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.find("period,range\nfirst,2026-11-23\n") == 0);
    auto html = posctl(dir, {"report", "period", "--format", "html", "--date", "2026-11-25"});
    REQUIRE(html.exit_code == 0);
    CHECK(html.out.find("<svg") != std::string::npos);

    auto backwards = posctl(dir, {"report", "period", "--from", "2026-11-29", "--to", "2026-11-23"});
    CHECK(backwards.exit_code == 2);
    CHECK(backwards.err.find("is after --to") != std::string::npos);
    auto bad = posctl(dir, {"report", "period", "--date", "2026-13-01"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("YYYY-MM-DD") != std::string::npos);
    CHECK(posctl(dir, {"report", "period", "--from", "2026-11-23"}).exit_code == 2);
}
