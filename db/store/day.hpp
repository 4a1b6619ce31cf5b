// store.db, end-of-day side (日结): what the business day needs to know (shifts and whether
// they closed, closed days), what its totals are made of, and locking a day once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/store/store_db.hpp"
#include "db/store/store_records.hpp"

namespace pos::db {

// Every shift the store has, oldest first, with whether its close arrived.
[[nodiscard]] DbResult<std::vector<StoreShiftState>> store_shifts(StoreDb& store);

// Closed business days, oldest close first.
[[nodiscard]] DbResult<std::vector<BusinessDayRecord>> closed_business_days(StoreDb& store);
[[nodiscard]] DbResult<std::optional<BusinessDayRecord>> find_business_day(StoreDb& store, const std::string& day);

// The sales, drawer movements and closes of these shifts (what a day's totals are made of).
[[nodiscard]] DbResult<std::vector<StoreSaleSummary>> sales_of_shifts(StoreDb& store,
                                                                      const std::vector<std::string>& shift_ids);
[[nodiscard]] DbResult<std::vector<StoreCashMovement>> cash_movements_of_shifts(
    StoreDb& store, const std::vector<std::string>& shift_ids);
[[nodiscard]] DbResult<std::vector<StoreShiftClose>> shift_closes_of_shifts(StoreDb& store,
                                                                            const std::vector<std::string>& shift_ids);

[[nodiscard]] DbResult<std::vector<LateSaleRecord>> late_sales_of_day(StoreDb& store, const std::string& day);

// Locks the day in one BEGIN IMMEDIATE transaction: its row with the totals, and the shifts it
// counted. Refuses (constraint) a day already closed, and (busy) when the shifts now have a
// different number of sales than the totals counted (a sale arrived meanwhile: compute again).
[[nodiscard]] DbStatus lock_business_day(StoreDb& store, const BusinessDayRecord& day,
                                         const std::vector<std::string>& shift_ids, int64_t sales_counted);

}  // namespace pos::db
