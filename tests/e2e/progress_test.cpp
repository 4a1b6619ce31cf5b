// Long posctl commands show a progress line on a terminal and nothing more when piped: catalog
// import, demo generate and a count sheet (the head office push: tests/hq/store_push_test.cpp).
// The terminal is a real pseudo-terminal on the command's stderr.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/posctl.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/terminal.hpp"

using pos::testing::posctl;
using pos::testing::posctl_input;
using pos::testing::ProcessResult;
using pos::testing::run_on_terminal;
using pos::testing::TempDir;

namespace {

ProcessResult posctl_on_terminal(const TempDir& dir, std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {POS_POSCTL, "--data", dir.file("data")});
    return run_on_terminal(args, dir.path(), input);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("progress: catalog import draws a line per database on a terminal, nothing when piped") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    REQUIRE(posctl(dir, {"catalog", "export", dir.file("catalog.csv")}).exit_code == 0);

    ProcessResult shown = posctl_on_terminal(dir, {"catalog", "import", dir.file("catalog.csv")}, "8801\n888888\n");
    CAPTURE(shown.err);
    REQUIRE(shown.exit_code == 0);
    CHECK(contains(shown.err, "\rwriting store.db: "));
    CHECK(contains(shown.err, "\rwriting lane.db: "));
    CHECK(contains(shown.err, " items (100%)"));
    CHECK(contains(shown.err, "\x1b[K\r\n"));  // the last drawing of a line ends it
    CHECK(contains(shown.out, "imported "));

    ProcessResult piped = posctl_input(dir, {"catalog", "import", dir.file("catalog.csv")}, "8801\n888888\n");
    REQUIRE(piped.exit_code == 0);
    CHECK(piped.err.empty());
    CHECK(piped.out == shown.out);
}

TEST_CASE("progress: demo generate counts the days on a terminal, nothing when piped") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::vector<std::string> generate = {"demo", "generate", "--lanes", "1",          "--days",
                                         "3",    "--sales",  "5",       "--last-day", "2026-11-30"};

    ProcessResult shown = posctl_on_terminal(dir, generate);
    CAPTURE(shown.err);
    REQUIRE(shown.exit_code == 0);
    CHECK(contains(shown.err, "\rgenerating: 3 / 3 days (100%)"));
    CHECK(contains(shown.out, "generated 3 day(s)"));

    TempDir quiet;
    REQUIRE(posctl(quiet, {"init", "--demo"}).exit_code == 0);
    ProcessResult piped = posctl(quiet, generate);
    REQUIRE(piped.exit_code == 0);
    CHECK(piped.err.empty());
    CHECK(contains(piped.out, "generated 3 day(s)"));
}

TEST_CASE("progress: a count sheet counts its rows on a terminal, nothing when piped") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::vector<std::string> who = {"--by", "1001", "--now", "2026-12-07T08:00:00+08:00"};
    std::vector<std::string> open = {"stock", "count", "open"};
    open.insert(open.end(), who.begin(), who.end());
    ProcessResult opened = pos::testing::posctl_input(dir, open, "1234\n");
    REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
    std::ofstream(dir.file("shelf-a.csv")) << "sku,quantity\n101001,40\n107001,10.5\n";

    std::vector<std::string> sheet = {"stock", "count", "sheet", "1", dir.file("shelf-a.csv")};
    sheet.insert(sheet.end(), who.begin(), who.end());
    ProcessResult shown = posctl_on_terminal(dir, sheet, "1234\n");
    CAPTURE(shown.err);
    REQUIRE(shown.exit_code == 0);
    CHECK(contains(shown.err, "\rchecking shelf-a.csv: 2 / 2 rows (100%)"));
    CHECK(contains(shown.out, "count 1: 2 lines from shelf-a.csv"));

    ProcessResult piped = pos::testing::posctl_input(dir, sheet, "1234\n");  // loading it again replaces it
    REQUIRE(piped.exit_code == 0);
    CHECK(piped.err.empty());
    CHECK(piped.out == shown.out);
}
