// PRAGMA quick_check over the whole file or table by table (see integrity_check.hpp).
#include "db/shared/integrity_check.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pos::db {
namespace {

DbError unreadable(const Connection& connection, const DbError& error, const std::string& consequence) {
    return DbError{DbErrorCode::corrupt, fmt::format("{} cannot be read as a database ({}): {}. "
                                                     "Restore it from a backup or call the store technician.",
                                                     connection.path(), error.message, consequence)};
}

DbError stopped(const Connection& connection) {
    return DbError{DbErrorCode::other, fmt::format("the integrity check of {} was stopped before its end (the program "
                                                   "is closing); it runs again next time",
                                                   connection.path())};
}

// One quick_check; its first answer line is "ok" or the first problem found.
DbStatus quick_check(Connection& connection, const std::string& pragma, const std::string& consequence,
                     const std::stop_token& stop) {
    if (stop.stop_requested()) return stopped(connection);
    auto answer = [&] {
        std::stop_callback on_stop(stop, [&connection] { connection.interrupt(); });
        return connection.query_text(pragma);
    }();
    if (stop.stop_requested()) return stopped(connection);  // interrupted: says nothing about the file
    // A file another program is writing is busy, not damaged: say so, and let the caller retry.
    if (!answer && answer.error().code == DbErrorCode::busy) return answer.error();
    if (!answer) return unreadable(connection, answer.error(), consequence);
    std::string verdict = answer->value_or("");
    if (verdict != "ok") {
        return DbError{DbErrorCode::corrupt, fmt::format("{} failed its integrity check ({}): {}. "
                                                         "Restore it from a backup or call the store technician.",
                                                         connection.path(), verdict, consequence)};
    }
    return support::Done{};
}

// The names of the file's tables, read from its schema (page 1 and the schema's own pages).
DbResult<std::vector<std::string>> table_names(Connection& connection) {
    auto statement = connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'");
    if (!statement) return statement.error();
    std::vector<std::string> names;
    for (;;) {
        auto row = (*statement)->step();
        if (!row) return row.error();
        if (!*row) break;
        names.push_back((*statement)->column_text(0));
    }
    return names;
}

}  // namespace

const std::vector<std::string>& lane_catalog_tables() {
    static const std::vector<std::string> tables = IntegrityScope::lane_without_catalog().skip_tables;
    return tables;
}

DbStatus check_integrity(Connection& connection, const IntegrityScope& scope, const std::string& consequence,
                         const std::stop_token& stop) {
    if (scope.skip_tables.empty()) return quick_check(connection, "PRAGMA quick_check", consequence, stop);
    if (auto schema = quick_check(connection, "PRAGMA quick_check('sqlite_schema')", consequence, stop); !schema) {
        return schema;
    }
    auto names = table_names(connection);
    if (!names && names.error().code == DbErrorCode::busy) return names.error();
    if (!names) return unreadable(connection, names.error(), consequence);
    for (const std::string& name : *names) {
        if (std::find(scope.skip_tables.begin(), scope.skip_tables.end(), name) != scope.skip_tables.end()) continue;
        std::string quoted;  // a table name inside a string literal: double any quote
        for (char c : name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
        if (auto table = quick_check(connection, "PRAGMA quick_check('" + quoted + "')", consequence, stop); !table) {
            return table;
        }
    }
    return support::Done{};
}

}  // namespace pos::db
