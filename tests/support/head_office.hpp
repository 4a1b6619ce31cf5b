// A head office for store-side tests: a throwaway PostgreSQL 15 cluster with the hq schema, stores
// joined through pos::hq, and one-machine store data directories (posctl init --demo, demo history)
// whose pos.toml names the head office with a 0600 password file.
#pragma once

#include <sys/stat.h>

#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "db/store/store_db.hpp"
#include "hq/head_office.hpp"
#include "hq/migrations.hpp"
#include "tests/support/pg_cluster.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

inline hq::PgConnection pg_connect(const std::string& conninfo) {
    auto connection = hq::PgConnection::open(conninfo);
    REQUIRE_MESSAGE(connection, (connection ? "" : connection.error().message));
    return std::move(*connection);
}

struct TestHeadOffice {
    PgCluster cluster;
    std::optional<hq::PgConnection> admin;

    TestHeadOffice() {
        hq::PgConnection server = pg_connect(cluster.admin());
        REQUIRE(server.script("CREATE DATABASE hq"));
        admin.emplace(pg_connect(cluster.admin("hq")));
        auto version = hq::migrate(*admin);
        REQUIRE_MESSAGE(version, (version ? "" : version.error().message));
    }
    // After the server was stopped and started: the old connection is gone.
    void reconnect() { admin.emplace(pg_connect(cluster.admin("hq"))); }
    hq::StoreCredentials join(const std::string& store_id, const std::string& region) {
        auto joined = hq::add_store(*admin, store_id, store_id + " 店", region);
        REQUIRE_MESSAGE(joined, (joined ? "" : joined.error().message));
        return *joined;
    }
    int64_t count(const std::string& sql) {
        auto rows = admin->exec(sql);
        REQUIRE_MESSAGE(rows, (rows ? "" : rows.error().message));
        return rows->null(0, 0) ? 0 : rows->integer(0, 0);
    }
};

// A one-machine store: DIR/data with demo catalog, `days` days of demo history ending `last_day`,
// and [head_office] pointing at `office` as `credentials`' role.
struct TestStore {
    TempDir dir;
    std::string data;

    TestStore(const TestHeadOffice& office, const hq::StoreCredentials& credentials, int days,
              const std::string& last_day, int sales = 12, int seed = 1)
        : data(dir.file("data")) {
        REQUIRE(posctl({"init", "--demo"}).exit_code == 0);
        auto generated = posctl({"demo", "generate", "--lanes", "2", "--days", std::to_string(days), "--last-day",
                                 last_day, "--sales", std::to_string(sales), "--seed", std::to_string(seed)});
        REQUIRE_MESSAGE(generated.exit_code == 0, generated.err);
        std::string password_file = dir.file("hq.password");
        std::ofstream(password_file) << credentials.password << "\n";
        chmod(password_file.c_str(), 0600);
        std::ofstream(data + "/pos.toml", std::ios::app)
            << "\n[head_office]\nconninfo = \"host=127.0.0.1 port=" << office.cluster.port()
            << " dbname=hq user=" << credentials.role << " connect_timeout=5\"\npassword_file = \"" << password_file
            << "\"\n";
    }
    ProcessResult posctl(std::vector<std::string> args) const {
        args.insert(args.begin(), {POS_POSCTL, "--data", data});
        return run(args, dir.path());
    }
    ProcessResult posctl_input(std::vector<std::string> args, const std::string& input) const {
        args.insert(args.begin(), {POS_POSCTL, "--data", data});
        return run_with_input(args, input, dir.path());
    }
    // One number from store.db.
    [[nodiscard]] int64_t count(const std::string& sql) const {
        auto opened = db::StoreDb::open(data + "/store.db", false);
        REQUIRE(opened);
        auto value = (*opened)->connection().query_text(sql);
        REQUIRE(value);
        return std::stoll(value->value_or("0"));
    }
    // What store.db holds that the head office takes (one audit head per lane with an audit chain).
    [[nodiscard]] int64_t pushable() const {
        return count(
            "SELECT (SELECT count(*) FROM sales) + (SELECT count(*) FROM shifts) + "
            "(SELECT count(*) FROM shift_closes) + (SELECT count(*) FROM cash_movements) + "
            "(SELECT count(*) FROM business_days) + (SELECT count(DISTINCT lane) FROM audit)");
    }
    std::vector<std::string> posctl_argv(std::vector<std::string> args) const {
        args.insert(args.begin(), {POS_POSCTL, "--data", data});
        return args;
    }
};

}  // namespace pos::testing
