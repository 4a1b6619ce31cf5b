// A return (红字) made by `posctl session run` reaches store.db through `posctl sync --once`:
// negative quantities, amounts and tenders, the original sale named, reason and approver kept;
// and a receipt of another lane returned at the service desk through the store (docs/returns.md).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/pos_store.hpp"
#include "tests/support/posctl.hpp"

using nlohmann::json;
using pos::testing::posctl;
using pos::testing::ProcessResult;
using pos::testing::store_text;
using pos::testing::TempDir;

TEST_CASE("returns: a return reaches store.db with negative amounts and its original sale") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("day.jsonl")) << R"({"op":"login","operator":"1001","pin":"1234"})"
                                            "\n"
                                            R"({"op":"open_shift","float":"200.00"})"
                                            "\n"
                                            R"({"op":"scan","code":"6921168176748","qty":"3"})"
                                            "\n"
                                            R"({"op":"tender","method":"cash","amount":"10.00"})"
                                            "\n"
                                            R"({"op":"return","receipt":"0100000001","lines":[{"line":1,"qty":"2"}],)"
                                            R"("reason":"破损","approver":"9001","pin":"999999"})"
                                            "\n";
    ProcessResult run = posctl(dir, {"session", "run", dir.file("day.jsonl")});
    CAPTURE(run.out);
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.out.find("\"ok\":false") == std::string::npos);

    ProcessResult sync = posctl(dir, {"sync", "--once"});
    CAPTURE(sync.err);
    REQUIRE(sync.exit_code == 0);

    CHECK(store_text(dir, "SELECT count(*) FROM sales WHERE kind = 'return'") == "1");
    CHECK(store_text(
              dir, "SELECT total_fen || ' ' || paid_fen || ' ' || item_count_milli FROM sales WHERE kind = 'return'") ==
          "-400 -400 -2000");
    CHECK(store_text(
              dir,
              "SELECT r.original_sale_id = s.id FROM sales r, sales s WHERE r.kind = 'return' AND s.kind = 'sale'") ==
          "1");
    CHECK(store_text(dir, "SELECT reason || ' ' || approved_by FROM sales WHERE kind = 'return'") == "破损 9001");
    CHECK(store_text(dir,
                     "SELECT l.quantity_milli || ' ' || l.amount_fen || ' ' || l.original_line_no FROM sale_lines l "
                     "JOIN sales s ON s.id = l.sale_id WHERE s.kind = 'return'") == "-2000 -400 1");
    CHECK(store_text(dir,
                     "SELECT t.method || ' ' || t.amount_fen FROM sale_tenders t JOIN sales s ON s.id = t.sale_id "
                     "WHERE s.kind = 'return'") == "cash -400");
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("data/store.db"));
}

// [SECTION] Another lane's receipt at the service desk: looked up at the store, direct and pos-store mode.
namespace {

using pos::testing::demo_lane_with_store;

// Runs `lines` (JSON Lines) with posctl on the data directory; one parsed result per line.
std::vector<json> session(const std::string& data, const std::string& lines) {
    std::ofstream(data + "/desk.jsonl", std::ios::trunc) << lines;
    ProcessResult run = pos::testing::run({POS_POSCTL, "--data", data, "session", "run", data + "/desk.jsonl"}, data);
    CAPTURE(run.err);
    std::vector<json> results;
    std::istringstream out(run.out);
    for (std::string line; std::getline(out, line);) results.push_back(json::parse(line));
    return results;
}

void sync_once(const std::string& data) {
    ProcessResult sync = pos::testing::run({POS_POSCTL, "--data", data, "sync", "--once"}, data);
    CAPTURE(sync.err);
    REQUIRE(sync.exit_code == 0);
}

const std::string login = R"({"op":"login","operator":"1001","pin":"1234"})"
                          "\n";
const std::string open_shift = R"({"op":"open_shift","float":"200.00"})"
                               "\n";
std::string give_back(const std::string& qty) {
    return R"({"op":"return","receipt":"0100000001","lines":[{"line":1,"qty":")" + qty +
           R"("}],"reason":"破损","approver":"9001","pin":"999999"})"
           "\n";
}

