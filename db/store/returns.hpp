// A sale brought up for a return at any lane (docs/returns.md): store.db finds it by receipt or
// id with every return the lanes have synced against it, for the lane (direct mode) or for
// pos-store to answer GET /v1/sales (service mode, JSON below).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/lane/returns.hpp"
#include "db/shared/records.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

class StoreDb;

// By sale id, or by the lane and receipt number printed on the receipt.
struct SaleQuery {
    std::optional<std::string> sale_id;
    int64_t lane = 0;
    int64_t receipt_no = 0;
};

struct SaleForReturn {
    SaleRecord sale;
    std::vector<ReturnTaken> returns;  // every return of it the store has, from all lanes
};

// DbErrorCode::not_found when the store has no such sale (not sent yet, or never sold), with a
// message naming the receipt; two sales with one receipt number (lanes sharing a number) are refused too.
[[nodiscard]] DbResult<SaleForReturn> find_sale_for_return(Connection& store, const SaleQuery& query);
[[nodiscard]] DbResult<SaleForReturn> find_sale_for_return(StoreDb& store, const SaleQuery& query);

// {"sale":{"id":..,"lane":1,"receipt_no":12,...,"lines":[..],"tenders":[..]},
//  "returns":[{"id":..,"lane":2,"lines":[{"line":1,"qty_milli":1000,"refunded_fen":200}],"tenders":{"cash":200}}]}
// Amounts in fen and thousandths, as in store.db.
[[nodiscard]] std::string encode_sale_for_return(const SaleForReturn& found);
[[nodiscard]] DbResult<SaleForReturn> decode_sale_for_return(std::string_view body);

// "?lane=1&receipt=12" or "?id=UUID" for GET /v1/sales, and back (the lane and id checked).
[[nodiscard]] std::string sale_query_string(const SaleQuery& query);
[[nodiscard]] DbResult<SaleQuery> sale_query_of(std::string_view id, std::string_view lane, std::string_view receipt);

}  // namespace pos::db
