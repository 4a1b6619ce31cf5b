// Exactly once under SIGKILL: `posctl sync --once` is killed at random moments, at least 200
// times, while the lane keeps selling; afterwards the store has every lane sale exactly once.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"

using pos::testing::TempDir;

TEST_CASE("sync: SIGKILL of posctl sync at 200 random points leaves every sale in the store exactly once") {
    TempDir dir;
    std::string data = dir.file("data");
    REQUIRE(pos::testing::run({POS_POSCTL, "--data", data, "init", "--demo"}, dir.path()).exit_code == 0);
    std::ofstream(dir.file("first.jsonl")) << pos::testing::selling_script(600);
    std::ofstream(dir.file("more.jsonl")) << pos::testing::selling_script(400, false);
    std::ofstream(dir.file("refill.jsonl")) << pos::testing::selling_script(20, false);
    REQUIRE(pos::testing::run({POS_POSCTL, "--data", data, "session", "run", dir.file("first.jsonl")}, dir.path())
                .exit_code == 0);
    // The lane keeps selling while sync is being killed.
    pid_t seller = pos::testing::spawn({POS_POSCTL, "--data", data, "session", "run", dir.file("more.jsonl")},
                                       dir.file("seller.out"), dir.file("seller.err"));

    int wanted = 200;
    if (const char* env = std::getenv("POS_SYNC_KILLS")) wanted = std::atoi(env);
    std::mt19937 random(20261124);
    std::uniform_int_distribution<int> delay_us(2000, 60000);
    int killed = 0, rounds = 0, finished = 0, moved = 0, store_ahead = 0, refills = 0;
    int64_t received_before = 0;
    while (killed < wanted && rounds < wanted * 5) {
        ++rounds;
        pid_t pid = pos::testing::spawn({POS_POSCTL, "--data", data, "sync", "--once", "--batch", "1"},
                                        dir.file("sync.out"), dir.file("sync.err"));
        // The scenario, not a wait: the kill lands at a random moment of the run.
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        kill(pid, SIGKILL);
        int code = pos::testing::wait_exit_code(pid);
        if (code == -1) {
            ++killed;
        } else {
            ++finished;  // it drained everything before the kill: sell more so the next run has work
            REQUIRE(
                pos::testing::run({POS_POSCTL, "--data", data, "session", "run", dir.file("refill.jsonl")}, dir.path())
                    .exit_code == 0);
            ++refills;
        }
        int64_t received = pos::testing::query_count(dir.file("data/store.db"), "SELECT count(*) FROM received");
        int64_t marked = pos::testing::query_count(dir.file("data/lane.db"),
                                                   "SELECT count(*) FROM outbox WHERE synced_at IS NOT NULL");
        if (received > received_before) ++moved;
        // Killed between the store's commit and the lane's: the next run must heal it.
        if (received > marked) ++store_ahead;
        received_before = received;
    }
    REQUIRE(pos::testing::wait_exit_code(seller) == 0);
    CHECK(killed >= wanted);

    auto final_run = pos::testing::run({POS_POSCTL, "--data", data, "sync", "--once"}, dir.path());
    CAPTURE(final_run.err);
    CHECK(final_run.exit_code == 0);
    MESSAGE("rounds: ", rounds, ", killed: ", killed, ", finished before the kill: ", finished,
            ", rounds that stored something: ", moved, ", rounds that left the store ahead of the lane: ", store_ahead,
            "; final run: ", final_run.out);
    int64_t sold = 1000 + 20 * int64_t(refills);
    CHECK(pos::testing::query_count(dir.file("data/lane.db"), "SELECT count(*) FROM sales") == sold);
    CHECK(pos::testing::query_count(dir.file("data/store.db"), "SELECT count(*) FROM sales") == sold);
    CHECK(pos::testing::column_values(dir.file("data/store.db"), "PRAGMA quick_check") ==
          std::multiset<std::string>{"ok"});
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("data/store.db"));
}
