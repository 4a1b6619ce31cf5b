// pos-hq as the chain's IT runs it: init twice, a store joined with its password printed once,
// a bad store id refused with exit 2, and no password taken from the command line.
#include <doctest/doctest.h>

#include <cstdlib>

#include "hq/pg.hpp"
#include "tests/support/pg_cluster.hpp"
#include "tests/support/process.hpp"

using pos::testing::PgCluster;

namespace {

pos::testing::ProcessResult pos_hq(const PgCluster& cluster, const pos::testing::TempDir& dir,
                                   std::vector<std::string> args) {
    std::vector<std::string> argv = {POS_HQ, "--db",
                                     "host=127.0.0.1 port=" + std::to_string(cluster.port()) + " dbname=hq user=hq"};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_t pid = pos::testing::spawn(argv, dir.file("out"), dir.file("err"));
    int code = pos::testing::wait_exit_code(pid);
    return {code, pos::testing::read_whole(dir.file("out")), pos::testing::read_whole(dir.file("err"))};
}

}  // namespace

TEST_CASE("pos-hq: init, a store joined, and what it refuses") {
    PgCluster cluster;
    {
        auto server = pos::hq::PgConnection::open(cluster.admin());
        REQUIRE(server);
        REQUIRE(server->script("CREATE DATABASE hq"));
    }
    pos::testing::TempDir dir;
    unsetenv("PGPASSWORD");
    auto no_password = pos_hq(cluster, dir, {"init"});
    CHECK(no_password.exit_code == 1);
    CHECK(no_password.err.find("cannot connect to the head office database") != std::string::npos);

    setenv("PGPASSWORD", PgCluster::admin_password, 1);
    auto init = pos_hq(cluster, dir, {"init"});
    CHECK(init.exit_code == 0);
    CHECK(init.out.find("head office schema at version 6") == 0);
    CHECK(pos_hq(cluster, dir, {"init"}).exit_code == 0);

    auto joined = pos_hq(cluster, dir, {"store", "add", "sh_001", "--name", "上海人民广场店", "--region", "华东"});
    CHECK(joined.exit_code == 0);
    CHECK(joined.out.find("role: store_sh_001\npassword: ") != std::string::npos);
    CHECK(joined.err.empty());
    std::string password = joined.out.substr(joined.out.find("password: ") + 10, 24);
    auto as_store = pos::hq::PgConnection::open(cluster.conninfo("store_sh_001", password, "hq"));
    CHECK(as_store);

    auto bad = pos_hq(cluster, dir, {"store", "add", "SH 1", "--name", "x", "--region", "y"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("use lower-case letters, digits and _") != std::string::npos);
    auto twice = pos_hq(cluster, dir, {"store", "add", "sh_001", "--name", "x", "--region", "y"});
    CHECK(twice.exit_code == 1);

    auto demo =
        pos_hq(cluster, dir, {"demo", "--stores", "2", "--days", "3", "--sales", "2", "--last-day", "2026-11-30"});
    CHECK(demo.out == "demo chain: 2 stores, 12 new records from 2026-11-28 to 2026-11-30\n");
    auto again =
        pos_hq(cluster, dir, {"demo", "--stores", "2", "--days", "3", "--sales", "2", "--last-day", "2026-11-30"});
    CHECK(again.out.find("0 new records") != std::string::npos);
    auto weekly = pos_hq(cluster, dir, {"report", "--period", "week", "--date", "2026-11-30", "--by", "region"});
    CHECK(weekly.out.find("华东") != std::string::npos);
    CHECK(weekly.out.find("华北") != std::string::npos);
    unsetenv("PGPASSWORD");
}
