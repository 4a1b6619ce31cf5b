// store.db's records as the head office takes them (issue 22): each source table read in rowid
// order past what the head office acknowledged, a row as one JSON record keyed by the store's own
// id, and the acknowledgement kept in head_office_cursor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/store/store_db.hpp"

namespace pos::db {

// One record for the head office. `business_day` is the local date the record's own time carries
// (never recomputed later, so a record resent after a crash keeps its key).
struct HeadOfficeRecord {
    std::string kind;  // sale (returns too: payload kind), shift, shift_close, cash_movement, day_close, audit_head
    std::string ref;
    std::string business_day;
    std::optional<int64_t> lane;
    std::string payload;  // JSON, amounts in fen
};

struct HeadOfficeBatch {
    std::string source;      // the table read; empty when nothing is left
    int64_t last_rowid = 0;  // acknowledge this once the head office committed the batch
    std::vector<HeadOfficeRecord> records;
};

// The next batch of at most `limit` rows from the first source with rows past its cursor.
[[nodiscard]] DbResult<HeadOfficeBatch> next_head_office_batch(StoreDb& store, int limit);

// Moves the source's cursor forward to `last_rowid` (never backward).
[[nodiscard]] DbStatus acknowledge_head_office_batch(StoreDb& store, const HeadOfficeBatch& batch,
                                                     const std::string& now);

// Rows not yet acknowledged, over every source.
[[nodiscard]] DbResult<int64_t> head_office_backlog(StoreDb& store);

// The newest audit record of each lane's chain (lane, seq, hash): the head office keeps the heads so
// a chain edited at the store afterwards shows. Sent on every push; the head office keeps each once.
[[nodiscard]] DbResult<std::vector<HeadOfficeRecord>> audit_chain_heads(StoreDb& store);

}  // namespace pos::db
