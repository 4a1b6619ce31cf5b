// Head office price changes flowing down: made and approved by two people with pos-hq, pulled by
// a one-machine store (posctl hq pull) as its own approved price change, and reaching the lane's
// catalog at its effective date, tomorrow, through the store's apply-due and the lane's sync.
#include <doctest/doctest.h>

#include <ctime>

#include "hq/master_data.hpp"
#include "tests/support/head_office.hpp"
#include "tests/support/sync_lane.hpp"

using namespace pos::testing;

namespace {

// The local date `days` from now, as the store machine's clock names it.
std::string local_date(int days) {
    std::time_t when = std::time(nullptr) + days * 86400;
    std::tm parts{};
    localtime_r(&when, &parts);
    char text[16];
    std::strftime(text, sizeof(text), "%Y-%m-%d", &parts);
    return text;
}

pos::testing::ProcessResult pos_hq(TestHeadOffice& office, std::vector<std::string> args) {
    args.insert(args.begin(), {POS_HQ, "--db",
                               "host=127.0.0.1 port=" + std::to_string(office.cluster.port()) + " dbname=hq user=hq"});
    setenv("PGPASSWORD", PgCluster::admin_password, 1);
    TempDir scratch;
    auto result = run(args, scratch.path());
    unsetenv("PGPASSWORD");
    return result;
}

int64_t lane_price(const TestStore& store, const std::string& sku) {
    return query_count(store.data + "/lane.db", "SELECT price_fen FROM items WHERE sku = '" + sku + "'");
}

}  // namespace

TEST_CASE("a head office price change effective tomorrow reaches the lane and takes effect on its date") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    office.join("bj_001", "华北");
    TestStore store(office, shanghai, 1, "2026-11-30");
    REQUIRE(store.posctl({"sync", "--once"}).exit_code == 0);
    REQUIRE(lane_price(store, "101001") == 200);
    std::string tomorrow = local_date(1);

    auto made = pos_hq(office, {"price", "set", "--item", "101001=2.30", "--item", "999999=1.00", "--effective",
                                tomorrow, "--reason", "供应商调价", "--by", "张经理"});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    CHECK(made.out.find("waiting for a second person's approval") != std::string::npos);
    auto north = pos_hq(office, {"price", "set", "--item", "101001=9.99", "--effective", tomorrow, "--reason",
                                 "华北促销", "--by", "张经理", "--region", "华北"});
    REQUIRE(north.exit_code == 0);

    // Not approved yet: the store sees nothing.
    auto early = store.posctl({"hq", "pull"});
    CHECK(early.out == "nothing new from the head office\n");
    auto self = pos_hq(office, {"price", "approve", "1", "--by", "张经理"});
    CHECK(self.exit_code == 2);
    CHECK(self.err.find("needs a second person") != std::string::npos);
    REQUIRE(pos_hq(office, {"price", "approve", "1", "--by", "李总监"}).exit_code == 0);
    REQUIRE(pos_hq(office, {"price", "approve", "2", "--by", "李总监"}).exit_code == 0);

    // Only the chain's document reaches 华东; the unknown SKU is skipped, not refused.
    auto pulled = store.posctl({"hq", "pull"});
    REQUIRE_MESSAGE(pulled.exit_code == 0, pulled.err);
    CHECK(pulled.out.find("head office price change 1 adopted as price change 1, effective " + tomorrow) == 0);
    CHECK(pulled.out.find("999999 is not in this store's catalog: skipped") != std::string::npos);
    CHECK(pulled.out.find("price change 2") == std::string::npos);
    CHECK(store.posctl({"hq", "pull"}).out == "nothing new from the head office\n");  // once
    auto shown = store.posctl({"price-change", "show", "1"});
    CHECK(shown.out.find("hq:李总监") != std::string::npos);

    // Today: the lane still sells at the old price.
    REQUIRE(store.posctl({"sync", "--once"}).exit_code == 0);
    CHECK(lane_price(store, "101001") == 200);

    // Tomorrow: the store's apply-due (or its sync on that day) puts it in the catalog, the lane takes it.
    auto due = store.posctl({"price-change", "apply-due", "--now", tomorrow + "T00:00:05+08:00"});
    CHECK(due.out == "price change 1 applied to the catalog\n");
    REQUIRE(store.posctl({"sync", "--once"}).exit_code == 0);
    CHECK(lane_price(store, "101001") == 230);

    // A store's role reads no unapproved document and none for another region.
    auto as_store = pg_connect(office.cluster.conninfo(shanghai.role, shanghai.password, "hq"));
    auto seen = pos::hq::approved_price_changes_for_me(as_store, {});
    REQUIRE(seen);
    REQUIRE(seen->size() == 1);
    CHECK(seen->front().id == 1);
    auto forged = as_store.exec("UPDATE chain_price_changes SET effective_on = '2020-01-01'");
    CHECK_FALSE(forged);
}
