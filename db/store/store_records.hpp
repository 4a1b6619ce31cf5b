// Plain records of the store's end-of-day side: shift closes and drawer cash as the lanes
// deliver them, the sales and shifts a business day counts, and the locked business day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pos::db {

// A 'shift_close' record (the lane's 交班), as filed in store.db's shift_closes.
struct StoreShiftClose {
    std::string shift_id;
    int64_t lane = 0;
    std::string operator_id;
    std::string opened_at;
    std::string closed_at;
    int64_t expected_cash_fen = 0;
    int64_t counted_cash_fen = 0;
    int64_t largest_variance_fen = 0;
    std::string approver;
    std::string reason;
    std::string report;  // the lane's JSON, verbatim
};

// A 'cash_movement' record: pay-in, pay-out, pickup or no-sale.
struct StoreCashMovement {
    std::string id;
    std::string shift_id;
    int64_t lane = 0;
    std::string kind;
    int64_t amount_fen = 0;
    std::string reason;
    std::string operator_id;
    std::string approver;
    std::string at;
};

// A shift as the store knows it, and whether its close has arrived.
struct StoreShiftState {
    std::string id;
    int64_t lane = 0;
    std::string operator_id;
    std::string opened_at;
    bool closed = false;
};

// What the day's totals need of one sale.
struct StoreSaleSummary {
    std::string id;
    std::string shift_id;
    int64_t lane = 0;
    int64_t total_fen = 0;
    int64_t rounding_fen = 0;
    int64_t change_fen = 0;
    std::vector<std::pair<std::string, int64_t>> tenders;  // method, amount
};

// A closed business day (日结). `totals` is locked JSON; late_* count sales that reached the
// store after the close.
struct BusinessDayRecord {
    std::string day;  // YYYY-MM-DD
    std::string opened_at;
    std::string closed_at;
    std::string closed_by;
    std::string forced_reason;
    std::string forced_over = "[]";  // JSON list of what still blocked when forced
    std::string totals;
    int64_t late_sales = 0;
    int64_t late_net_fen = 0;
};

struct LateSaleRecord {
    std::string sale_id;
    std::string day;
    int64_t total_fen = 0;
    std::string received_at;
};

}  // namespace pos::db
