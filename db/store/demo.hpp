// store.db, synthetic history: a generated business day written in one transaction with cached
// prepared statements (`posctl demo generate`, the report benchmark). Real lanes never use this.
#pragma once

#include <string>
#include <vector>

#include "db/shared/records.hpp"
#include "db/store/store_db.hpp"
#include "db/store/store_records.hpp"

namespace pos::db {

struct GeneratedLine {
    SaleLineRecord line;
    int64_t discount_fen = 0;
    std::string promotion;
    std::optional<int64_t> original_line_no;  // a return's line
};

struct GeneratedSale {
    SaleRecord sale;  // its lines are ignored: `lines` below carry the promotion columns too
    std::vector<GeneratedLine> lines;
    std::string kind = "sale";
    std::string original_sale_id;
    std::string reason;
    std::string approved_by;
};

struct GeneratedDay {
    std::vector<ShiftRecord> shifts;
    std::vector<GeneratedSale> sales;
    std::vector<StoreCashMovement> movements;
    std::vector<StoreShiftClose> closes;
    BusinessDayRecord business_day;  // written with business_day_shifts for every shift above
};

// Writes the day (shifts, sales with lines and tenders, drawer movements, shift closes, its end of
// day) in one BEGIN IMMEDIATE transaction; nothing is written if any row fails.
[[nodiscard]] DbStatus insert_generated_day(StoreDb& store, const GeneratedDay& day, const std::string& received_at);

}  // namespace pos::db
