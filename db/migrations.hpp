// Numbered, forward-only schema migrations; the schema version is PRAGMA user_version.
#pragma once

#include <vector>

#include "db/sqlite.hpp"

namespace pos::db {

struct Migration {
    int number;        // 1, 2, 3... in file order; user_version after it runs
    const char* name;  // file name without .sql, e.g. "0001_initial"
    const char* sql;
};

// Generated from db/migrations/lane/*.sql and db/migrations/store/*.sql at build time.
[[nodiscard]] const std::vector<Migration>& lane_migrations();
[[nodiscard]] const std::vector<Migration>& store_migrations();

// Runs every migration newer than the file's user_version, each in its own transaction.
// Refuses a file whose version is newer than this program knows (an older build must not
// write to a newer schema).
[[nodiscard]] DbStatus migrate(Connection& connection, const std::vector<Migration>& migrations);

// The schema version the file is at.
[[nodiscard]] DbResult<int> schema_version(Connection& connection);

}  // namespace pos::db
