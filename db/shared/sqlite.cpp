// SQLite connection, statements and transactions, with SQLite result codes mapped to DbError.
#include "db/shared/sqlite.hpp"

#include <chrono>
#include <thread>

#include <sqlite3.h>

#include <fmt/format.h>

namespace pos::db {
namespace {

// How long a writer waits for another writer's lock before reporting busy. A lane's own
// database has one writer; the store database is shared by the sync worker and reports.
constexpr int busy_timeout_ms = 5000;

DbErrorCode map_code(int code) {
    switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return DbErrorCode::busy;
        case SQLITE_FULL: return DbErrorCode::disk_full;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return DbErrorCode::corrupt;
        case SQLITE_IOERR: return DbErrorCode::io;
        case SQLITE_READONLY:
        case SQLITE_PERM: return DbErrorCode::read_only;
        case SQLITE_CANTOPEN: return DbErrorCode::cant_open;
        case SQLITE_CONSTRAINT: return DbErrorCode::constraint;
        default: return DbErrorCode::other;
    }
}

std::string advice(DbErrorCode code) {
    switch (code) {
        case DbErrorCode::busy: return "another program is writing to it; wait and try again";
        case DbErrorCode::disk_full: return "the disk is full; free space, then try again (nothing was lost)";
        case DbErrorCode::corrupt: return "the file is damaged; stop using this lane and restore it from a backup";
        case DbErrorCode::io: return "the disk reported an error; check the disk, then try again";
        case DbErrorCode::read_only: return "the file or its folder is not writable; check permissions";
        case DbErrorCode::cant_open:
            return "check that the data folder exists and is writable (posctl init creates it)";
        default: return "try again; if it persists, call the store technician";
    }
}

}  // namespace

DbResult<std::unique_ptr<Connection>> Connection::open(const std::string& path, bool create) {
    sqlite3* handle = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
    std::unique_ptr<Connection> connection(new Connection(handle, path));
    if (rc != SQLITE_OK) {
        if (!create && rc == SQLITE_CANTOPEN) {
            return DbError{DbErrorCode::not_found, fmt::format("{} does not exist: run `posctl init` first", path)};
        }
        return connection->error(rc, "cannot open");
    }
    sqlite3_busy_timeout(handle, busy_timeout_ms);
    sqlite3_extended_result_codes(handle, 1);
    auto pragmas = connection->exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    if (!pragmas) return pragmas.error();
    return connection;
}

DbStatus Connection::use_wal() {
    // WAL lets reports read while a sale commits; with synchronous=FULL a commit survives power loss.
    auto mode = query_text("PRAGMA journal_mode=WAL");
    // Two programs opening a file still in rollback mode (as init leaves it) both ask to switch;
    // SQLite answers one of them busy at once, without waiting, to avoid a deadlock. The other
    // switches the file meanwhile, so asking again soon finds it in WAL mode.
    auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    while (!mode && mode.error().code == DbErrorCode::busy && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        mode = query_text("PRAGMA journal_mode=WAL");
    }
    if (!mode) return mode.error();
    if (mode->value_or("") != "wal") {
        return DbError{DbErrorCode::io, path_ + ": the file system refused write-ahead logging (journal mode " +
                                            mode->value_or("?") + "): keep the data directory on a local disk"};
    }
    return support::Done{};
}

void Connection::interrupt() { sqlite3_interrupt(handle_); }

Connection::~Connection() {
    statements_.clear();  // statements must be finalized before the connection closes
    sqlite3_close(handle_);
}

DbError Connection::error(int code, std::string_view what) const {
    DbErrorCode mapped = map_code(code);
    const char* detail = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(code);
    return DbError{mapped, fmt::format("{}: {} ({}): {}", path_, what, detail, advice(mapped))};
}

DbStatus Connection::exec(std::string_view sql) {
    std::string text(sql);
    int rc = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return error(rc, "statement failed");
    return support::Done{};
}

DbResult<Statement*> Connection::prepare(const std::string& sql) {
    auto found = statements_.find(sql);
    if (found != statements_.end()) return &found->second->reset();
    sqlite3_stmt* handle = nullptr;
    int rc = sqlite3_prepare_v3(handle_, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &handle, nullptr);
    if (rc != SQLITE_OK) return error(rc, "cannot prepare statement");
    auto statement = std::make_unique<Statement>(*this, handle);
    Statement* raw = statement.get();
    statements_.emplace(sql, std::move(statement));
    return raw;
}

