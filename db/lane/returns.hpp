// lane.db, returns side: what earlier returns (红字) already took back of a sale. The same
// queries read store.db (its sales tables match), where every lane's synced returns are.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/shared/sqlite.hpp"

namespace pos::db {

class LaneDb;

struct ReturnedLine {
    int64_t quantity_milli = 0;  // taken back, positive
    int64_t refunded_fen = 0;    // refunded for it, positive
};

// One return of a sale, positive amounts: which return, at which lane, what it took back.
struct ReturnTaken {
    std::string id;
    int64_t lane = 0;
    std::map<int64_t, ReturnedLine> lines;   // by the original sale's line number
    std::map<std::string, int64_t> tenders;  // refunded by method (cash, card, ...)
};

// Everything the returns of one sale add up to, positive amounts.
struct ReturnHistory {
    std::map<int64_t, ReturnedLine> lines;   // by the original sale's line number
    std::map<std::string, int64_t> tenders;  // refunded by method (cash, card, ...)
    int64_t returns = 0;                     // how many returns reference the sale
};

// Every return referencing the sale, in the order they were completed.
[[nodiscard]] DbResult<std::vector<ReturnTaken>> returns_of(Connection& connection,
                                                            const std::string& original_sale_id);

// The sum of returns; a return listed twice (the store's copy and the lane's own) counts once.
[[nodiscard]] ReturnHistory history_of(const std::vector<ReturnTaken>& returns);

// Read inside the caller's transaction when it guards a commit, so no other return slips between.
[[nodiscard]] DbResult<ReturnHistory> return_history(Connection& connection, const std::string& original_sale_id);

// lane.db: a return against another lane's sale (found at the store) names that sale's lane and
// receipt number here, written in the return's transaction, for the slip's 原单号 (lane migration 0018).
[[nodiscard]] DbStatus save_foreign_original(Connection& lane, const std::string& return_id,
                                             const std::string& original_sale_id, int64_t original_lane,
                                             int64_t original_receipt_no);
// The (lane, receipt number) saved for a return, if its original sale is another lane's.
[[nodiscard]] DbResult<std::optional<std::pair<int64_t, int64_t>>> foreign_original(Connection& lane,
                                                                                    const std::string& return_id);

// The same operations on an open lane.db, as pos/ calls them (inside commit_sale's guard they
// read and write in the sale's transaction).
[[nodiscard]] DbResult<std::vector<ReturnTaken>> returns_of(LaneDb& lane, const std::string& original_sale_id);
[[nodiscard]] DbStatus save_foreign_original(LaneDb& lane, const std::string& return_id,
                                             const std::string& original_sale_id, int64_t original_lane,
                                             int64_t original_receipt_no);
[[nodiscard]] DbResult<std::optional<std::pair<int64_t, int64_t>>> foreign_original(LaneDb& lane,
                                                                                    const std::string& return_id);

}  // namespace pos::db
