// pos-store end to end: the real service on a local port, real lanes (posctl) syncing to it
// over HTTP with their tokens, eight at once, through a service outage and a lost acknowledgement.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <regex>

#include "db/store/store_db.hpp"

#include <nlohmann/json.hpp>

#include "tests/support/eventually.hpp"
#include "tests/support/pos_store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"

using nlohmann::json;
using pos::testing::ProcessResult;
using pos::testing::TempDir;
using namespace std::chrono_literals;
using pos::testing::demo_lane_with_store;
using pos::testing::issue_store_token;
using pos::testing::PosStoreProcess;

namespace {

ProcessResult posctl(const std::string& data, std::vector<std::string> args, const std::string& scratch) {
    args.insert(args.begin(), {POS_POSCTL, "--data", data});
    return pos::testing::run(args, scratch);
}

void sell(const std::string& data, int sales, bool open_shift = true) {
    std::ofstream(data + "/sell.jsonl", std::ios::trunc) << pos::testing::selling_script(sales, open_shift);
    ProcessResult run = posctl(data, {"session", "run", data + "/sell.jsonl"}, data);
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("\"ok\":false") == std::string::npos);
}

json sync_json(const std::string& data, std::vector<std::string> args) {
    args.insert(args.begin(), {"sync", "--format", "json"});
    ProcessResult run = posctl(data, args, data);
    json out = json::parse(run.out, nullptr, false);
    INFO("posctl sync printed: ", run.out, run.err);
    REQUIRE_FALSE(out.is_discarded());
    out["exit_code"] = run.exit_code;
    out["stderr"] = run.err;
    return out;
}

// Everything the lane has journaled for the store: sales, shifts and the records that travel with them.
int64_t outbox_rows(const std::string& data) {
    return pos::testing::query_count(data + "/lane.db", "SELECT count(*) FROM outbox");
}

// Every sale and shift of this lane is in store.db exactly once, with the same amounts.
void check_lane_in_store(const std::string& lane_db, const std::string& store_db, int lane) {
    using pos::testing::column_values;
    using pos::testing::query_count;
    std::string mine = " WHERE lane = " + std::to_string(lane);
    CHECK(column_values(store_db, "SELECT id FROM sales" + mine) == column_values(lane_db, "SELECT id FROM sales"));
    CHECK(column_values(store_db, "SELECT id FROM shifts" + mine) == column_values(lane_db, "SELECT id FROM shifts"));
    CHECK(query_count(store_db, "SELECT coalesce(sum(total_fen), 0) FROM sales" + mine) ==
          query_count(lane_db, "SELECT coalesce(sum(total_fen), 0) FROM sales"));
    CHECK(query_count(store_db, "SELECT count(*) FROM sale_lines JOIN sales ON sales.id = sale_id" + mine) ==
          query_count(lane_db, "SELECT count(*) FROM sale_lines"));
    CHECK(query_count(lane_db, "SELECT count(*) FROM outbox WHERE synced_at IS NULL") == 0);
}

}  // namespace

