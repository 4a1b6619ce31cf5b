// store.db's whole-file integrity check, run at a writer's open once a day and recorded in the file.
#pragma once

#include <stop_token>

#include "db/shared/sqlite.hpp"

namespace pos::db {

// Runs PRAGMA quick_check over the whole file when the last one that passed is more than a day
// old or was never recorded (integrity_checked, store migration 0026), and records when it
// passed. A writer's open checks every table but the history (IntegrityScope::
// store_without_history); this finds damage in the history within a day, at the cost of one
// whole-file read a day instead of one per open (5 s at a year of history). It then compares the
// on-hand table with the stock ledger (db/store/on_hand_table.hpp). Not "ok", or a disagreement:
// DbErrorCode::corrupt, as check_integrity; the record then stays as it was. A stop requested on
// `stop` ends the check early (DbErrorCode::other), unrecorded: it is due again next time.
[[nodiscard]] DbStatus check_whole_file_daily(Connection& connection, const std::stop_token& stop = {});

}  // namespace pos::db
