// Applies the numbered migrations in order, one transaction each.
#include "db/migrations.hpp"

#include <fmt/format.h>

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

}  // namespace pos::db
