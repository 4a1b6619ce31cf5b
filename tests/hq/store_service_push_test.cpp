// pos-store in a multi-lane store pushes store.db to the head office on a thread of its own: the
// head office away at first, then back, and everything arrives once while pos-store keeps serving.
#include <doctest/doctest.h>

#include <signal.h>

#include "tests/support/eventually.hpp"
#include "tests/support/head_office.hpp"

using namespace pos::testing;

TEST_CASE("pos-store serve pushes to the head office every interval and drains once it is back") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    TestStore store(office, shanghai, 2, "2026-11-30");
    REQUIRE(office.admin->script("ALTER ROLE store_sh_001 NOLOGIN"));  // refused at first: it keeps trying

    pid_t pid = spawn({POS_STORE, "--data", store.data, "serve", "--listen", "127.0.0.1:0", "--head-office-every", "1"},
                      store.dir.file("store.out"), store.dir.file("store.err"));
    bool refused = eventually("pos-store to report the refusal", [&] {
        return read_whole(store.dir.file("store.out")).find("not permitted to log in") != std::string::npos;
    });
    if (!refused) {
        kill(pid, SIGTERM);
        wait_exit_code(pid);
        FAIL("pos-store said: " << read_whole(store.dir.file("store.out")) << read_whole(store.dir.file("store.err")));
    }
    CHECK(office.count("SELECT count(*) FROM store_records") == 0);
    REQUIRE(office.admin->script("ALTER ROLE store_sh_001 LOGIN"));
    CHECK(eventually(
        "every record at the head office",
        [&] { return office.count("SELECT count(*) FROM store_records") == store.pushable(); },
        std::chrono::seconds(30)));
    kill(pid, SIGTERM);
    CHECK(wait_exit_code(pid) == 0);
    CHECK(read_whole(store.dir.file("store.out")).find("head office took") != std::string::npos);
    CHECK(office.count("SELECT count(*) FROM ingest_conflicts") == 0);
}
