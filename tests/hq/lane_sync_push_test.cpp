// A one-machine store (no pos-store) pushes to its head office from the lane's sync worker: `posctl
// sync` runs the same worker as `pos`, and store.db reaches the head office once, after the head
// office refused the store at first, while the worker keeps syncing.
#include <doctest/doctest.h>

#include <signal.h>

#include "tests/support/eventually.hpp"
#include "tests/support/head_office.hpp"

using namespace pos::testing;

TEST_CASE("the lane's sync worker pushes a one-machine store to its head office and drains once it is back") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    TestStore store(office, shanghai, 2, "2026-11-30");
    REQUIRE(office.admin->script("ALTER ROLE store_sh_001 NOLOGIN"));  // refused at first: it keeps trying

    pid_t pid = spawn({POS_POSCTL, "--data", store.data, "sync", "--interval-ms", "200", "--head-office-every", "1"},
                      store.dir.file("sync.out"), store.dir.file("sync.err"));
    KillOnExit guard(pid);
    bool refused = eventually("the sync worker to report the refusal", [&] {
        return read_whole(store.dir.file("sync.out")).find("not permitted to log in") != std::string::npos;
    });
    REQUIRE_MESSAGE(refused, read_whole(store.dir.file("sync.out")) << read_whole(store.dir.file("sync.err")));
    CHECK(office.count("SELECT count(*) FROM store_records") == 0);
    REQUIRE(office.admin->script("ALTER ROLE store_sh_001 LOGIN"));
    CHECK(eventually(
        "every record at the head office",
        [&] { return office.count("SELECT count(*) FROM store_records") == store.pushable(); },
        std::chrono::seconds(30)));
    kill(guard.release(), SIGTERM);
    CHECK(wait_exit_code(pid) == 0);
    CHECK(read_whole(store.dir.file("sync.out")).find("head office took") != std::string::npos);
    CHECK(office.count("SELECT count(*) FROM ingest_conflicts") == 0);
}
