// Reading the outbox payloads the lane journals (JSON, money as decimal strings) back into
// records, for the store. db/ cannot use pos/core's Money, so the decimals are parsed here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/shared/db_error.hpp"
#include "db/shared/records.hpp"
#include "db/store/store_records.hpp"

namespace pos::db {

// "12.50" -> 1250 with decimals = 2; "0.35" -> 350 with decimals = 3; "-0.08" -> -8.
// nullopt for anything else (empty, letters, too many decimals, out of range).
[[nodiscard]] std::optional<int64_t> parse_decimal(std::string_view text, int decimals);

// A 'sale' payload (pos/actions sale_to_json). Errors are DbErrorCode::other naming the field.
[[nodiscard]] DbResult<SaleRecord> parse_sale_payload(const std::string& json_text);

// A 'shift' payload: shift_id, lane, operator, opened_at, float (and closed_at when present;
// float_counts when the float was counted by denomination).
[[nodiscard]] DbResult<ShiftRecord> parse_shift_payload(const std::string& json_text);

// A 'shift_close' payload (the lane's 交班): shift_id, lane, operator, opened_at, closed_at,
// tenders (the cash row gives expected and counted cash), largest_variance, approver, reason.
[[nodiscard]] DbResult<StoreShiftClose> parse_shift_close_payload(const std::string& json_text);

// A 'cash_movement' payload: id, shift_id, lane, kind, amount, reason, operator, approver, at.
[[nodiscard]] DbResult<StoreCashMovement> parse_cash_movement_payload(const std::string& json_text);

}  // namespace pos::db
