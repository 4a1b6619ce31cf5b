// Wrong PINs the store counted for an operator it keeps (store migration 0048), when a lane asked
// it to change that operator's PIN: the same rule as a lane's lockout, kept at the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db/shared/sqlite.hpp"

namespace pos::db {

class StoreDb;

struct StorePinLock {
    int64_t failed = 0;
    std::optional<int64_t> locked_until;  // seconds since 1970
};

// The operator's count, zero when none was kept.
[[nodiscard]] DbResult<StorePinLock> read_store_pin_lock(StoreDb& store, const std::string& operator_id);
[[nodiscard]] DbStatus save_store_pin_lock(StoreDb& store, const std::string& operator_id, const StorePinLock& lock);

}  // namespace pos::db
