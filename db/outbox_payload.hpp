// Reading the outbox payloads the lane journals (JSON, money as decimal strings) back into
// records, for the store. db/ cannot use pos/core's Money, so the decimals are parsed here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/db_error.hpp"
#include "db/records.hpp"

namespace pos::db {

// "12.50" -> 1250 with decimals = 2; "0.35" -> 350 with decimals = 3; "-0.08" -> -8.
// nullopt for anything else (empty, letters, too many decimals, out of range).
[[nodiscard]] std::optional<int64_t> parse_decimal(std::string_view text, int decimals);

// A 'sale' payload (pos/actions sale_to_json). Errors are DbErrorCode::other naming the field.
[[nodiscard]] DbResult<SaleRecord> parse_sale_payload(const std::string& json_text);

// A 'shift' payload: shift_id, lane, operator, opened_at, float (and closed_at when present).
[[nodiscard]] DbResult<ShiftRecord> parse_shift_payload(const std::string& json_text);

}  // namespace pos::db