// Lane 1 sells three bottles of water (2.00 each) for cash as receipt 0100000001 and syncs it;
// lane 2 takes two back, is refused a third and fourth before and after its own sync; lane 1 then
// sees lane 2's return at the store and refuses more than the one bottle left.
void returned_across_lanes(const std::string& lane1, const std::string& lane2, const std::string& store_db) {
    auto sold = session(lane1, login + open_shift +
                                   R"({"op":"scan","code":"6921168176748","qty":"3"})"
                                   "\n"
                                   R"({"op":"tender","method":"cash","amount":"10.00"})"
                                   "\n");
    REQUIRE(sold.size() == 4);
    REQUIRE(sold[3]["receipt_no"] == 1);
    sync_once(lane1);

    auto desk = session(lane2, login + open_shift +
                                   R"({"op":"return_lookup","receipt":"0100000001"})"
                                   "\n" +
                                   give_back("2") + give_back("2"));
    REQUIRE(desk.size() == 5);
    CHECK(desk[2]["ok"] == true);
    CHECK(desk[2]["other_lane"] == true);
    CHECK(desk[2]["lane"] == 1);
    CHECK(desk[2]["lines"][0]["returnable"] == "3");
    CHECK(desk[3]["ok"] == true);
    CHECK(desk[3]["original_receipt"] == "0100000001");
    CHECK(desk[3]["refund"] == "4.00");
    // Lane 2's own return is counted before it reaches the store.
    CHECK(desk[4]["error"]["code"] == "over_return");
    sync_once(lane2);
    CHECK(session(lane2, login + give_back("2"))[1]["error"]["code"] == "over_return");

    // The slip printed at lane 2 names the original receipt of lane 1.
    ProcessResult slip = pos::testing::run(
        {POS_POSCTL, "--data", lane2, "receipt", "render", "--receipt", "1", "--format", "text"}, lane2);
    CHECK(slip.out.find("原单号：0100000001") != std::string::npos);

    auto back_home = session(lane1, login +
                                        R"({"op":"return_lookup","receipt":"0100000001"})"
                                        "\n" +
                                        give_back("2") + give_back("1"));
    REQUIRE(back_home.size() == 4);
    CHECK(back_home[1]["lines"][0]["returned"] == "2");
    CHECK(back_home[1]["lines"][0]["returnable"] == "1");
    CHECK(back_home[1]["earlier_returns"] == 1);
    CHECK(back_home[2]["error"]["code"] == "over_return");
    CHECK(back_home[2]["error"]["message"] ==
          "line 1: only 1 of 3 sold can still be returned (the rest came back already)");
    CHECK(back_home[3]["ok"] == true);
    sync_once(lane1);

    auto connection = pos::testing::raw_open(store_db);
    auto returned = connection->query_text(
        "SELECT count(DISTINCT s.id) || ' ' || count(DISTINCT s.lane) || ' ' || -sum(l.quantity_milli) FROM sales s "
        "JOIN sale_lines l ON l.sale_id = s.id WHERE s.kind = 'return'");
    REQUIRE(returned.ok());
    CHECK(returned->value_or("") == "2 2 3000");
}

}  // namespace

TEST_CASE("returns: a receipt of lane 1 is returned at lane 2 through the shared store.db, never more than sold") {
    TempDir dir;
    std::string lane1 = demo_lane_with_store(dir, 1, "", "", "store.db");
    std::string store_db = lane1 + "/store.db";
    std::string lane2 = demo_lane_with_store(dir, 2, "", "", store_db);
    returned_across_lanes(lane1, lane2, store_db);
}

TEST_CASE("returns: a receipt of lane 1 is returned at lane 2 through pos-store, never more than sold") {
    TempDir dir;
    REQUIRE(pos::testing::run({POS_POSCTL, "--data", dir.file("store"), "init", "--demo"}, dir.path()).exit_code == 0);
    auto store = std::make_unique<pos::testing::PosStoreProcess>(dir);
    std::string lane1 = demo_lane_with_store(dir, 1, store->url(), pos::testing::issue_store_token(dir, 1));
    std::string lane2 = demo_lane_with_store(dir, 2, store->url(), pos::testing::issue_store_token(dir, 2));
    returned_across_lanes(lane1, lane2, dir.file("store/store.db"));

    // With pos-store away, lane 2 cannot know what lane 1's receipt holds and says what to do instead.
    store.reset();
    auto away = session(lane2, login + R"({"op":"return_lookup","receipt":"0100000001"})"
                                       "\n");
    REQUIRE(away.size() == 2);
    CHECK(away[1]["error"]["code"] == "store_unreachable");
    std::string message = away[1]["error"]["message"];
    CHECK(message.rfind(
              "receipt 0100000001 is another lane's and the store cannot be asked (pos-store at https://127.0.0.1:",
              0) == 0);
    CHECK(message.find("Take the return at lane 01, or as a return without receipt (manager)") != std::string::npos);
    // Lane 1 still returns its own receipt, and warns that other lanes' returns could not be
    // counted: it knows only its own bottle (the window docs/returns.md describes).
    auto own = session(lane1, login + R"({"op":"return_lookup","receipt":"0100000001"})"
                                      "\n");
    REQUIRE(own.size() == 2);
    CHECK(own[1]["ok"] == true);
    CHECK(own[1]["lines"][0]["returned"] == "1");
    CHECK(own[1]["notice"].get<std::string>().rfind("the store could not be asked (", 0) == 0);
}

TEST_CASE("returns: a receipt of another lane not yet at the store is named, with what to do") {
    TempDir dir;
    std::string lane2 = demo_lane_with_store(dir, 2, "", "", "store.db");
    auto desk = session(lane2, login + open_shift +
                                   R"({"op":"return_lookup","receipt":"0700000001"})"
                                   "\n");
    REQUIRE(desk.size() == 3);
    CHECK(desk[2]["error"]["code"] == "not_found");
    CHECK(desk[2]["error"]["message"] ==
          "receipt 0700000001 is not on this lane and not at the store: lane 07 may not have sent it yet (it sends "
          "within a minute while the network is up). Take the return at lane 07, or as a return without receipt "
          "(manager)");
}
