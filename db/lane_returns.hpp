// lane.db, returns side: what earlier returns (红字) already took back of a sale.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "db/sqlite.hpp"

namespace pos::db {

struct ReturnedLine {
    int64_t quantity_milli = 0;  // taken back, positive
    int64_t refunded_fen = 0;    // refunded for it, positive
};

// Everything the returns of one sale add up to, positive amounts.
struct ReturnHistory {
    std::map<int64_t, ReturnedLine> lines;   // by the original sale's line number
    std::map<std::string, int64_t> tenders;  // refunded by method (cash, card, ...)
    int64_t returns = 0;                     // how many returns reference the sale
};

// Read inside the caller's transaction when it guards a commit, so no other return slips between.
[[nodiscard]] DbResult<ReturnHistory> return_history(Connection& connection, const std::string& original_sale_id);

}  // namespace pos::db
