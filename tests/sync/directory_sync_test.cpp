// Users and members flow-down in direct mode: store.db's versions move with every change (its
// triggers), a lane applies what is newer once, keeps its own lockout counters and its own
// unsynced account sales, and the worker applies nothing while a ticket is open.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string_view>

#include "db/shared/directory_sync.hpp"
#include "db/lane/users.hpp"
#include "db/shared/members.hpp"
#include "sync/sync_worker.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using namespace pos::sync;
using pos::testing::TempDir;
using namespace std::chrono_literals;

namespace {

// Stand-ins for crypto_pwhash_str output: these tests move hashes, they never verify them.
const std::string hash_a = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdGEAAAAAAAAAAAAAAA$aaaa";
const std::string hash_b = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdGIAAAAAAAAAAAAAAA$bbbb";

std::unique_ptr<StoreDb> open_store(const std::string& path) {
    auto store = StoreDb::open(path, true);
    REQUIRE(store.ok());
    return std::move(*store);
}

std::unique_ptr<LaneDb> open_lane(const std::string& path) {
    auto lane = LaneDb::open(path, true);
    REQUIRE(lane.ok());
    return std::move(*lane);
}

bool refresh(LaneDb& lane, StoreSink& sink, const std::string& now = "2026-11-23T10:00:00+08:00") {
    auto refreshed = refresh_directory(lane, sink, now);
    REQUIRE_MESSAGE(refreshed.ok(), (refreshed.ok() ? "" : refreshed.error().message));
    return *refreshed;
}

UserRecord lane_user(LaneDb& lane, const std::string& operator_id) {
    auto found = lane.find_user(operator_id);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    return **found;
}

MemberRecord lane_member(LaneDb& lane, const std::string& card) {
    auto found = find_member(lane.connection(), card);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    return **found;
}

}  // namespace

TEST_CASE("directory sync: a user added, changed and disabled at the store reaches the lane once each time") {
    TempDir dir;
    auto lane = open_lane(dir.file("lane.db"));
    REQUIRE(lane->save_user({"2001", "Lane Only", "cashier", hash_a, true}).ok());
    auto store_owned = open_store(dir.file("store.db"));
    StoreDb& store = *store_owned;
    auto before = store_directory_version(store);
    REQUIRE(before.ok());
    CHECK(before->users == 0);
    REQUIRE(save_store_user(store, {"1005", "王五", "cashier", hash_a, true}).ok());
    auto after = store_directory_version(store);
    REQUIRE(after.ok());
    CHECK(after->users == 1);
    CHECK(after->members == 0);
    CHECK(after->store_id.size() == 32);

    DirectStoreSink sink(std::move(store_owned));
    CHECK(refresh(*lane, sink));
    CHECK(lane_user(*lane, "1005").name == "王五");
    CHECK(lane_user(*lane, "1005").pin_hash == hash_a);
    CHECK(lane_user(*lane, "2001").name == "Lane Only");  // the lane's own operator is kept
    auto applied = applied_directory_version(*lane);
    REQUIRE(applied.ok());
    CHECK(applied->users == 1);
    CHECK(applied->store_id == after->store_id);
    // Nothing changed at the store: nothing is applied again.
    CHECK_FALSE(refresh(*lane, sink, "2026-11-23T10:05:00+08:00"));
    CHECK(
        lane->connection().query_text("SELECT applied_at FROM directory_applied WHERE kind = 'users'")->value_or("") ==
        "2026-11-23T10:00:00+08:00");

    // Three wrong PINs on this lane; a role change at the store keeps them, a new PIN clears them.
    REQUIRE(write_pin_lock(*lane, "1005", {3, std::nullopt}).ok());
    auto reopened = open_store(dir.file("store.db"));
    REQUIRE(save_store_user(*reopened, {"1005", "王五", "supervisor", hash_a, true}).ok());
    CHECK(refresh(*lane, sink));
    CHECK(lane_user(*lane, "1005").role == "supervisor");
    CHECK(read_pin_lock(*lane, "1005")->failed_pins == 3);
    REQUIRE(save_store_user(*reopened, {"1005", "王五", "supervisor", hash_b, true}).ok());
    CHECK(refresh(*lane, sink));
    CHECK(lane_user(*lane, "1005").pin_hash == hash_b);
    CHECK(read_pin_lock(*lane, "1005")->failed_pins == 0);

    REQUIRE(save_store_user(*reopened, {"1005", "王五", "supervisor", hash_b, false}).ok());
    CHECK(refresh(*lane, sink));
    CHECK_FALSE(lane_user(*lane, "1005").active);
    CHECK(applied_directory_version(*lane)->users == 4);
}

