// The pos-store wire format (service mode): a lane POSTs its outbox records as one JSON batch
// and gets back one acknowledgement per record. Payloads travel as the exact text the lane
// journaled, so the store parses what the lane wrote, byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/shared/catalog_sync.hpp"
#include "db/shared/db_error.hpp"
#include "db/shared/records.hpp"
#include "db/store/store_db.hpp"

namespace pos::sync {

inline constexpr std::string_view batch_path = "/v1/batches";
inline constexpr std::string_view health_path = "/v1/health";
// POST {"operator","old_pin","new_pin"}: an operator the store keeps changes their PIN (pos-store's
// pos/store/pin_route.hpp); 200 {"changed":"1001"}, or refused with one of these and the reason.
inline constexpr std::string_view pin_path = "/v1/pin";
// 400: malformed, a PIN too short, the same PIN twice. 403: a wrong old PIN, counted (the fifth
// locks). 404: no such active operator at the store. 423: locked at the store, nothing checked.
// 429: this lane asked too often, or a check of that operator runs now: try later.
inline constexpr int pin_refused_bad_request = 400;
inline constexpr int pin_refused_wrong = 403;
inline constexpr int pin_refused_unknown = 404;
inline constexpr int pin_refused_locked = 423;
inline constexpr int pin_refused_busy = 429;
inline constexpr std::string_view catalog_path = "/v1/catalog";  // ?store=ID&have=N: 204 when current
inline constexpr std::string_view sales_path =
    "/v1/sales";  // ?lane=N&receipt=N or ?id=UUID: a sale for a return (store_returns.hpp)

struct Batch {
    int64_t lane = 0;
    std::vector<db::OutboxRecord> records;
};

// {"lane":1,"records":[{"seq":..,"kind":"sale","ref":"..","payload":"..","created_at":".."}]}
[[nodiscard]] std::string encode_batch(const Batch& batch);
[[nodiscard]] db::DbResult<Batch> decode_batch(std::string_view body);

// {"acknowledged":[{"kind":"sale","ref":"..","new":true}]}; a record the store kept aside adds
// "aside" ("conflict", "fork", "quarantine") and "reason". A batch with a conflict or a fork is
// answered 409 with this body and an "error" beside it (docs/design.md "Sync").
[[nodiscard]] std::string encode_acknowledgements(const std::vector<db::Acknowledged>& acknowledged);
[[nodiscard]] db::DbResult<std::vector<db::Acknowledged>> decode_acknowledgements(std::string_view body);

// {"store_id":"9f…","version":3,"items":[{"sku":..,"gtins":[..],"name_zh":..,"price_fen":..,...}]}
[[nodiscard]] std::string encode_catalog(const db::CatalogSnapshot& catalog);
[[nodiscard]] db::DbResult<db::CatalogSnapshot> decode_catalog(std::string_view body);

// {"error":{"code":"busy","message":"..."}}: the store's DbError, for the lane's sync status.
[[nodiscard]] std::string encode_error(const db::DbError& error);
[[nodiscard]] db::DbError decode_error(std::string_view body, int http_status);

}  // namespace pos::sync
