// lane.db, shift side: drawer cash movements, a shift's totals, and the shift close (交班).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"

namespace pos::db {

struct CashMovementRecord {
    std::string id;  // UUID
    std::string shift_id;
    std::string kind;  // pay_in, pay_out, pickup, no_sale
    int64_t amount_fen = 0;
    std::string reason;
    std::string operator_id;
    std::string approver;
    std::string at;
};

// A shift's activity added up from the journal; pure arithmetic on it lives in pos/core/shift.
struct ShiftTotalsRecord {
    int64_t float_fen = 0;
    int64_t cash_tendered_fen = 0;
    int64_t change_fen = 0;
    int64_t cash_refund_fen = 0;  // cash paid back for returns (positive)
    int64_t pay_in_fen = 0;
    int64_t pay_out_fen = 0;
    int64_t pickup_fen = 0;
    std::map<std::string, int64_t> non_cash_fen;  // method -> amount
    int64_t sales = 0;
    int64_t returns = 0;
    int64_t refund_fen = 0;  // returns' totals, all tenders (positive)
    int64_t voided_lines = 0;
    int64_t no_sales = 0;
    int64_t rounding_fen = 0;
    int64_t net_sales_fen = 0;
};

struct ShiftCloseRecord {
    std::string shift_id;
    std::string closed_at;
    std::string operator_id;
    std::string approver;
    std::string reason;
    int64_t expected_cash_fen = 0;
    int64_t counted_cash_fen = 0;
    int64_t largest_variance_fen = 0;
    std::string report;  // JSON
};

// Inserts the movement and its outbox row in one transaction.
[[nodiscard]] DbStatus record_cash_movement(LaneDb& lane, const CashMovementRecord& movement,
                                            const std::string& payload);

[[nodiscard]] DbResult<ShiftTotalsRecord> shift_totals(LaneDb& lane, const ShiftRecord& shift);

// Closes the shift, stores the close and queues it, in one transaction. Refuses (not_found)
// a shift that is not open any more, so closing twice changes nothing.
[[nodiscard]] DbStatus close_shift(LaneDb& lane, const ShiftCloseRecord& close, const std::string& payload);

// The first blind count submitted for a shift is kept: returns the stored counts JSON, which is
// `counts` when this call stored it, or the earlier one when a count was already recorded.
[[nodiscard]] DbResult<std::string> record_close_count(LaneDb& lane, const std::string& shift_id,
                                                       const std::string& operator_id, const std::string& counts,
                                                       const std::string& at);

[[nodiscard]] DbResult<std::optional<ShiftRecord>> find_shift(LaneDb& lane, const std::string& shift_id);
// The most recent shift of the lane, open or closed.
[[nodiscard]] DbResult<std::optional<ShiftRecord>> latest_shift(LaneDb& lane, int64_t lane_number);
[[nodiscard]] DbResult<std::optional<ShiftCloseRecord>> find_shift_close(LaneDb& lane, const std::string& shift_id);

}  // namespace pos::db
