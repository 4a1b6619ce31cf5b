// store.db's records kept aside (migration 0033): a delivered record whose key already holds
// different content (conflict), an audit record that does not continue its lane's chain (fork),
// or one the store cannot read (quarantine). Kept with both versions, never dropped, never written
// over what the store holds; each is an alarm until a manager resolves it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/shared/sqlite.hpp"

namespace pos::db {

class StoreDb;

struct KeptAside {
    int64_t id = 0;
    int64_t lane = 0;
    std::string kind;  // the outbox kind, or "audit" for one record of a lane's chain
    std::string ref;   // the outbox ref, or "LANE:SEQ" for an audit record
    std::string why;   // "conflict", "fork" or "quarantine"
    std::string reason;
    std::optional<std::string> stored;  // what the store already holds under that key
    std::string delivered;              // what was delivered, verbatim
    std::string received_at;
    std::optional<std::string> resolved_at;  // set when a manager dealt with it
    std::optional<std::string> resolved_by;
    std::optional<std::string> resolution;  // what they found and did
};

// Keeps the record aside, once: the same delivery sent again adds nothing. Inside the batch's
// transaction.
[[nodiscard]] DbStatus keep_aside(Connection& store, const KeptAside& record);

// What is kept aside and not yet resolved, oldest first; one lane's, or every lane's.
[[nodiscard]] DbResult<std::vector<KeptAside>> open_kept_aside(Connection& store, std::optional<int64_t> lane);
[[nodiscard]] DbResult<std::vector<KeptAside>> open_kept_aside(StoreDb& store, std::optional<int64_t> lane);
// How many records of `lane` are kept aside unresolved, counting those whose lane the store could
// not read (lane 0): the lane's alarm stays while any may be its own.
[[nodiscard]] DbResult<int64_t> unresolved_kept_aside_count(StoreDb& store, int64_t lane);

// Every row kept aside, resolved ones too, oldest first.
[[nodiscard]] DbResult<std::vector<KeptAside>> all_kept_aside(StoreDb& store);

// A manager dealt with row `id`: it stops being an alarm. The row as it now is (none when there
// is no such row); `changed` is false when it was resolved already, and then it is left as it was.
struct KeptAsideResolution {
    std::optional<KeptAside> row;
    bool changed = false;
};
[[nodiscard]] DbResult<KeptAsideResolution> resolve_kept_aside(StoreDb& store, int64_t id, const std::string& by,
                                                               const std::string& resolution, const std::string& at);

}  // namespace pos::db
