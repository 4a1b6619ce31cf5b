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

private:
    Connection(sqlite3* handle, std::string path) : handle_(handle), path_(std::move(path)) {}
    sqlite3* handle_;
    std::string path_;
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

// BEGIN IMMEDIATE on construction (via begin), ROLLBACK on destruction unless commit() succeeded.
// Begun inside another transaction it is a SAVEPOINT of it: its commit releases into the outer
// transaction (so a caller can add a row, like the audit record, to a write it wraps).
class Transaction {
public:
    [[nodiscard]] static DbResult<Transaction> begin(Connection& connection);
    Transaction(Transaction&& other) noexcept : connection_(other.connection_), nested_(other.nested_) {
        other.connection_ = nullptr;
    }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    [[nodiscard]] DbStatus commit();

private:
    Transaction(Connection& connection, bool nested) : connection_(&connection), nested_(nested) {}
    Connection* connection_;
    bool nested_ = false;
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
