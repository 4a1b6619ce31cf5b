// Runs the head office's migrations under an advisory lock, so two pos-hq init runs at once
// cannot apply the same migration twice.
#include "hq/migrations.hpp"

#include <string>

namespace pos::hq {

PgResult<int> migrate(PgConnection& connection) {
    if (auto made = connection.script("CREATE TABLE IF NOT EXISTS hq_schema (number integer PRIMARY KEY, "
                                      "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        !made) {
        return made.error();
    }
    int reached = 0;
    for (const Migration& migration : hq_migrations()) {
        auto applied = in_transaction(connection, [&]() -> PgResult<support::Done> {
            if (auto locked = connection.exec("SELECT pg_advisory_xact_lock(8735001)"); !locked) return locked.error();
            auto done =
                connection.exec("SELECT 1 FROM hq_schema WHERE number = $1", {std::to_string(migration.number)});
            if (!done) return done.error();
            if (done->size() > 0) return support::Done{};
            if (auto ran = connection.script(migration.sql); !ran) {
                return PgError{"migration " + std::string(migration.name) + " failed: " + ran.error().message,
                               ran.error().sqlstate};
            }
            auto recorded = connection.exec("INSERT INTO hq_schema (number, name) VALUES ($1, $2)",
                                            {std::to_string(migration.number), std::string(migration.name)});
            if (!recorded) return recorded.error();
            return support::Done{};
        });
        if (!applied) return applied.error();
        reached = migration.number;
    }
    return reached;
}

}  // namespace pos::hq
