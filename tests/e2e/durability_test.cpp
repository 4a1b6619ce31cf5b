// Durability: posctl selling in a loop is killed with SIGKILL at random moments, many times.
// Every sale whose result line was printed must be in lane.db, whole, exactly once.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "db/lane/lane_db.hpp"
#include "tests/support/child_output.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using nlohmann::json;
using pos::testing::TempDir;

namespace {

// A script of many one- to three-item sales, each paid in cash.
std::string selling_script(int sales) {
    const char* codes[] = {"6921168176748", "6921168861569", "6921168498505", "2200101005005"};
    std::string script = R"({"op":"login","operator":"1001","pin":"1234"})"
                         "\n"
                         R"({"op":"open_shift","float":"200.00"})"
                         "\n";
    for (int sale = 0; sale < sales; ++sale) {
        for (int item = 0; item <= sale % 3; ++item) {
            script += std::string(R"({"op":"scan","code":")") + codes[(sale + item) % 4] + "\"}\n";
        }
        script += R"({"op":"tender","method":"cash","amount":"100.00"})"
                  "\n";
    }
    return script;
}

int64_t query_int(pos::db::LaneDb& lane, const std::string& sql) {
    auto answer = lane.connection().query_text(sql);
    REQUIRE(answer.ok());
    return std::stoll(answer->value_or("-1"));
}

}  // namespace

TEST_CASE("durability: SIGKILL at random moments loses no printed sale and leaves none partial") {
    TempDir dir;
    std::string data = dir.file("data");
    REQUIRE(pos::testing::run({POS_POSCTL, "--data", data, "init", "--demo"}, dir.path()).exit_code == 0);
    std::ofstream(dir.file("sell.jsonl")) << selling_script(400);

    int rounds = 60;
    if (const char* env = std::getenv("POS_DURABILITY_ROUNDS")) rounds = std::atoi(env);
    std::mt19937 random(20261123);
    std::uniform_int_distribution<int> results_before_kill(0, 60);
    std::uniform_int_distribution<int> extra_us(0, 3000);
    std::set<std::string> printed;
    int killed = 0;

    for (int round = 0; round < rounds; ++round) {
        pos::testing::ChildOutput selling({POS_POSCTL, "--data", data, "session", "run", dir.file("sell.jsonl")},
                                          dir.file("err.txt"));
        pid_t pid = selling.pid();
        // Kill after a random number of results (so a slow, busy machine still sells before
        // each kill), then a random few microseconds more: somewhere inside the next action.
        // That pause is the scenario (a random moment), not a wait for anything.
        auto target = static_cast<std::ptrdiff_t>(results_before_kill(random));
        selling.wait_until("result line " + std::to_string(target), [&](const std::string& so_far) {
            return std::count(so_far.begin(), so_far.end(), '\n') >= target;
        });
        std::this_thread::sleep_for(std::chrono::microseconds(extra_us(random)));
        if (kill(pid, SIGKILL) == 0) ++killed;
        pos::testing::wait_exit_code(pid);
        REQUIRE(selling.wait_closed());
        // Only complete lines count: the last one may have been cut by the kill.
        std::istringstream lines(selling.text());
        std::string line;
        while (std::getline(lines, line)) {
            if (lines.eof()) break;  // no newline after it: cut
            json result = json::parse(line, nullptr, false);
            REQUIRE_FALSE(result.is_discarded());
            if (result.contains("sale_id") && result["sale_id"].is_string()) printed.insert(result["sale_id"]);
        }
    }
    CHECK(killed > rounds / 2);              // most rounds really were cut short
    CHECK(printed.size() > size_t(rounds));  // and sold something before most kills

    auto lane = pos::db::LaneDb::open(data + "/lane.db", false);  // runs quick_check
    REQUIRE(lane.ok());
    auto ids = (*lane)->sale_ids();
    REQUIRE(ids.ok());
    std::set<std::string> stored(ids->begin(), ids->end());
    CHECK(stored.size() == ids->size());  // each sale once
    for (const std::string& id : printed) {
        CAPTURE(id);
        CHECK(stored.contains(id));
    }
    // Every stored sale is whole: lines, tenders and outbox row, and its amounts add up.
    CHECK(query_int(**lane,
                    "SELECT count(*) FROM sales s WHERE NOT EXISTS "
                    "(SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)") == 0);
    CHECK(query_int(**lane,
                    "SELECT count(*) FROM sales s WHERE paid_fen != "
                    "(SELECT sum(amount_fen) FROM sale_tenders t WHERE t.sale_id = s.id)") == 0);
    CHECK(query_int(**lane,
                    "SELECT count(*) FROM sales s WHERE total_fen != "
                    "(SELECT sum(amount_fen) FROM sale_lines l WHERE l.sale_id = s.id)") == 0);
    CHECK(query_int(**lane,
                    "SELECT count(*) FROM sales s WHERE NOT EXISTS "
                    "(SELECT 1 FROM outbox o WHERE o.kind = 'sale' AND o.ref = s.id)") == 0);
    CHECK(query_int(**lane, "SELECT count(*) FROM outbox WHERE kind = 'sale'") == int64_t(stored.size()));
    CHECK(query_int(**lane, "SELECT count(DISTINCT receipt_no) FROM sales") == int64_t(stored.size()));
    MESSAGE("rounds: ", rounds, ", killed: ", killed, ", sales printed: ", printed.size(), ", stored: ", stored.size());
}