DbResult<std::optional<std::string>> Connection::query_text(const std::string& sql) {
    auto statement = prepare(sql);
    if (!statement) return statement.error();
    auto row = (*statement)->step();
    if (!row) return row.error();
    std::optional<std::string> answer;
    if (*row) answer = (*statement)->column_text(0);
    (*statement)->reset();
    return answer;
}

int64_t Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(handle_); }

bool Connection::in_transaction() const { return sqlite3_get_autocommit(handle_) == 0; }

int64_t Connection::changes() const { return sqlite3_changes64(handle_); }

Statement::~Statement() { sqlite3_finalize(handle_); }

Statement& Statement::reset() {
    sqlite3_reset(handle_);
    sqlite3_clear_bindings(handle_);
    return *this;
}

Statement& Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(handle_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(handle_, index, value.data(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(handle_, index);
    return *this;
}

DbResult<bool> Statement::step() {
    int rc = sqlite3_step(handle_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    DbError failure = connection_.error(rc, "statement failed");
    sqlite3_reset(handle_);
    return failure;
}

DbStatus Statement::run() {
    auto row = step();
    if (!row) return row.error();
    sqlite3_reset(handle_);
    return support::Done{};
}

int64_t Statement::column_int(int index) const { return sqlite3_column_int64(handle_, index); }

std::string Statement::column_text(int index) const {
    const unsigned char* text = sqlite3_column_text(handle_, index);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text), size_t(sqlite3_column_bytes(handle_, index)));
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(handle_, index) == SQLITE_NULL; }

DbResult<Transaction> Transaction::open_savepoint(Connection& connection) {
    int depth = connection.savepoints_ + 1;
    if (auto begun = connection.exec(fmt::format("SAVEPOINT nested_{}", depth)); !begun) return begun.error();
    connection.savepoints_ = depth;
    return Transaction(connection, depth);
}

DbResult<Transaction> Transaction::open(Connection& connection, Connection::Outer kind) {
    if (connection.in_transaction()) {
        if (connection.outer_ == Connection::Outer::composite) return open_savepoint(connection);
        return DbError{DbErrorCode::other,
                       fmt::format("{}: a transaction was begun inside another one that does not gather writes; "
                                   "its commit would not be durable. This is a bug in the program: report it with "
                                   "what was being done",
                                   connection.path())};
    }
    if (auto begun = connection.exec("BEGIN IMMEDIATE"); !begun) return begun.error();
    connection.outer_ = kind;
    connection.savepoints_ = 0;
    return Transaction(connection, 0);
}

DbResult<Transaction> Transaction::begin(Connection& connection) { return open(connection, Connection::Outer::plain); }

DbResult<Transaction> Transaction::begin_composite(Connection& connection) {
    return open(connection, Connection::Outer::composite);
}

DbResult<Transaction> Transaction::savepoint(Connection& connection) {
    if (!connection.in_transaction() || connection.outer_ == Connection::Outer::none) {
        return DbError{DbErrorCode::other,
                       fmt::format("{}: a savepoint was asked for outside a transaction. This is a bug in the "
                                   "program: report it with what was being done",
                                   connection.path())};
    }
    return open_savepoint(connection);
}

void Transaction::finish() {
    if (depth_ > 0)
        connection_->savepoints_ = depth_ - 1;
    else
        connection_->outer_ = Connection::Outer::none;
    connection_ = nullptr;
}

Transaction::~Transaction() {
    if (!connection_) return;
    if (depth_ > 0)
        (void)connection_->exec(fmt::format("ROLLBACK TO nested_{0}; RELEASE nested_{0}", depth_));
    else
        (void)connection_->exec("ROLLBACK");
    finish();
}

DbStatus Transaction::commit() {
    auto committed = connection_->exec(depth_ > 0 ? fmt::format("RELEASE nested_{}", depth_) : "COMMIT");
    if (!committed) return committed;  // destructor rolls back
    finish();
    return committed;
}

}  // namespace pos::db
