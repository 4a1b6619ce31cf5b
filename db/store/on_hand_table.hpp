// store.db's on-hand table (stock_on_hand, store migration 0049) against the stock ledger it sums.
// The triggers on stock_movements keep it; the daily whole-file check compares the two.
#pragma once

#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "db/shared/sqlite.hpp"

namespace pos::db {

// One sku whose row in the table differs from its movements in the ledger; a side with no row
// (no movement, or no table row) is nullopt.
struct OnHandDisagreement {
    std::string sku;
    struct Sums {
        int64_t on_hand_milli = 0;
        int64_t movements = 0;
        int64_t kept_movements = 0;
    };
    std::optional<Sums> table;
    std::optional<Sums> ledger;
};

// Every sku where the table and the ledger's sums differ (one statement: one snapshot). Reads the
// whole ledger: for the daily check, not for every open. A stop requested on `stop` interrupts
// it (DbErrorCode::other).
[[nodiscard]] DbResult<std::vector<OnHandDisagreement>> on_hand_disagreements(Connection& connection,
                                                                              const std::stop_token& stop = {});

// Refills the table from the ledger, in one transaction.
[[nodiscard]] DbStatus rebuild_on_hand(Connection& connection);

// The daily check's step: when the table disagrees with the ledger, rebuilds it from the ledger
// (the record) and answers DbErrorCode::corrupt naming the first sku and how many, so the
// disagreement is seen once and the next check passes. `stop` as on_hand_disagreements.
[[nodiscard]] DbStatus check_on_hand_against_ledger(Connection& connection, const std::stop_token& stop = {});

}  // namespace pos::db
