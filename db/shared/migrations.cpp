// Opening with an integrity check, and the numbered migrations applied in order, one transaction each.
#include "db/shared/migrations.hpp"

#include <fmt/format.h>

#include "db/shared/integrity_check.hpp"

namespace pos::db {

DbResult<int> schema_version(Connection& connection) {
    auto version = connection.query_text("PRAGMA user_version");
    if (!version) return version.error();
    return version->has_value() ? std::stoi(**version) : 0;
}

DbStatus migrate(Connection& connection, const std::vector<Migration>& migrations) {
    auto current = schema_version(connection);
    if (!current) return current.error();
    int latest = migrations.empty() ? 0 : migrations.back().number;
    if (*current > latest) {
        return DbError{DbErrorCode::schema,
                       fmt::format("{} has schema version {}, newer than this program's {}: update the POS software",
                                   connection.path(), *current, latest)};
    }
    for (const Migration& migration : migrations) {
        if (migration.number <= *current) continue;
        auto transaction = Transaction::begin(connection);
        if (!transaction) return transaction.error();
        // Another process may have migrated while we waited for the write lock.
        auto locked_version = schema_version(connection);
        if (!locked_version) return locked_version.error();
        if (migration.number <= *locked_version) continue;
        auto applied = connection.exec(migration.sql);
        if (!applied) {
            return DbError{DbErrorCode::schema,
                           fmt::format("migration {} failed: {}", migration.name, applied.error().message)};
        }
        auto versioned = connection.exec(fmt::format("PRAGMA user_version = {}", migration.number));
        if (!versioned) return versioned.error();
        auto committed = transaction->commit();
        if (!committed) return committed.error();
    }
    return support::Done{};
}

DbResult<std::unique_ptr<Connection>> open_checked(const std::string& path, bool create,
                                                   const std::vector<Migration>& migrations,
                                                   const IntegrityScope& scope) {
    auto connection = Connection::open(path, create);
    if (!connection) {
        if (connection.error().code == DbErrorCode::corrupt) {
            return DbError{DbErrorCode::corrupt,
                           fmt::format("{} is not a POS database or is damaged: nothing will be written to it. "
                                       "Restore it from a backup or call the store technician.",
                                       path)};
        }
        return connection.error();
    }
    if (auto healthy = check_integrity(**connection, scope); !healthy) return healthy.error();
    if (auto wal = (*connection)->use_wal(); !wal) return wal.error();
    if (auto migrated = migrate(**connection, migrations); !migrated) return migrated.error();
    return std::move(*connection);
}

}  // namespace pos::db
