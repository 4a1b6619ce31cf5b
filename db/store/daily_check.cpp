// store.db's daily whole-file check (see daily_check.hpp).
#include "db/store/daily_check.hpp"

#include "db/shared/integrity_check.hpp"
#include "db/store/on_hand_table.hpp"

namespace pos::db {
namespace {

// true when no check has passed in the last 24 hours (by SQLite's clock, UTC).
DbResult<bool> whole_check_due(Connection& connection) {
    auto recent = connection.query_text(
        "SELECT count(*) FROM integrity_checked WHERE id = 1 AND julianday(checked_at) > julianday('now', '-1 day') "
        "AND julianday(checked_at) <= julianday('now', '+1 hour')");  // a clock set back does not skip checks
    if (!recent) return recent.error();
    return recent->value_or("0") == "0";
}

}  // namespace

DbStatus check_whole_file_daily(Connection& connection, const std::stop_token& stop) {
    auto due = whole_check_due(connection);
    if (!due) return due.error();
    if (!*due) return support::Done{};
    if (auto checked = check_integrity(connection, IntegrityScope::whole_file(), "nothing will be written to it", stop);
        !checked)
        return checked;
    // The on-hand table is the ledger's sum kept by triggers; the day's read of the whole file is
    // when to prove it still is (a year's ledger is read in about as long as the file's pages).
    if (auto agrees = check_on_hand_against_ledger(connection, stop); !agrees) return agrees;
    // Not recorded (another writer holds the file): the next open checks again, nothing is lost.
    (void)connection.exec(
        "INSERT INTO integrity_checked (id, checked_at) VALUES (1, datetime('now')) "
        "ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at");
    return support::Done{};
}

}  // namespace pos::db
