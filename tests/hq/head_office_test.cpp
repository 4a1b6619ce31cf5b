// The head office on a real PostgreSQL 15 server started by the test: the schema, store roles,
// exactly-once ingest, conflicts kept aside, monthly partitions, and row-level security holding
// against a store that tries to read or write another store's rows.
#include <doctest/doctest.h>

#include "hq/head_office.hpp"
#include "hq/migrations.hpp"
#include "tests/support/pg_cluster.hpp"

using namespace pos::hq;
using pos::testing::PgCluster;

namespace {

PgConnection connect(const std::string& conninfo) {
    auto connection = PgConnection::open(conninfo);
    REQUIRE_MESSAGE(connection, (connection ? "" : connection.error().message));
    return std::move(*connection);
}

// A head office database with two stores joined.
struct HeadOffice {
    PgCluster cluster;
    std::optional<PgConnection> admin;
    StoreCredentials shanghai;
    StoreCredentials suzhou;

    HeadOffice() {
        PgConnection server = connect(cluster.admin());
        REQUIRE(server.script("CREATE DATABASE hq"));
        admin.emplace(connect(cluster.admin("hq")));
        auto version = migrate(*admin);
        REQUIRE_MESSAGE(version, (version ? "" : version.error().message));
        shanghai = *add_store(*admin, "sh_001", "上海人民广场店", "华东");
        suzhou = *add_store(*admin, "sz_002", "苏州观前街店", "华东");
    }
    PgConnection as(const StoreCredentials& store) {
        return connect(cluster.conninfo(store.role, store.password, "hq"));
    }
};

IncomingRecord sale(const std::string& id, const std::string& day, const std::string& total) {
    return {"sale", id, day, 1, R"({"id":")" + id + R"(","total":")" + total + R"("})"};
}

}  // namespace

TEST_CASE("head office: the schema migrates once, and again is a no-op") {
    HeadOffice hq;
    auto again = migrate(*hq.admin);
    REQUIRE(again);
    CHECK(*again == static_cast<int>(hq_migrations().size()));
    auto applied = hq.admin->exec("SELECT count(*) FROM hq_schema");
    CHECK(applied->integer(0, 0) == static_cast<int64_t>(hq_migrations().size()));
}

TEST_CASE("head office: a batch sent twice is stored once, other content under the same key is kept aside") {
    HeadOffice hq;
    PgConnection store = hq.as(hq.shanghai);
    std::vector<IncomingRecord> batch = {sale("s-1", "2026-11-30", "12.50"),
                                         sale("s-2", "2026-12-01", "3.00"),
                                         {"shift", "shift-9", "2026-12-01", 1, R"({"id":"shift-9"})"}};
    auto first = ingest(store, batch);
    REQUIRE_MESSAGE(first, (first ? "" : first.error().message));
    CHECK(first->stored == 3);
    auto again = ingest(store, batch);
    REQUIRE(again);
    CHECK(again->stored == 0);
    CHECK(again->repeated == 3);
    auto changed = ingest(store, {sale("s-1", "2026-11-30", "99.99")});
    REQUIRE(changed);
    CHECK(changed->conflicts == 1);
    auto kept = hq.admin->exec("SELECT payload->>'total' FROM store_records WHERE ref = 's-1'");
    CHECK(kept->text(0, 0) == "12.50");  // never overwritten
    auto aside = hq.admin->exec("SELECT kept->>'total', incoming->>'total' FROM ingest_conflicts");
    REQUIRE(aside->size() == 1);
    CHECK(aside->text(0, 1) == "99.99");
    // One partition per month the records fall in.
    auto months = hq.admin->exec(
        "SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_inherits i "
        "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'store_records'::regclass");
    CHECK(months->text(0, 0) == "store_records_2026_11,store_records_2026_12");
}

