// The chain catalog and chain promotions flowing down (issue 22), against a real PostgreSQL and
// real posctl processes: a catalog version made with pos-hq reaching a lane; a region's promotion
// reaching only that region's stores; pulls killed at random moments leaving the store on one
// version, whole; a store's role reading nothing meant for another store.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "tests/support/head_office.hpp"
#include "tests/support/sync_lane.hpp"

using namespace pos::testing;

namespace {

pos::testing::ProcessResult pos_hq(TestHeadOffice& office, std::vector<std::string> args) {
    args.insert(args.begin(), {POS_HQ, "--db",
                               "host=127.0.0.1 port=" + std::to_string(office.cluster.port()) + " dbname=hq user=hq"});
    setenv("PGPASSWORD", PgCluster::admin_password, 1);
    TempDir scratch;
    auto result = run(args, scratch.path());
    unsetenv("PGPASSWORD");
    return result;
}

std::string demo_catalog() { return read_whole(std::string(POS_SOURCE_DIR) + "/assets/catalog/demo_catalog.csv"); }

// An EAN-13 from China's 69 prefix with its check digit.
std::string ean13(int number) {
    std::string code = "69" + std::to_string(1000000000 + number).substr(0, 10);
    int sum = 0;
    for (int i = 0; i < 12; ++i) sum += (code[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return code + std::to_string((10 - sum % 10) % 10);
}

// The demo catalog with 101001 at `price_fen` and `extra` more items (a chain has thousands).
std::string chain_catalog(int64_t price_fen, int extra) {
    std::string text = demo_catalog();
    std::string row = "\n101001,";
    size_t at = text.find(row);
    REQUIRE(at != std::string::npos);
    size_t line_end = text.find('\n', at + 1);
    std::string line = text.substr(at + 1, line_end - at - 1);
    // sku,barcodes,plu,name_zh,name_en,spec,unit,department,cost,price,...: the 10th cell is the price.
    size_t cell = 0;
    for (int commas = 0; commas < 9; ++commas) cell = line.find(',', cell) + 1;
    size_t cell_end = line.find(',', cell);
    line.replace(cell, cell_end - cell,
                 std::to_string(price_fen / 100) + "." + std::to_string(100 + price_fen % 100).substr(1));
    text.replace(at + 1, line_end - at - 1, line);
    if (text.back() != '\n') text += '\n';
    std::ostringstream more;
    for (int i = 0; i < extra; ++i) {
        more << "9" << 100000 + i << "," << ean13(i) << ",,总部商品" << i << ",,,件,总部,1.00,2.00,0.00,piece,0,zb\n";
    }
    return text + more.str();
}

std::string write(const TempDir& dir, const std::string& name, const std::string& text) {
    std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    return path;
}

int64_t lane_count(const TestStore& store, const std::string& sql) { return query_count(store.data + "/lane.db", sql); }

std::string store_text(const std::string& store_db, const std::string& sql) {
    auto answer = raw_open(store_db)->query_text(sql);
    REQUIRE_MESSAGE(answer.ok(), sql);
    return answer->value_or("NULL");
}

}  // namespace

TEST_CASE("a chain catalog version made at head office reaches a store's lane whole") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    TestStore store(office, shanghai, 1, "2026-11-30");
    REQUIRE(store.posctl({"sync", "--once"}).exit_code == 0);
    REQUIRE(lane_count(store, "SELECT price_fen FROM items WHERE sku = '101001'") == 200);
    int64_t demo_items = lane_count(store, "SELECT count(*) FROM items");

    TempDir files;
    // A bad row is refused at head office, with the store's own words, and makes no version.
    std::string bad = write(files, "bad.csv", chain_catalog(250, 0) + "999999,123,,坏,,,,,,1.00,0.00,piece,0,x\n");
    auto refused = pos_hq(office, {"catalog", "import", bad, "--by", "王总监"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("row " + std::to_string(demo_items + 2) + ", column barcodes") != std::string::npos);
    CHECK(office.count("SELECT count(*) FROM chain_catalog_versions") == 0);

    std::string good = write(files, "chain.csv", chain_catalog(250, 3));
    auto made = pos_hq(office, {"catalog", "import", good, "--by", "王总监"});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    CHECK(made.out.find("chain catalog version 1: " + std::to_string(demo_items + 3) + " items") == 0);

    auto pulled = store.posctl({"hq", "pull"});
    REQUIRE_MESSAGE(pulled.exit_code == 0, pulled.err);
    CHECK(pulled.out == "head office catalog version 1 taken: " + std::to_string(demo_items + 3) + " items\n");
    CHECK(store.posctl({"hq", "pull"}).out == "nothing new from the head office\n");
    // The store's own chain names the version and every price it changed, old and new.
    std::string store_db = store.data + "/store.db";
    CHECK(store_text(store_db,
                     "SELECT actor || ' ' || ref || ' ' || json_extract(detail, '$.items') || ' ' || "
                     "json_array_length(json_extract(detail, '$.added')) || ' ' || "
                     "json_extract(detail, '$.price_changes') FROM store_audit WHERE kind = 'head_office_catalog'") ==
          "head_office 1 " + std::to_string(demo_items + 3) +
              R"( 3 [{"name":"农夫山泉饮用天然水","new":"2.50","old":"2.00","sku":"101001"}])");
    CHECK(store.posctl({"audit", "verify", "--store"}).exit_code == 0);
    REQUIRE(store.posctl({"sync", "--once"}).exit_code == 0);
    CHECK(lane_count(store, "SELECT price_fen FROM items WHERE sku = '101001'") == 250);
    CHECK(lane_count(store, "SELECT count(*) FROM items") == demo_items + 3);
    CHECK(lane_count(store, "SELECT count(*) FROM items WHERE department = '总部'") == 3);

    // From now on items come from head office: a local import is refused and changes nothing.
    auto local = store.posctl({"catalog", "import", bad, "--by", "8801"});
    CHECK(local.exit_code != 0);
    auto local_good = store.posctl({"catalog", "import", write(files, "local.csv", demo_catalog()), "--by", "8801"});
    CHECK(local_good.exit_code != 0);
    CHECK(local_good.err.find("takes the chain catalog from the head office (version 1)") != std::string::npos);
    CHECK(lane_count(store, "SELECT count(*) FROM items") == demo_items + 3);
}

TEST_CASE("a region's promotion reaches only that region's stores and their lanes") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    auto beijing = office.join("bj_001", "华北");
    TestStore east(office, shanghai, 1, "2026-11-30", 12, 1);
    TestStore north(office, beijing, 1, "2026-11-30", 12, 2);

    TempDir files;
    std::string promotions = write(files, "promo.json",
                                   R"([{"id": "HQ-W3", "name": "水3瓶5元", "kind": "multi_buy", "starts": "2026-12-01",
                                        "ends": "2026-12-31", "skus": ["101001"], "buy": 3, "price": "5.00"}])");
    auto nowhere = pos_hq(office, {"promotion", "add", promotions, "--by", "王总监", "--region", "华西"});
    CHECK(nowhere.exit_code == 2);
    CHECK(nowhere.err.find("no region 华西 in the chain") != std::string::npos);
    auto broken = pos_hq(office, {"promotion", "add", write(files, "broken.json", R"({"id": "X"})"), "--by", "王总监"});
    CHECK(broken.exit_code == 2);
    CHECK(office.count("SELECT count(*) FROM chain_promotions") == 0);

    auto added = pos_hq(office, {"promotion", "add", promotions, "--by", "王总监", "--region", "华东"});
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
    CHECK(added.out == "chain promotion 1: HQ-W3 水3瓶5元 for region 华东, 2026-12-01 to 2026-12-31\n");

    auto east_pull = east.posctl({"hq", "pull"});
    REQUIRE_MESSAGE(east_pull.exit_code == 0, east_pull.err);
    CHECK(east_pull.out == "head office promotion taken: HQ-W3 水3瓶5元, 2026-12-01 to 2026-12-31\n");
    CHECK(north.posctl({"hq", "pull"}).out == "nothing new from the head office\n");
    CHECK(store_text(east.data + "/store.db",
                     "SELECT group_concat(ref || ' ' || json_extract(detail, '$.name'), ';') FROM store_audit "
                     "WHERE kind = 'head_office_promotion'") == "HQ-W3 水3瓶5元");
    CHECK(store_text(north.data + "/store.db", "SELECT count(*) FROM store_audit WHERE kind LIKE 'head_office_%'") ==
          "0");
    REQUIRE(east.posctl({"sync", "--once"}).exit_code == 0);
    REQUIRE(north.posctl({"sync", "--once"}).exit_code == 0);
    CHECK(lane_count(east, "SELECT count(*) FROM promotions WHERE id = 'HQ-W3' AND buy_qty = 3") == 1);
    CHECK(lane_count(north, "SELECT count(*) FROM promotions WHERE id = 'HQ-W3'") == 0);
    auto listed = east.posctl({"promo", "list"});
    CHECK(listed.out.find("HQ-W3") != std::string::npos);
}

