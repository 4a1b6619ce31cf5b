// PRAGMA quick_check, on the whole file or on the tables a sale writes.
// At a million items the catalog replica is most of lane.db (≈190 MB) and a whole-file check
// at every open took 10 s of `pos` start-up (docs/performance.md). So lane.db is opened with a
// check of every table except the catalog replica (items, item_barcodes: a copy of the store's
// catalog that can always be fetched again), and the whole file is checked in the background by
// the sync worker. store.db is opened by a writer with a check of every table but its history
// and catalog (what grows with the days or the items: 5 s at a year), and checked whole once a
// day, at open or by the sync worker (db/store/daily_check.hpp).
#pragma once

#include <stop_token>
#include <string>
#include <vector>

#include "db/shared/sqlite.hpp"

namespace pos::db {

// What to check when a database is opened.
struct IntegrityScope {
    // Tables (with their indexes) left out of the check at open; empty: the whole file.
    std::vector<std::string> skip_tables;

    [[nodiscard]] static IntegrityScope whole_file() { return {}; }
    // lane.db: everything but the catalog replica.
    [[nodiscard]] static IntegrityScope lane_without_catalog() { return {{"items", "item_barcodes"}}; }
    // store.db at a writer's open: everything but what grows with the days (each sale, shift,
    // shift close, business day, stock movement and audit entry) and the catalog with what is kept
    // per item (a million items make it most of the file), which the daily whole-file check covers (db/store/daily_check.hpp):
    // what is left is small and the same size after a day or a year.
    [[nodiscard]] static IntegrityScope store_without_history() {
        return {{"sales",
                 "sale_lines",
                 "sale_tenders",
                 "received",
                 "audit",
                 "member_movements",
                 "shifts",
                 "shift_closes",
                 "cash_movements",
                 "business_days",
                 "business_day_shifts",
                 "late_sales",
                 "kept_aside",
                 "store_audit",
                 "stock_movements",
                 "stock_scans",
                 "stock_documents",
                 "stock_document_lines",
                 "stock_count_entries",
                 "stock_on_hand",
                 "items",
                 "item_barcodes"}};
    }
};

// The tables lane.db's open leaves to the background check.
[[nodiscard]] const std::vector<std::string>& lane_catalog_tables();

// Runs PRAGMA quick_check over `scope`: the whole file, or the schema and each table not
// skipped, one by one (a partial check cannot see pages no checked table uses: the full check
// in the background does). Not "ok": DbErrorCode::corrupt, with `consequence` ("nothing will
// be written to it") and what to do; a busy file: DbErrorCode::busy, retry. A stop requested on
// `stop` (from any thread) ends the check within milliseconds: DbErrorCode::other, not damage.
[[nodiscard]] DbStatus check_integrity(Connection& connection, const IntegrityScope& scope,
                                       const std::string& consequence = "nothing will be written to it",
                                       const std::stop_token& stop = {});

}  // namespace pos::db
