// Users and members flow down from the store end to end: operators added, reset and disabled at
// the store with `posctl user … --store`, members and limits changed on the store server, and
// the lanes following after one `posctl sync --once`, in direct mode and through a real pos-store.
#include <doctest/doctest.h>

#include <fstream>

#include "sync/http_store_sink.hpp"
#include "tests/support/pos_store.hpp"
#include "tests/support/posctl.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"

using pos::testing::ProcessResult;
using pos::testing::TempDir;

namespace {

// posctl on data directory `data` with `input` on its standard input (PINs).
ProcessResult posctl_with_input(const TempDir& dir, const std::string& data, const std::string& input,
                                const std::string& args) {
    std::string command = "printf '" + input + "' | " + POS_POSCTL + " --data " + data + " " + args;
    return pos::testing::run({"/bin/sh", "-c", command}, dir.path());
}

ProcessResult posctl_in(const TempDir& dir, const std::string& data, std::vector<std::string> args) {
    args.insert(args.begin(), {POS_POSCTL, "--data", data});
    return pos::testing::run(args, dir.path());
}

// Logs in and out on the lane: the login's result line.
std::string login(const TempDir& dir, const std::string& data, const std::string& operator_id, const std::string& pin) {
    std::ofstream(dir.file("login.jsonl"), std::ios::trunc)
        << R"({"op":"login","operator":")" << operator_id << R"(","pin":")" << pin << "\"}\n"
        << R"({"op":"logout"})"
           "\n";
    ProcessResult run = posctl_in(dir, data, {"session", "run", dir.file("login.jsonl")});
    return run.out.substr(0, run.out.find('\n'));
}

std::string synced(const TempDir& dir, const std::string& data) {
    ProcessResult sync = posctl_in(dir, data, {"sync", "--once"});
    CAPTURE(sync.err);
    CHECK(sync.exit_code == 0);
    return sync.out;
}

}  // namespace

TEST_CASE("users flow-down: an operator added, reset and disabled at the store follows on the lane after one sync") {
    TempDir dir;
    std::string data = dir.file("data");
    REQUIRE(posctl_in(dir, data, {"init", "--demo"}).exit_code == 0);
    // The demo manager 8801 is a store operator too (init --demo): number, PIN, then the new PIN.
    ProcessResult added =
        posctl_with_input(dir, data, "8801\\n888888\\n5678\\n", "user add 1005 --name 王五 --role cashier --store");
    CAPTURE(added.err);
    REQUIRE(added.exit_code == 0);
    CHECK(added.out == "added 1005 王五 (cashier) at the store; every lane gets it at its next sync\n");
    CHECK(pos::testing::store_text(dir, "SELECT substr(pin_hash, 1, 10) FROM users WHERE operator = '1005'") ==
          "$argon2id$");
    CHECK(login(dir, data, "1005", "5678").find("there is no operator number 1005") != std::string::npos);

    CHECK(synced(dir, data).find("users and members: updated from the store (users version ") != std::string::npos);
    CHECK(login(dir, data, "1005", "5678").find("\"ok\":true") != std::string::npos);
    CHECK(synced(dir, data).find("users and members: current (users version ") != std::string::npos);

    // The manager resets the PIN at the store: the old one stops working on the lane after a sync.
    REQUIRE(
        posctl_with_input(dir, data, "8801\\n888888\\n880500\\n", "user add 8805 --name 赵敏 --role manager --store")
            .exit_code == 0);
    ProcessResult refused =
        posctl_with_input(dir, data, "111111\\n4321\\n", "user reset-pin 1005 --manager 8805 --store");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("the PIN is wrong: nothing was changed") != std::string::npos);
    ProcessResult reset =
        posctl_with_input(dir, data, "880500\\n4321\\n", "user reset-pin 1005 --manager 8805 --store");
    CAPTURE(reset.err);
    REQUIRE(reset.exit_code == 0);
    CHECK(login(dir, data, "1005", "5678").find("\"ok\":true") != std::string::npos);  // not synced yet
    synced(dir, data);
    CHECK(login(dir, data, "1005", "5678").find("wrong PIN for operator 1005") != std::string::npos);
    CHECK(login(dir, data, "1005", "4321").find("\"ok\":true") != std::string::npos);
    // Its PIN is the store's: changed on the lane, it reaches the store too (so the next flow-down keeps it).
    ProcessResult own = posctl_with_input(dir, data, "4321\\n1111\\n", "user pin 1005");
    CAPTURE(own.err);
    CHECK(own.exit_code == 0);
    CHECK(own.out.find("the store has the new PIN too") != std::string::npos);
    synced(dir, data);
    CHECK(login(dir, data, "1005", "1111").find("\"ok\":true") != std::string::npos);
    CHECK(pos::testing::store_text(dir, "SELECT count(*) FROM store_audit WHERE kind = 'pin_change'") == "1");

    // Disabled at the store: refused on the lane after the next sync.
    ProcessResult disabled = posctl_with_input(dir, data, "8805\\n880500\\n", "user disable 1005 --store");
    CAPTURE(disabled.err);
    REQUIRE(disabled.exit_code == 0);
    CHECK(disabled.out == "operator 1005 is disabled at the store; every lane gets it at its next sync\n");
    synced(dir, data);
    CHECK(login(dir, data, "1005", "1111").find("operator 1005 is disabled") != std::string::npos);
    ProcessResult store_list = posctl_in(dir, data, {"user", "list", "--store"});
    CHECK(store_list.out.find("1005      王五") != std::string::npos);
    CHECK(store_list.out.find("disabled") != std::string::npos);
    ProcessResult lane_list = posctl_in(dir, data, {"user", "list"});
    CHECK(lane_list.out.find("1001      张伟") != std::string::npos);  // the lane's own demo operators stay
    CHECK(lane_list.out.find("cashier     disabled") != std::string::npos);
    CHECK(posctl_in(dir, data, {"audit", "verify"}).exit_code == 0);
    // Done at the store: in the store's own chain, not in the lane's.
    CHECK(posctl_in(dir, data, {"audit", "show"}).out.find("user_disable") == std::string::npos);
    CHECK(posctl_in(dir, data, {"audit", "show", "--store"}).out.find("user_disable") != std::string::npos);
    CHECK(posctl_in(dir, data, {"audit", "verify", "--store"}).exit_code == 0);
}