TEST_CASE("pos-store: eight lanes selling and syncing at once each reach the store exactly once") {
    TempDir dir;
    REQUIRE(posctl(dir.file("store"), {"init", "--demo"}, dir.path()).exit_code == 0);
    PosStoreProcess store(dir);
    constexpr int lanes = 8;
    constexpr int sales = 8;
    std::vector<std::string> data(lanes + 1);
    for (int lane = 1; lane <= lanes; ++lane)
        data[lane] = demo_lane_with_store(dir, lane, store.url(), issue_store_token(dir, lane));

    std::vector<pid_t> syncing, selling;
    for (int lane = 1; lane <= lanes; ++lane) {
        syncing.push_back(pos::testing::spawn(
            {POS_POSCTL, "--data", data[lane], "sync", "--interval-ms", "50", "--max-retry-ms", "500"},
            data[lane] + "/sync.out", data[lane] + "/sync.err"));
        std::ofstream(data[lane] + "/sell.jsonl") << pos::testing::selling_script(sales);
        selling.push_back(
            pos::testing::spawn({POS_POSCTL, "--data", data[lane], "session", "run", data[lane] + "/sell.jsonl"},
                                data[lane] + "/sell.out", data[lane] + "/sell.err"));
    }
    std::vector<pos::testing::KillOnExit> stop_syncing(syncing.begin(), syncing.end());
    for (int lane = 1; lane <= lanes; ++lane) {
        int sold = pos::testing::wait_exit_code(selling[lane - 1]);
        INFO("lane ", lane, " selling printed: ", pos::testing::read_whole(data[lane] + "/sell.out"),
             pos::testing::read_whole(data[lane] + "/sell.err"));
        CHECK(sold == 0);
    }

    // Generous: eight lanes and their sync on CI's two cores, beside other tests.
    for (int lane = 1; lane <= lanes; ++lane) {
        json status;
        bool drained = pos::testing::eventually(
            "lane " + std::to_string(lane) + "'s queue to drain",
            [&] { return (status = sync_json(data[lane], {"--status"}))["queue_depth"] == 0; }, 180s);
        INFO("lane ", lane, " sync printed: ", pos::testing::read_whole(data[lane] + "/sync.err"));
        CHECK(drained);
        CHECK(status["queue_depth"] == 0);
    }
    for (size_t i = 0; i < syncing.size(); ++i) {
        kill(syncing[i], SIGTERM);
        CHECK(pos::testing::wait_exit_code(stop_syncing[i].release()) == 0);
    }
    std::string store_db = dir.file("store/store.db");
    CHECK(pos::testing::query_count(store_db, "SELECT count(*) FROM sales") == lanes * sales);
    CHECK(pos::testing::query_count(store_db, "SELECT count(DISTINCT lane) FROM sales") == lanes);
    for (int lane = 1; lane <= lanes; ++lane) {
        CAPTURE(lane);
        check_lane_in_store(data[lane] + "/lane.db", store_db, lane);
    }
}

TEST_CASE("pos-store: while the service is down the lane sells, sync says so, and it drains when it is back") {
    TempDir dir;
    REQUIRE(posctl(dir.file("store"), {"init", "--demo"}, dir.path()).exit_code == 0);
    auto store = std::make_unique<PosStoreProcess>(dir);
    int port = store->port();
    std::string lane = demo_lane_with_store(dir, 3, store->url(), issue_store_token(dir, 3));
    store.reset();  // the store server is switched off

    sell(lane, 6);
    json down = sync_json(lane, {"--once"});
    CHECK(down["exit_code"] == 1);
    CHECK(down["queue_depth"] == outbox_rows(lane));
    CHECK(down["last_error_code"] == "unreachable");
    CHECK(down["last_error"].get<std::string>().rfind(
              "pos-store at https://127.0.0.1:" + std::to_string(port) + " cannot be reached (", 0) == 0);
    CHECK(down["stderr"].get<std::string>().find("the lane keeps selling and its records wait") != std::string::npos);
    sell(lane, 3, false);

    PosStoreProcess back(dir, port);
    json drained = sync_json(lane, {"--once"});
    CHECK(drained["exit_code"] == 0);
    CHECK(drained["stored"] == outbox_rows(lane));
    CHECK(drained["queue_depth"] == 0);
    CHECK(drained["last_error"].is_null());
    check_lane_in_store(lane + "/lane.db", dir.file("store/store.db"), 3);
}

