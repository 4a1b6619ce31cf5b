// The head office's operations on its PostgreSQL database: joining a store (its own role and
// password), and taking a batch of a store's records exactly once (docs/head-office.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hq/pg.hpp"

namespace pos::hq {

struct StoreCredentials {
    std::string store_id;
    std::string role;      // store_<id>: the login the store's sync uses
    std::string password;  // shown once; PostgreSQL keeps only its SCRAM-SHA-256 verifier
};

// Adds the store and its login role (member of hq_store, so row-level security applies).
// `store_id`: lower-case letters, digits and _, at most 26 characters.
[[nodiscard]] PgResult<StoreCredentials> add_store(PgConnection& admin, const std::string& store_id,
                                                   const std::string& name, const std::string& region);

struct IncomingRecord {
    std::string kind;          // sale, shift, shift_close, cash_movement, member_movement, audit, day_close
    std::string ref;           // the store's own key for it
    std::string business_day;  // YYYY-MM-DD
    std::optional<int64_t> lane;
    std::string payload;  // JSON text as the store keeps it
};

struct IngestOutcome {
    int64_t stored = 0;     // new rows
    int64_t repeated = 0;   // already there with the same content: nothing stored twice
    int64_t conflicts = 0;  // already there with other content: kept aside in ingest_conflicts
};

// One transaction on the store's own connection: COPY into a temporary table, the months'
// partitions made, then the new rows stored and the differing ones set aside. Sending the same
// batch again stores nothing; ordering between batches does not matter.
[[nodiscard]] PgResult<IngestOutcome> ingest(PgConnection& store, const std::vector<IncomingRecord>& records);

}  // namespace pos::hq
