// Transactions never nest silently and a failed COMMIT is the caller's error (issue #17 point 7);
// a statement can be stopped from another thread.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "db/shared/sqlite.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

std::unique_ptr<Connection> open_table(const TempDir& dir) {
    auto connection = Connection::open(dir.file("t.db"), true);
    REQUIRE(connection.ok());
    REQUIRE((*connection)->exec("CREATE TABLE t (x INTEGER)").ok());
    return std::move(*connection);
}

int64_t rows(Connection& connection) {
    auto answer = connection.query_text("SELECT count(*) FROM t");
    REQUIRE(answer.ok());
    return std::stoll(answer->value_or("-1"));
}

}  // namespace

TEST_CASE("transaction: begun inside a plain transaction it is refused, naming the file") {
    TempDir dir;
    auto connection = open_table(dir);
    auto outer = Transaction::begin(*connection);
    REQUIRE(outer.ok());
    auto inner = Transaction::begin(*connection);
    REQUIRE_FALSE(inner.ok());
    CHECK(inner.error().message.find("t.db: a transaction was begun inside another one that does not gather writes") !=
          std::string::npos);
    // Inside a transaction no Transaction owns (a bare BEGIN) likewise.
    REQUIRE(outer->commit().ok());
    REQUIRE(connection->exec("BEGIN").ok());
    CHECK_FALSE(Transaction::begin(*connection).ok());
    CHECK_FALSE(Transaction::savepoint(*connection).ok());
    REQUIRE(connection->exec("ROLLBACK").ok());
}

TEST_CASE("transaction: writes join a composite transaction as savepoints, kept or rolled back with it") {
    TempDir dir;
    auto connection = open_table(dir);
    {
        auto outer = Transaction::begin_composite(*connection);
        REQUIRE(outer.ok());
        auto inner = Transaction::begin(*connection);
        REQUIRE(inner.ok());
        CHECK(inner->nested());
        REQUIRE(connection->exec("INSERT INTO t VALUES (1)").ok());
        REQUIRE(inner->commit().ok());
        // The outer one goes without commit: the inner write goes with it.
    }
    CHECK(rows(*connection) == 0);
    {
        auto outer = Transaction::begin_composite(*connection);
        REQUIRE(outer.ok());
        {
            auto kept = Transaction::savepoint(*connection);
            REQUIRE(kept.ok());
            REQUIRE(connection->exec("INSERT INTO t VALUES (1)").ok());
            REQUIRE(kept->commit().ok());
        }
        {
            auto dropped = Transaction::savepoint(*connection);
            REQUIRE(dropped.ok());
            REQUIRE(connection->exec("INSERT INTO t VALUES (2)").ok());
        }  // rolled back alone
        REQUIRE(outer->commit().ok());
    }
    CHECK(rows(*connection) == 1);
    CHECK_FALSE(Transaction::savepoint(*connection).ok());  // outside any transaction
    // After both ended, a plain transaction is a transaction of its own again.
    auto again = Transaction::begin(*connection);
    REQUIRE(again.ok());
    CHECK_FALSE(again->nested());
    REQUIRE(again->commit().ok());
}

TEST_CASE("transaction: a COMMIT that fails is the caller's error and the transaction is rolled back") {
    TempDir dir;
    auto connection = open_table(dir);
    // A deferred foreign key violated at COMMIT: SQLite refuses the COMMIT itself.
    REQUIRE(connection
                ->exec("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (p INTEGER "
                       "REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)")
                .ok());
    {
        auto transaction = Transaction::begin(*connection);
        REQUIRE(transaction.ok());
        REQUIRE(connection->exec("INSERT INTO child VALUES (7)").ok());
        REQUIRE(connection->exec("INSERT INTO t VALUES (1)").ok());
        auto committed = transaction->commit();
        REQUIRE_FALSE(committed.ok());
        CHECK(committed.error().code == DbErrorCode::constraint);
    }
    CHECK_FALSE(connection->in_transaction());
    CHECK(rows(*connection) == 0);
    // The connection is usable again.
    auto next = Transaction::begin(*connection);
    REQUIRE(next.ok());
    REQUIRE(next->commit().ok());
}

TEST_CASE("interrupt: called from another thread it ends a statement that would never end by itself") {
    TempDir dir;
    auto connection = open_table(dir);
    std::atomic<bool> returned = false;
    // interrupt() does nothing while no statement runs, so it is repeated until the query returns.
    std::jthread closer([&] {
        while (!returned) connection->interrupt();
    });
    auto endless =
        connection->query_text("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n");
    returned = true;
    REQUIRE_FALSE(endless.ok());
    CHECK(endless.error().message.find("interrupt") != std::string::npos);
}