TEST_CASE("pos-store: an unknown token is refused with what to do, and a lost acknowledgement stores nothing twice") {
    TempDir dir;
    REQUIRE(posctl(dir.file("store"), {"init", "--demo"}, dir.path()).exit_code == 0);
    PosStoreProcess store(dir);
    std::string lane = demo_lane_with_store(dir, 2, store.url(), std::string(64, '0'));
    sell(lane, 4);
    json refused = sync_json(lane, {"--once"});
    CHECK(refused["exit_code"] == 1);
    CHECK(refused["last_error_code"] == "refused");
    CHECK(refused["last_error"].get<std::string>().find("pos-store token add --lane N") != std::string::npos);
    CHECK(refused["queue_depth"] == outbox_rows(lane));
    // The store's operator sees the refusal too, on pos-store's standard error.
    std::string logged = pos::testing::read_whole(dir.file("pos-store.err"));
    CHECK(logged.find("pos-store: a batch from 127.0.0.1 was not stored (HTTP 401): this lane's token is missing, "
                      "unknown or revoked") != std::string::npos);

    // The technician issues the token and puts it in pos.toml.
    std::string config = pos::testing::read_whole(lane + "/pos.toml");
    config = std::regex_replace(config, std::regex(std::string(64, '0')), issue_store_token(dir, 2));
    std::ofstream(lane + "/pos.toml", std::ios::trunc) << config;
    CHECK(sync_json(lane, {"--once"})["stored"] == outbox_rows(lane));

    REQUIRE(pos::testing::raw_open(lane + "/lane.db")->exec("UPDATE outbox SET synced_at = NULL").ok());
    json again = sync_json(lane, {"--once"});
    CHECK(again["already"] == outbox_rows(lane));
    CHECK(again["stored"] == 0);
    check_lane_in_store(lane + "/lane.db", dir.file("store/store.db"), 2);
}

TEST_CASE("pos-store: a lane in service mode names the store server for store-side commands") {
    TempDir dir;
    std::string lane = demo_lane_with_store(dir, 4, "http://127.0.0.1:9", std::string(64, '1'));
    ProcessResult day = posctl(lane, {"day", "status"}, dir.path());
    CHECK(day.exit_code != 0);
    CHECK(day.err.find(
              "this lane sends its records to pos-store at http://127.0.0.1:9; store.db is on the store server") !=
          std::string::npos);
}

TEST_CASE("pos-store: a catalog change at the store reaches the lanes at their next sync, whole") {
    TempDir dir;
    REQUIRE(posctl(dir.file("store"), {"init", "--demo"}, dir.path()).exit_code == 0);
    PosStoreProcess store(dir);
    std::string lane = demo_lane_with_store(dir, 5, store.url(), issue_store_token(dir, 5));
    json first = sync_json(lane, {"--once"});
    CHECK(first["exit_code"] == 0);
    int64_t version = first["catalog_version"].get<int64_t>();
    CHECK(sync_json(lane, {"--once"})["catalog_updated"] == false);

    {
        // The manager changes the water's price and drops an item at the store.
        auto master = pos::db::StoreDb::open(dir.file("store/store.db"), false);
        REQUIRE(master.ok());
        auto items = (*master)->all_items();
        REQUIRE(items.ok());
        for (auto& item : *items) {
            if (item.sku == "101001") item.price_fen = 250;
        }
        std::erase_if(*items, [](const pos::db::ItemRecord& item) { return item.sku == "101002"; });
        REQUIRE((*master)->replace_catalog(*items).ok());
    }
    ProcessResult text = posctl(lane, {"sync", "--once"}, dir.path());
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("catalog: updated from the store (version " + std::to_string(version + 1) + ")\n") !=
          std::string::npos);
    CHECK(pos::testing::query_count(lane + "/lane.db", "SELECT price_fen FROM items WHERE sku = '101001'") == 250);
    CHECK(pos::testing::query_count(lane + "/lane.db", "SELECT count(*) FROM items WHERE sku = '101002'") == 0);
    CHECK(pos::testing::query_count(lane + "/lane.db", "SELECT count(*) FROM items") ==
          pos::testing::query_count(dir.file("store/store.db"), "SELECT count(*) FROM items"));

    // The next sale rings the new price.
    std::ofstream(lane + "/scan.jsonl") << R"({"op":"login","operator":"1001","pin":"1234"})"
                                           "\n"
                                        << R"({"op":"open_shift","float":"100.00"})"
                                           "\n"
                                        << R"({"op":"scan","code":"6921168176748"})"
                                           "\n";
    ProcessResult scanned = posctl(lane, {"session", "run", lane + "/scan.jsonl"}, dir.path());
    CHECK(scanned.out.find("\"amount\":\"2.50\"") != std::string::npos);
}
