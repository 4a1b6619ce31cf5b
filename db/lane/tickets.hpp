// lane.db, ticket side: held tickets (挂单/取单) and the catalog search behind F8.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"

namespace pos::db {

struct HeldTicketRecord {
    std::string id;
    int64_t lane = 0;
    std::string operator_id;
    std::string held_at;
    int64_t lines = 0;
    int64_t total_fen = 0;
    std::string ticket;  // JSON
};

[[nodiscard]] DbStatus hold_ticket(LaneDb& lane, const HeldTicketRecord& held);
// Held tickets of a lane, oldest first (without the ticket JSON).
[[nodiscard]] DbResult<std::vector<HeldTicketRecord>> held_tickets(LaneDb& lane, int64_t lane_number);
// Removes and returns a held ticket; nullopt when it is not there (already resumed).
[[nodiscard]] DbResult<std::optional<HeldTicketRecord>> take_held_ticket(LaneDb& lane, const std::string& id);

// Items whose pinyin initials or SKU/PLU start with `query`, or whose Chinese or English name
// contains it (case-insensitive for ASCII), best matches first, at most `limit`.
[[nodiscard]] DbResult<std::vector<ItemRecord>> search_items(LaneDb& lane, const std::string& query, int64_t limit);

}  // namespace pos::db