TEST_CASE("pulls killed at random moments: the store holds one catalog version, whole, never a mix") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    TestStore store(office, shanghai, 1, "2026-11-30");
    TempDir files;
    const int extra = 8000;  // big enough that a pull spends a while writing store.db
    auto publish = [&](int version) {
        std::string path =
            write(files, "v" + std::to_string(version) + ".csv", chain_catalog(200 + version, extra + version));
        auto made = pos_hq(office, {"catalog", "import", path, "--by", "王总监"});
        REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    };
    int64_t demo_items = store.count("SELECT count(*) FROM items");
    // The store's catalog is exactly one version's: its items and 101001's price agree with it.
    auto check_whole = [&] {
        int64_t version = store.count("SELECT coalesce((SELECT version FROM head_office_catalog), 0)");
        CAPTURE(version);
        CHECK(store.count("SELECT count(*) FROM items") == (version == 0 ? demo_items : demo_items + extra + version));
        CHECK(store.count("SELECT price_fen FROM items WHERE sku = '101001'") == (version == 0 ? 200 : 200 + version));
        return version;
    };

    // One whole pull, to learn how long one takes on this machine: the kills land within it.
    publish(1);
    auto started = std::chrono::steady_clock::now();
    REQUIRE(store.posctl({"hq", "pull"}).exit_code == 0);
    auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    CHECK(check_whole() == 1);

    std::mt19937 random(20261207);
    std::uniform_int_distribution<int64_t> kill_after(0, took.count());
    int cut_short = 0;
    const int rounds = 6;
    int64_t held = 1;
    for (int round = 0; round < rounds; ++round) {
        publish(round + 2);
        pid_t pid = spawn(store.posctl_argv({"hq", "pull"}), store.dir.file("out"), store.dir.file("err"));
        // The random moment is the scenario, not a wait for anything.
        std::this_thread::sleep_for(std::chrono::microseconds(kill_after(random)));
        kill(pid, SIGKILL);
        if (wait_exit_code(pid) == -1) ++cut_short;
        int64_t version = check_whole();
        CHECK((version == held || version == round + 2));  // the version it had, or the newest, whole
        held = version;
    }
    CHECK(cut_short > rounds / 2);

    auto finished = store.posctl({"hq", "pull"});
    REQUIRE_MESSAGE(finished.exit_code == 0, finished.err);
    CHECK(check_whole() == rounds + 1);  // the newest version, skipping those never taken
}

