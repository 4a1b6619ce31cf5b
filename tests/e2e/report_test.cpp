// posctl report daily end to end: a few scripted sales synced and closed, the report in every
// format; posctl demo generate and the report of its last day; bad input refused with exit 2.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

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

ProcessResult ok(const TempDir& dir, std::vector<std::string> args) {
    ProcessResult result = posctl(dir, args);
    CAPTURE(result.out);
    CAPTURE(result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

}  // namespace

TEST_CASE("report: posctl report daily after scripted sales, in text, json, csv and html") {
    TempDir dir;
    ok(dir, {"init", "--demo"});
    // 1001 sells water ×3 (6.00, cash 10.00 → change 4.00) at 09:15 and 5 L water (9.00, card) at 11:40;
    // counted 206.00 against 200 + 6.00.
    std::ofstream(dir.file("day.jsonl")) << R"({"op":"login","operator":"1001","pin":"1234"}
{"op":"open_shift","float":"200.00","now":"2026-11-23T08:00:00+08:00"}
{"op":"scan","code":"6921168176748","qty":"3","now":"2026-11-23T09:15:00+08:00"}
{"op":"tender","method":"cash","amount":"10.00","now":"2026-11-23T09:15:30+08:00"}
{"op":"scan","code":"6921168861569","now":"2026-11-23T11:40:00+08:00"}
{"op":"tender","method":"card","now":"2026-11-23T11:40:30+08:00"}
{"op":"close_shift","counted":{"cash":{"100":2,"5":1,"1":1},"card":"9.00"},"now":"2026-11-23T18:00:00+08:00"}
)";
    ok(dir, {"session", "run", dir.file("day.jsonl")});
    ok(dir, {"sync", "--once"});
    ok(dir, {"day", "close", "--now", "2026-11-23T22:00:00+08:00"});

    json r = json::parse(ok(dir, {"report", "daily", "--date", "2026-11-23", "--format", "json"}).out);
    CHECK(r["summary"]["net"]["value"] == "15.00");
    CHECK(r["summary"]["tickets"]["value"] == 2);
    CHECK(r["summary"]["items"]["value"] == 4);
    CHECK(r["summary"]["average_ticket"]["value"] == "7.50");
    CHECK(r["by_hour"][0]["hour"] == "09");
    CHECK(r["by_hour"][1]["hour"] == "11");
    CHECK(r["by_tender"][0]["tender"] == "card");
    CHECK(r["by_tender"][0]["net"]["value"] == "9.00");
    CHECK(r["by_tender"][1]["net"]["value"] == "6.00");
    CHECK(r["cash"][0]["variance"] == "0.00");

    // Without --date: the last closed day.
    std::string text = ok(dir, {"report", "daily"}).out;
    CHECK(text.find("Daily report 2026-11-23 (Mon)") != std::string::npos);
    CHECK(text.find("net sales") != std::string::npos);

    std::string csv = ok(dir, {"report", "daily", "--date", "2026-11-23", "--format", "csv"}).out;
    CHECK(csv.find("section,summary,Summary") != std::string::npos);
    CHECK(csv.find("net sales,15.00,0.00,15.00,'-,0.00,15.00,'-") != std::string::npos);

    ok(dir, {"report", "daily", "--date", "2026-11-23", "--format", "html", "--out", dir.file("day.html")});
    std::string html = pos::testing::read_whole(dir.file("day.html"));
    CHECK(html.find("<svg id=\"hourly-chart\"") != std::string::npos);
    CHECK(html.find("<svg id=\"tender-chart\"") != std::string::npos);

    // The printed version, read back from the printer's bytes.
    std::string paper = ok(dir, {"report", "daily", "--date", "2026-11-23", "--format", "receipt"}).out;
    CHECK(paper.find("net sales") != std::string::npos);
    CHECK(paper.find("15.00") != std::string::npos);

    ProcessResult bad = posctl(dir, {"report", "daily", "--date", "2026-02-30"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("report: posctl demo generate writes days the report reads, and refuses them twice") {
    TempDir dir;
    ok(dir, {"init", "--demo"});
    std::string generated =
        ok(dir, {"demo", "generate", "--lanes", "2", "--days", "8", "--sales", "20", "--last-day", "2026-11-22"}).out;
    CHECK(generated.find("generated 8 day(s) to 2026-11-22") != std::string::npos);
    json r = json::parse(ok(dir, {"report", "daily", "--date", "2026-11-22", "--format", "json"}).out);
    CHECK(r["closed"] == true);
    CHECK(r["by_lane"].size() == 2);
    CHECK(r["summary"]["tickets"]["value"].get<int64_t>() > 0);
    CHECK(r["summary"]["net"]["previous_day"] != "0.00");
    CHECK(r["summary"]["net"]["last_week"] != "0.00");
    // The tenders (cash net of change) add up to the net, to the fen.
    int64_t tenders = 0;
    for (const json& row : r["by_tender"]) {
        std::string amount = row["net"]["value"];
        tenders += std::llround(std::stod(amount) * 100);
    }
    CHECK(tenders == std::llround(std::stod(r["summary"]["net"]["value"].get<std::string>()) * 100));
    ProcessResult again = posctl(dir, {"demo", "generate", "--lanes", "2", "--days", "1", "--last-day", "2026-11-22"});
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("already has business day 2026-11-22") != std::string::npos);
}