TEST_CASE(
    "users flow-down: through pos-store, members and limits reach two lanes and both offline account sales are kept") {
    TempDir dir;
    std::string server = dir.file("store");
    REQUIRE(posctl_in(dir, server, {"init", "--demo"}).exit_code == 0);
    pos::testing::PosStoreProcess service(dir);
    std::string lane2 =
        pos::testing::demo_lane_with_store(dir, 2, service.url(), pos::testing::issue_store_token(dir, 2));
    std::string lane3 =
        pos::testing::demo_lane_with_store(dir, 3, service.url(), pos::testing::issue_store_token(dir, 3));

    // On the store server: a cashier for every lane, and a member.
    REQUIRE(
        posctl_with_input(dir, server, "8801\\n888888\\n5678\\n", "user add 1005 --name 王五 --role cashier --store")
            .exit_code == 0);
    REQUIRE(posctl_in(dir, server, {"member", "add", "88000001", "--name", "王芳", "--limit", "50.00"}).exit_code == 0);
    // A lane in service mode cannot write store.db: it says where to do it.
    ProcessResult elsewhere =
        posctl_with_input(dir, lane2, "5678\\n", "user add 1006 --name 李四 --role cashier --store");
    CHECK(elsewhere.exit_code != 0);
    CHECK(elsewhere.err.find("run this there") != std::string::npos);

    for (const std::string& lane : {lane2, lane3}) {
        CHECK(synced(dir, lane).find("users and members: updated from the store") != std::string::npos);
        CHECK(posctl_in(dir, lane, {"member", "show", "88000001"}).out.find("limit     50.00  owed      0.00") !=
              std::string::npos);
    }

    // Both lanes sell 36.00 on the account before either hears of the other's sale.
    for (const std::string& lane : {lane2, lane3}) {
        std::ofstream(dir.file("account.jsonl"), std::ios::trunc)
            << R"({"op":"login","operator":"1005","pin":"5678"})"
               "\n"
            << R"({"op":"open_shift","float":"100.00"})"
               "\n"
            << R"({"op":"apply_member","member":"88000001"})"
               "\n"
            << R"({"op":"scan","code":"6921168861569","qty":"4"})"
               "\n"
            << R"({"op":"tender","method":"account","amount":"36.00"})"
               "\n";
        ProcessResult sold = posctl_in(dir, lane, {"session", "run", dir.file("account.jsonl")});
        CAPTURE(sold.out);
        CHECK(sold.out.find("\"ok\":false") == std::string::npos);
    }
    synced(dir, lane2);
    synced(dir, lane3);
    CHECK(pos::testing::query_count(server + "/store.db", "SELECT balance_fen FROM members WHERE card = '88000001'") ==
          7200);
    ProcessResult store_members = posctl_in(dir, server, {"member", "list", "--store"});
    CHECK(store_members.out.find("owed     72.00  available      0.00  OVER LIMIT by 22.00") != std::string::npos);
    synced(dir, lane2);
    CHECK(posctl_in(dir, lane2, {"member", "show", "88000001"}).out.find("owed     72.00") != std::string::npos);

    // A new limit on the server reaches the lane with the next sync.
    ProcessResult raised = posctl_in(dir, server, {"member", "limit", "88000001", "--limit", "100.00"});
    CAPTURE(raised.err);
    REQUIRE(raised.exit_code == 0);
    synced(dir, lane2);
    CHECK(posctl_in(dir, lane2, {"member", "show", "88000001"})
              .out.find("limit    100.00  owed     72.00  available     28.00") != std::string::npos);
}

TEST_CASE("users flow-down: pos-store refuses the users and members to a wrong token") {
    TempDir dir;
    REQUIRE(posctl_in(dir, dir.file("store"), {"init", "--demo"}).exit_code == 0);
    REQUIRE(posctl_with_input(dir, dir.file("store"), "8801\\n888888\\n5678\\n",
                              "user add 1005 --name 王五 --role cashier --store")
                .exit_code == 0);
    pos::testing::PosStoreProcess service(dir);
    pos::testing::issue_store_token(dir, 2);
    auto options = [&](const std::string& token) {
        pos::sync::HttpStoreOptions chosen;
        chosen.url = service.url();
        chosen.token = token;
        chosen.lane = 2;
        chosen.pin = pos::testing::store_pin(dir);
        return chosen;
    };
    pos::sync::HttpStoreSink wrong(options(std::string(64, 'f')));
    auto refused = wrong.directory_if_newer({});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == pos::db::DbErrorCode::refused);
    CHECK(refused.error().message.find("token is missing, unknown or revoked") != std::string::npos);
    pos::sync::HttpStoreSink right(options(pos::testing::issue_store_token(dir, 2)));
    auto answered = right.directory_if_newer({});
    REQUIRE(answered.ok());
    REQUIRE(answered->users.size() == 5);  // the four demo operators (init --demo) and 1005
    CHECK(answered->users[0].pin_hash.rfind("$argon2id$", 0) == 0);
    CHECK(answered->users_version == 5);  // one per operator added: the four demo ones, then 1005
}