TEST_CASE("directory sync: members flow down with the store's balance plus this lane's unsynced account sales") {
    TempDir dir;
    auto lane = open_lane(dir.file("lane.db"));
    auto store = open_store(dir.file("store.db"));
    REQUIRE(add_member(store->connection(), {"88000001", "13800138000", "王芳", 50000, 0, "2026-11-23T09:00:00+08:00"})
                .ok());
    auto sink = std::make_unique<DirectStoreSink>(open_store(dir.file("store.db")));
    CHECK(refresh(*lane, *sink));
    CHECK(lane_member(*lane, "88000001").limit_fen == 50000);
    CHECK(lane_member(*lane, "88000001").balance_fen == 0);

    // This lane sells 100.00 on account (queued, not yet at the store); another lane's 70.00 reaches the store.
    MemberMovementRecord ours{"mv-ours", "88000001", "sale",    10000,  0,
                              "sale-1",  1,          "shift-1", "1001", "2026-11-23T10:00:00+08:00"};
    REQUIRE(apply_member_movement(lane->connection(), ours).ok());
    MemberMovementRecord theirs{"mv-theirs", "88000001", "sale",    7000,   7000,
                                "sale-2",    2,          "shift-2", "1002", "2026-11-23T10:01:00+08:00"};
    auto filed = file_member_movement(store->connection(), theirs, "2026-11-23T10:01:05+08:00");
    REQUIRE(filed.ok());
    CHECK(*filed);
    CHECK(refresh(*lane, *sink));
    CHECK(lane_member(*lane, "88000001").balance_fen == 7000 + 10000);

    // A new limit at the store flows down; the balance stays what the lane may still spend against.
    auto changed = set_member_limit(store->connection(), "88000001", 80000);
    REQUIRE(changed.ok());
    CHECK(*changed);
    CHECK(refresh(*lane, *sink));
    CHECK(lane_member(*lane, "88000001").limit_fen == 80000);
    CHECK(lane_member(*lane, "88000001").balance_fen == 17000);
    CHECK_FALSE(refresh(*lane, *sink));
}

TEST_CASE("directory sync: the worker applies a new operator only once the open ticket is finished") {
    TempDir dir;
    open_lane(dir.file("lane.db")).reset();
    {
        auto store = open_store(dir.file("store.db"));
        REQUIRE(save_store_user(*store, {"1005", "王五", "cashier", hash_a, true}).ok());
    }
    std::atomic<bool> ticket_open{true};
    SyncWorkerOptions options{2, 20ms, 10ms, 40ms};
    options.between_sales = [&] { return !ticket_open.load(); };
    SyncWorker worker(
        dir.file("lane.db"),
        [&]() -> DbResult<std::unique_ptr<StoreSink>> {
            auto store = StoreDb::open(dir.file("store.db"), false);
            if (!store) return store.error();
            return std::unique_ptr<StoreSink>(new DirectStoreSink(std::move(*store)));
        },
        [] { return std::string("2026-11-23T10:00:00+08:00"); }, options);
    worker.start();
    auto wait_for = [&](std::string_view what, auto done) {
        SyncSnapshot snapshot;
        pos::testing::eventually(what, [&] { return done(snapshot = worker.snapshot()); });
        return snapshot;
    };
    SyncSnapshot during = wait_for("three passes", [](const SyncSnapshot& s) { return s.passes >= 3; });
    CHECK(during.passes >= 3);
    CHECK(during.directory_updates == 0);
    {
        auto lane = open_lane(dir.file("lane.db"));
        auto found = lane->find_user("1005");
        REQUIRE(found.ok());
        CHECK_FALSE(found->has_value());
    }
    ticket_open = false;
    SyncSnapshot after =
        wait_for("the directory applied", [](const SyncSnapshot& s) { return s.directory_updates >= 1; });
    worker.stop();
    CHECK(after.directory_updates == 1);
    auto lane = open_lane(dir.file("lane.db"));
    CHECK(lane_user(*lane, "1005").name == "王五");
}
