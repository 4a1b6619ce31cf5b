// Opening a database safely: integrity check, then numbered, forward-only migrations
// (the schema version is PRAGMA user_version).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "db/shared/integrity_check.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

struct Migration {
    int number;        // 1, 2, 3... in file order; user_version after it runs
    const char* name;  // file name without .sql, e.g. "0001_initial"
    const char* sql;
};

// Generated from db/lane/migrations/*.sql and db/store/migrations/*.sql at build time.
[[nodiscard]] const std::vector<Migration>& lane_migrations();
[[nodiscard]] const std::vector<Migration>& store_migrations();

// Runs every migration newer than the file's user_version, each in its own transaction.
// Refuses a file whose version is newer than this program knows (an older build must not
// write to a newer schema).
[[nodiscard]] DbStatus migrate(Connection& connection, const std::vector<Migration>& migrations);

// Opens a database file, refuses it if PRAGMA quick_check over `scope` is not "ok" or it is
// not a database at all (nothing is then written to it), and brings its schema up to date.
[[nodiscard]] DbResult<std::unique_ptr<Connection>> open_checked(
    const std::string& path, bool create, const std::vector<Migration>& migrations,
    const IntegrityScope& scope = IntegrityScope::whole_file());

// The schema version the file is at.
[[nodiscard]] DbResult<int> schema_version(Connection& connection);

}  // namespace pos::db
