// The head office's schema: numbered, forward-only migrations (hq/migrations/*.sql, embedded at
// build time), applied in order, each in its own transaction, recorded in hq_schema.
#pragma once

#include <vector>

#include "hq/pg.hpp"

namespace pos::hq {

struct Migration {
    int number;
    const char* name;
    const char* sql;
};

[[nodiscard]] const std::vector<Migration>& hq_migrations();

// Applies what `connection`'s database lacks; returns the schema version reached.
[[nodiscard]] PgResult<int> migrate(PgConnection& connection);

}  // namespace pos::hq
