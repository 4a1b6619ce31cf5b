// A one-machine store pushing store.db to the head office with `posctl hq push`: every record once
// (with its progress line on a terminal), a second push sends nothing new, the head office away
// leaves the queue for the next push, and a password file others can read is refused.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "tests/support/head_office.hpp"
#include "tests/support/terminal.hpp"

using namespace pos::testing;

TEST_CASE("posctl hq push: store.db's records reach the head office once, a second push sends nothing new") {
    TestHeadOffice office;
    auto credentials = office.join("sh_001", "华东");
    TestStore store(office, credentials, 3, "2026-11-30");
    int64_t expected = store.pushable();
    REQUIRE(expected > 50);

    // At a console: a progress line on the terminal (stderr), the summary on stdout as always.
    auto pushed = run_on_terminal(store.posctl_argv({"hq", "push", "--batch", "7"}), store.dir.path());
    REQUIRE_MESSAGE(pushed.exit_code == 0, pushed.err);
    CHECK(pushed.err.find("\rpushing to the head office: ") != std::string::npos);
    CHECK(pushed.err.find(" records (100%)") != std::string::npos);
    CHECK(pushed.out.find(std::to_string(expected) + " new") != std::string::npos);
    CHECK(pushed.out.find("0 left") != std::string::npos);
    CHECK(office.count("SELECT count(*) FROM store_records WHERE store_id = 'sh_001'") == expected);
    CHECK(office.count("SELECT sum((payload->>'total_fen')::bigint) FROM store_records WHERE kind IN ('sale', "
                       "'return')") == store.count("SELECT sum(total_fen) FROM sales"));
    CHECK(office.count("SELECT sum(jsonb_array_length(payload->'lines')) FROM store_records WHERE kind IN ('sale', "
                       "'return')") == store.count("SELECT count(*) FROM sale_lines"));

    auto again = store.posctl({"hq", "push"});  // piped: nothing but the summary
    CHECK(again.exit_code == 0);
    CHECK(again.err.empty());
    CHECK(again.out.find("pushed 0 batch(es): 0 new") == 0);
    CHECK(office.count("SELECT count(*) FROM ingest_conflicts") == 0);
    auto status = store.posctl({"hq", "status"});
    CHECK(status.out.find("waiting to be pushed: 0 record(s)") != std::string::npos);
}

TEST_CASE("posctl hq push: the head office away leaves everything queued, the next push drains it") {
    TestHeadOffice office;
    auto credentials = office.join("sh_001", "华东");
    TestStore store(office, credentials, 2, "2026-11-30");
    REQUIRE(office.admin->script("ALTER ROLE store_sh_001 NOLOGIN"));  // away, as far as the store can tell
    auto refused = store.posctl({"hq", "push"});
    CHECK(refused.exit_code == 1);  // a refusal is not an outage: the chain's IT must look
    CHECK(refused.err.find("not permitted to log in") != std::string::npos);
    REQUIRE(office.admin->script("ALTER ROLE store_sh_001 LOGIN"));

    std::string toml = read_whole(store.data + "/pos.toml");
    std::string moved = toml;
    moved.replace(moved.find("port="), 10, "port=1    ");  // nothing listens on port 1
    std::ofstream(store.data + "/pos.toml", std::ios::trunc) << moved;
    auto away = store.posctl({"hq", "push"});
    CHECK(away.exit_code == 3);
    CHECK(away.err.find("wait in store.db and go with the next push") != std::string::npos);
    std::ofstream(store.data + "/pos.toml", std::ios::trunc) << toml;

    auto drained = store.posctl({"hq", "push"});
    REQUIRE_MESSAGE(drained.exit_code == 0, drained.err);
    CHECK(office.count("SELECT count(*) FROM store_records") == store.pushable());
}

TEST_CASE("posctl hq push: a password file others can read is refused, and so is a password in pos.toml") {
    TestHeadOffice office;
    auto credentials = office.join("sh_001", "华东");
    TestStore store(office, credentials, 1, "2026-11-30");
    chmod(store.dir.file("hq.password").c_str(), 0644);
    auto open_file = store.posctl({"hq", "push"});
    CHECK(open_file.exit_code == 1);
    CHECK(open_file.err.find("can be read by others: chmod 600") != std::string::npos);
    CHECK(office.count("SELECT count(*) FROM store_records") == 0);

    std::string toml = read_whole(store.data + "/pos.toml");
    toml.replace(toml.find("connect_timeout=5"), 17, "password=secret00");
    std::ofstream(store.data + "/pos.toml", std::ios::trunc) << toml;
    auto in_toml = store.posctl({"hq", "status"});
    CHECK(in_toml.exit_code == 2);
    CHECK(in_toml.err.find("must not hold the password") != std::string::npos);
}
