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
};

// Keeps the record aside, once: the same delivery sent again adds nothing. Inside the batch's
// transaction.
[[nodiscard]] DbStatus keep_aside(Connection& store, const KeptAside& record);

// What is kept aside and not yet resolved, oldest first; one lane's, or every lane's.
[[nodiscard]] DbResult<std::vector<KeptAside>> open_kept_aside(Connection& store, std::optional<int64_t> lane);
[[nodiscard]] DbResult<std::vector<KeptAside>> open_kept_aside(StoreDb& store, std::optional<int64_t> lane);

}  // namespace pos::db
