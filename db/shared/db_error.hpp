// Errors from the databases: one closed enum, SQLite result codes mapped in one place.
#pragma once

#include <string>

#include "support/expected.hpp"

namespace pos::db {

enum class DbErrorCode {
    busy,  // another writer holds the lock past the busy timeout
    disk_full,
    corrupt,     // not a database, malformed, or quick_check failed
    io,          // the disk or file system failed
    read_only,   // file or directory not writable
    cant_open,   // path missing or not a file we can open
    constraint,  // a UNIQUE or CHECK rule refused the row
    not_found,
    schema,       // schema newer than this program, or a migration failed
    unreachable,  // pos-store cannot be reached over the network
    refused,      // pos-store refused this lane (unknown or revoked token)
    other,
};

struct DbError {
    DbErrorCode code = DbErrorCode::other;
    std::string message;  // what happened and what to do, naming the file
};

template <typename T>
using DbResult = support::Expected<T, DbError>;
using DbStatus = DbResult<support::Done>;

}  // namespace pos::db
