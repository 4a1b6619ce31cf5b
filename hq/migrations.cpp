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
        if (auto begun = connection.script("BEGIN; SELECT pg_advisory_xact_lock(8735001)"); !begun)
            return begun.error();
        auto applied = connection.exec("SELECT 1 FROM hq_schema WHERE number = $1", {std::to_string(migration.number)});
        if (!applied) {
            (void)connection.script("ROLLBACK");
            return applied.error();
        }
        if (applied->size() == 0) {
            auto ran = connection.script(migration.sql);
            if (ran) {
                ran = connection.exec("INSERT INTO hq_schema (number, name) VALUES ($1, $2)",
                                      {std::to_string(migration.number), std::string(migration.name)})
                          ? PgResult<support::Done>(support::Done{})
                          : PgResult<support::Done>(PgError{"could not record migration", ""});
            }
            if (!ran) {
                (void)connection.script("ROLLBACK");
                return PgError{"migration " + std::string(migration.name) + " failed: " + ran.error().message,
                               ran.error().sqlstate};
            }
        }
        if (auto committed = connection.script("COMMIT"); !committed) return committed.error();
        reached = migration.number;
    }
    return reached;
}

}  // namespace pos::hq
