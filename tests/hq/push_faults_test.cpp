// Faults on the way to the head office, with a real PostgreSQL server and real posctl processes:
// pushes killed with SIGKILL at random moments many times (the head office ends with the union of
// every store's records, each once), the head office stopped and started mid-push, and a store's
// role trying to write another store's rows.
#include <doctest/doctest.h>

#include <signal.h>

#include <cstdlib>
#include <random>
#include <thread>

#include "tests/support/eventually.hpp"
#include "tests/support/head_office.hpp"

using namespace pos::testing;

namespace {

int64_t at_head_office(TestHeadOffice& office, const std::string& store_id) {
    return office.count("SELECT count(*) FROM store_records WHERE store_id = '" + store_id + "'");
}

// The head office holds exactly what the store holds: as many rows, no conflicts, the same money.
void check_exactly_once(TestHeadOffice& office, const TestStore& store, const std::string& store_id) {
    CAPTURE(store_id);
    CHECK(at_head_office(office, store_id) == store.pushable());
    CHECK(office.count("SELECT sum((payload->>'total_fen')::bigint) FROM store_records WHERE store_id = '" + store_id +
                       "' AND kind IN ('sale', 'return')") == store.count("SELECT sum(total_fen) FROM sales"));
    CHECK(office.count("SELECT count(*) FROM ingest_conflicts") == 0);
}

}  // namespace

TEST_CASE("head office push killed at random moments many times: the union of both stores, each record once") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    auto suzhou = office.join("sz_002", "华东");
    TestStore store_a(office, shanghai, 6, "2026-11-30", 12, 1);
    TestStore store_b(office, suzhou, 6, "2026-11-30", 12, 2);
    const TestStore* stores[] = {&store_a, &store_b};
    const char* ids[] = {"sh_001", "sz_002"};

    int rounds = 24;
    if (const char* env = std::getenv("POS_HQ_PUSH_KILLS")) rounds = std::atoi(env);
    std::mt19937 random(20261207);
    // Up to 12 new rows a round: 12 rounds a store take about 70 of its ~170 records, so every round
    // has a backlog to be killed in (a push that ran dry is not cut short).
    std::uniform_int_distribution<int> rows_before_kill(0, 12);
    std::uniform_int_distribution<int> extra_us(0, 3000);
    int cut_short = 0;
    for (int round = 0; round < rounds; ++round) {
        int which = round % 2;
        int64_t before = at_head_office(office, ids[which]);
        int64_t target = before + rows_before_kill(random);
        pid_t pid = spawn(stores[which]->posctl_argv({"hq", "push", "--batch", "3"}), stores[which]->dir.file("out"),
                          stores[which]->dir.file("err"));
        // Kill once the head office holds a random number of new rows (so a busy machine still
        // pushes before each kill), then a random few microseconds more: somewhere in the next batch.
        // That pause is the scenario (a random moment), not a wait for anything.
        REQUIRE(eventually("the push to reach row " + std::to_string(target),
                           [&] { return at_head_office(office, ids[which]) >= target || !still_running(pid); }));
        std::this_thread::sleep_for(std::chrono::microseconds(extra_us(random)));
        kill(pid, SIGKILL);
        if (wait_exit_code(pid) == -1) ++cut_short;
    }
    CHECK(cut_short > rounds / 2);  // most pushes really were cut short

    for (int which = 0; which < 2; ++which) {
        auto drained = stores[which]->posctl({"hq", "push"});
        REQUIRE_MESSAGE(drained.exit_code == 0, drained.err);
        CHECK(drained.out.find(" 0 left") != std::string::npos);
        check_exactly_once(office, *stores[which], ids[which]);
    }
}

TEST_CASE("head office stopped and started mid-push: the push says it is away, the next one drains") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    TestStore store(office, shanghai, 6, "2026-11-30");

    pid_t pid = spawn(store.posctl_argv({"hq", "push", "--batch", "1"}), store.dir.file("out"), store.dir.file("err"));
    REQUIRE(eventually("the push to be under way", [&] { return at_head_office(office, "sh_001") >= 20; }));
    office.cluster.stop();
    int code = wait_exit_code(pid);
    CHECK(code == 3);
    CHECK(read_whole(store.dir.file("err")).find("go with the next push") != std::string::npos);

    // While it is away the store keeps its queue; pushes only report it.
    auto meanwhile = store.posctl({"hq", "push"});
    CHECK(meanwhile.exit_code == 3);

    office.cluster.start();
    office.reconnect();
    auto drained = store.posctl({"hq", "push"});
    REQUIRE_MESSAGE(drained.exit_code == 0, drained.err);
    check_exactly_once(office, store, "sh_001");
}

TEST_CASE("a store's role cannot write, change or remove another store's rows") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    auto suzhou = office.join("sz_002", "华东");
    TestStore store(office, shanghai, 1, "2026-11-30");
    REQUIRE(store.posctl({"hq", "push"}).exit_code == 0);
    int64_t shanghai_rows = at_head_office(office, "sh_001");

    auto thief = pg_connect(office.cluster.conninfo(suzhou.role, suzhou.password, "hq"));
    auto forged = thief.exec(
        "INSERT INTO store_records (store_id, kind, ref, business_day, payload) "
        "VALUES ('sh_001', 'sale', 'forged', '2026-11-30', '{\"total_fen\": -100000}')");
    REQUIRE_FALSE(forged);
    CHECK(forged.error().sqlstate == "42501");
    auto changed = thief.exec("UPDATE store_records SET payload = '{}' WHERE store_id = 'sh_001'");
    REQUIRE_FALSE(changed);
    CHECK(changed.error().sqlstate == "42501");
    auto removed = thief.exec("DELETE FROM store_records WHERE store_id = 'sh_001'");
    REQUIRE_FALSE(removed);
    CHECK(removed.error().sqlstate == "42501");
    auto partition = thief.exec("DELETE FROM store_records_2026_11");
    CHECK_FALSE(partition);

    // Suzhou's stolen password in Shanghai's pos.toml: what it pushes lands as Suzhou's, never Shanghai's.
    std::ofstream(store.dir.file("hq.password"), std::ios::trunc) << suzhou.password << "\n";
    std::string toml = read_whole(store.data + "/pos.toml");
    toml.replace(toml.find("user=store_sh_001"), 17, "user=store_sz_002");
    std::ofstream(store.data + "/pos.toml", std::ios::trunc) << toml;
    auto as_suzhou = store.posctl({"hq", "push"});
    CHECK(as_suzhou.exit_code == 0);
    CHECK(at_head_office(office, "sh_001") == shanghai_rows);
    CHECK(office.count("SELECT count(*) FROM store_records WHERE ref = 'forged'") == 0);
}