TEST_CASE("a store's role reads only the documents for it") {
    TestHeadOffice office;
    auto shanghai = office.join("sh_001", "华东");
    office.join("sz_002", "华东");
    auto beijing = office.join("bj_001", "华北");
    TempDir files;
    std::string promotion = write(files, "p.json",
                                  R"({"id": "P", "name": "特价", "kind": "price", "starts": "2026-12-01",
                                      "ends": "2026-12-31", "skus": ["101001"], "price": "1.50"})");
    REQUIRE(pos_hq(office, {"promotion", "add", promotion, "--by", "王总监"}).exit_code == 0);
    REQUIRE(pos_hq(office, {"promotion", "add", promotion, "--by", "王总监", "--region", "华北"}).exit_code == 0);
    REQUIRE(pos_hq(office, {"promotion", "add", promotion, "--by", "王总监", "--store", "sz_002"}).exit_code == 0);
    REQUIRE(pos_hq(office, {"promotion", "add", promotion, "--by", "王总监", "--store", "sh_001"}).exit_code == 0);
    REQUIRE(pos_hq(office, {"price", "set", "--item", "101001=1.00", "--effective", "2026-12-31", "--reason", "r",
                            "--by", "张", "--store", "sz_002"})
                .exit_code == 0);
    REQUIRE(pos_hq(office, {"price", "approve", "1", "--by", "李"}).exit_code == 0);
    REQUIRE(
        pos_hq(office, {"catalog", "import", write(files, "c.csv", chain_catalog(210, 0)), "--by", "王"}).exit_code ==
        0);

    auto as_shanghai = pg_connect(office.cluster.conninfo(shanghai.role, shanghai.password, "hq"));
    auto seen = as_shanghai.exec("SELECT id FROM chain_promotions ORDER BY id");
    REQUIRE(seen);
    REQUIRE(seen->size() == 2);  // the chain's and its own; not 华北's, not sz_002's
    CHECK(seen->integer(0, 0) == 1);
    CHECK(seen->integer(1, 0) == 4);
    auto other = as_shanghai.exec("SELECT count(*) FROM chain_promotions WHERE target IN ('sz_002', '华北')");
    REQUIRE(other);
    CHECK(other->integer(0, 0) == 0);
    auto prices = as_shanghai.exec("SELECT count(*) FROM chain_price_changes");
    REQUIRE(prices);
    CHECK(prices->integer(0, 0) == 0);  // sz_002's price change is not Shanghai's to read
    auto catalog = as_shanghai.exec("SELECT count(*) FROM chain_catalog_versions");
    REQUIRE(catalog);
    CHECK(catalog->integer(0, 0) == 1);  // the chain catalog is every store's
    auto forged = as_shanghai.exec(
        "INSERT INTO chain_promotions (scope, promotion_id, name, starts_on, ends_on, created_by, promotion) "
        "VALUES ('chain', 'X', 'x', '2026-12-01', '2026-12-02', 'thief', '{}')");
    REQUIRE_FALSE(forged);
    CHECK(forged.error().sqlstate == "42501");
    auto rewritten = as_shanghai.exec("UPDATE chain_catalog_versions SET catalog = '{}'");
    CHECK_FALSE(rewritten);

    auto as_beijing = pg_connect(office.cluster.conninfo(beijing.role, beijing.password, "hq"));
    auto north = as_beijing.exec("SELECT id FROM chain_promotions ORDER BY id");
    REQUIRE(north);
    REQUIRE(north->size() == 2);
    CHECK(north->integer(1, 0) == 2);
}