TEST_CASE("head office: a store's role sees and writes its own rows only") {
    HeadOffice hq;
    PgConnection shanghai = hq.as(hq.shanghai);
    PgConnection suzhou = hq.as(hq.suzhou);
    REQUIRE(ingest(shanghai, {sale("s-1", "2026-12-01", "12.50")}));
    REQUIRE(ingest(suzhou, {sale("s-1", "2026-12-01", "8.00")}));  // the same id at another store is its own
    auto seen = suzhou.exec("SELECT store_id, payload->>'total' FROM store_records");
    REQUIRE(seen->size() == 1);
    CHECK(seen->text(0, 0) == "sz_002");
    auto forged = suzhou.exec(
        "INSERT INTO store_records (store_id, kind, ref, business_day, payload) "
        "VALUES ('sh_001', 'sale', 'forged', '2026-12-01', '{}')");
    REQUIRE_FALSE(forged);
    CHECK(forged.error().sqlstate == "42501");
    CHECK(forged.error().message.find("row-level security") != std::string::npos);
    auto stores = suzhou.exec("SELECT * FROM stores");
    REQUIRE_FALSE(stores);
    CHECK(stores.error().sqlstate == "42501");
    auto partition = suzhou.exec(
        "CREATE TABLE store_records_2030_01 PARTITION OF store_records "
        "FOR VALUES FROM ('2030-01-01') TO ('2030-02-01')");
    CHECK_FALSE(partition);
    auto total = hq.admin->exec("SELECT count(*) FROM store_records");
    CHECK(total->integer(0, 0) == 2);
}

TEST_CASE("head office: the admin's own connection is no store, and a bad store id is refused") {
    HeadOffice hq;
    auto refused = ingest(*hq.admin, {sale("s-1", "2026-12-01", "1.00")});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("no store's") != std::string::npos);
    auto bad = add_store(*hq.admin, "Robert'); DROP TABLE stores;--", "x", "y");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("use lower-case letters, digits and _") != std::string::npos);
    auto wrong_password = PgConnection::open(hq.cluster.conninfo(hq.shanghai.role, "guess", "hq"));
    CHECK_FALSE(wrong_password);
}

TEST_CASE("head office: a store's temporary table cannot stand in for the stores table") {
    HeadOffice hq;
    PgConnection shanghai = hq.as(hq.shanghai);
    PgConnection suzhou = hq.as(hq.suzhou);
    REQUIRE(ingest(shanghai, {sale("s-1", "2026-12-01", "12.50")}));
    // Suzhou's role names itself Shanghai in a temporary "stores" of its own.
    REQUIRE(
        suzhou.script("CREATE TEMP TABLE stores (store_id text, role_name text); "
                      "INSERT INTO stores VALUES ('sh_001', 'store_sz_002')"));
    auto mine = suzhou.exec("SELECT hq_my_store()");
    CHECK(mine->text(0, 0) == "sz_002");
    auto seen = suzhou.exec("SELECT count(*) FROM store_records WHERE store_id = 'sh_001'");
    CHECK(seen->integer(0, 0) == 0);
    auto far = ingest(suzhou, {sale("s-9", "9999-12-01", "1.00")});
    REQUIRE_FALSE(far);
    CHECK(far.error().message.find("outside 2000 to a year from now") != std::string::npos);
    auto logged =
        hq.admin->exec("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'store_sh_001'");
    CHECK(logged->text(0, 0) == "t");
}

TEST_CASE("head office: a conflicting record larger than a b-tree entry is still kept aside") {
    HeadOffice hq;
    PgConnection store = hq.as(hq.shanghai);
    std::string lines;
    for (int n = 0; n < 200; ++n) lines += (n ? "," : "") + std::string(R"({"sku":"6921168509256","qty":"1"})");
    auto big = [&](const std::string& total) {
        return IncomingRecord{"sale", "big", "2026-12-01", 1,
                              R"({"total":")" + total + R"(","lines":[)" + lines + "]}"};
    };
    REQUIRE(ingest(store, {big("1.00")}));
    auto changed = ingest(store, {big("2.00")});
    REQUIRE_MESSAGE(changed, (changed ? "" : changed.error().message));
    CHECK(changed->conflicts == 1);
}
