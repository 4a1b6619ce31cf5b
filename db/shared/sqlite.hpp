// A thin RAII layer over the SQLite C API: connection, cached prepared statements, transactions.
// The only place besides db/*.cpp that sees <sqlite3.h> is sqlite.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "db/shared/db_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace pos::db {

class Statement;

class Connection {
public:
    // Opens (creating if asked) a database file with synchronous=FULL and foreign keys on.
    // Nothing is written until the caller asks (use_wal, exec...).
    [[nodiscard]] static DbResult<std::unique_ptr<Connection>> open(const std::string& path, bool create);
    // Switches to WAL (persistent in the file) and checks that it took.
    [[nodiscard]] DbStatus use_wal();
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more statements with no results (DDL, pragmas).
    [[nodiscard]] DbStatus exec(std::string_view sql);
    // A prepared statement, compiled once per connection and reset for each use.
    [[nodiscard]] DbResult<Statement*> prepare(const std::string& sql);
    // The first column of the first row as text (PRAGMA answers), or nullopt if no row.
    [[nodiscard]] DbResult<std::optional<std::string>> query_text(const std::string& sql);

    [[nodiscard]] DbError error(int code, std::string_view what) const;
    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] int64_t last_insert_rowid() const;
    // Rows inserted, updated or deleted by the last statement (0 after ON CONFLICT DO NOTHING).
    [[nodiscard]] int64_t changes() const;
    // true while a transaction is open on this connection.
    [[nodiscard]] bool in_transaction() const;
    // Makes the statement running on this connection stop soon with an error; the one call that
    // may come from another thread (a program closing does not wait for a whole-file check).
    void interrupt();

private:
    friend class Transaction;
    // Who opened the transaction in progress: writes join it as savepoints only when it was begun
    // to compose them (Transaction::begin_composite) or when they ask to (Transaction::savepoint).
    enum class Outer { none, plain, composite };

    Connection(sqlite3* handle, std::string path) : handle_(handle), path_(std::move(path)) {}
    sqlite3* handle_;
    std::string path_;
    Outer outer_ = Outer::none;
    int savepoints_ = 0;  // open savepoints, each named by its depth
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> statements_;
};

// A cached prepared statement. Bind with 1-based indexes, then step(); reset happens on the next bind_all/reset.
class Statement {
public:
    Statement(Connection& connection, sqlite3_stmt* handle) : connection_(connection), handle_(handle) {}
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& reset();
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind_null(int index);

    // true: a row is ready; false: done. Errors carry the SQLite message and the file.
    [[nodiscard]] DbResult<bool> step();
    // Runs a statement that returns no rows.
    [[nodiscard]] DbStatus run();

    [[nodiscard]] int64_t column_int(int index) const;
    [[nodiscard]] std::string column_text(int index) const;
    [[nodiscard]] bool column_is_null(int index) const;

private:
    Connection& connection_;
    sqlite3_stmt* handle_;
};

// A transaction never nests silently (issue #17): BEGIN IMMEDIATE on begin(), ROLLBACK on
// destruction unless commit() succeeded, and a failed COMMIT is the caller's error.
// - begin(): a transaction of its own. Inside another one it is a SAVEPOINT only when that one was
//   begun with begin_composite(), which exists to gather several writes (a write and its audit
//   record: pos/actions/access/audit.hpp with_audit); inside any other transaction it is refused,
//   since its commit would not be the durable commit its caller expects.
// - savepoint(): explicitly part of the transaction already open (refused when none is), for a
//   building block that only ever runs inside a caller's write, or one record of a batch that may
//   be rolled back alone.
class Transaction {
public:
    [[nodiscard]] static DbResult<Transaction> begin(Connection& connection);
    [[nodiscard]] static DbResult<Transaction> begin_composite(Connection& connection);
    [[nodiscard]] static DbResult<Transaction> savepoint(Connection& connection);
    Transaction(Transaction&& other) noexcept : connection_(other.connection_), depth_(other.depth_) {
        other.connection_ = nullptr;
    }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    [[nodiscard]] DbStatus commit();
    // true: a savepoint of an enclosing transaction, whose own commit makes this one durable.
    [[nodiscard]] bool nested() const { return depth_ > 0; }

private:
    Transaction(Connection& connection, int depth) : connection_(&connection), depth_(depth) {}
    [[nodiscard]] static DbResult<Transaction> open(Connection& connection, Connection::Outer kind);
    [[nodiscard]] static DbResult<Transaction> open_savepoint(Connection& connection);
    void finish();
    Connection* connection_;
    int depth_ = 0;  // 0: the outer transaction; N: savepoint N
};

// Runs a bound query to its end, handing each row to `read`, then resets it.
template <typename Read>
DbStatus each_row(Statement& statement, Read read) {
    for (;;) {
        auto row = statement.step();
        if (!row) return row.error();
        if (!*row) break;
        read(statement);
    }
    statement.reset();
    return support::Done{};
}

}  // namespace pos::db
