// The store's wrong-PIN counts (db/store/store_pin_locks.hpp).
#include "db/store/store_pin_locks.hpp"

#include "db/store/store_db.hpp"

namespace pos::db {

DbResult<StorePinLock> read_store_pin_lock(StoreDb& store, const std::string& operator_id) {
    auto query = store.connection().prepare("SELECT failed, locked_until FROM store_pin_locks WHERE operator = ?");
    if (!query) return query.error();
    Statement& row = (**query).bind(1, operator_id);
    auto found = row.step();
    if (!found) return found.error();
    StorePinLock lock;
    if (*found) {
        lock.failed = row.column_int(0);
        if (!row.column_is_null(1)) lock.locked_until = row.column_int(1);
    }
    row.reset();
    return lock;
}

DbStatus save_store_pin_lock(StoreDb& store, const std::string& operator_id, const StorePinLock& lock) {
    auto upsert = store.connection().prepare(
        "INSERT INTO store_pin_locks (operator, failed, locked_until) VALUES (?, ?, ?) "
        "ON CONFLICT (operator) DO UPDATE SET failed = excluded.failed, locked_until = excluded.locked_until");
    if (!upsert) return upsert.error();
    Statement& row = (**upsert).bind(1, operator_id).bind(2, lock.failed);
    if (lock.locked_until)
        row.bind(3, *lock.locked_until);
    else
        row.bind_null(3);
    return row.run();
}

}  // namespace pos::db
