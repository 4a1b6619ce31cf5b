// Operators' PIN state in lane.db (columns from lane migration 0007).
#include "db/lane_users.hpp"

namespace pos::db {

DbResult<PinLockRecord> read_pin_lock(LaneDb& lane, const std::string& operator_id) {
    auto statement = lane.connection().prepare("SELECT failed_pins, locked_until FROM users WHERE operator = ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, operator_id);
    auto row = query.step();
    if (!row) return row.error();
    PinLockRecord lock;
    if (*row) {
        lock.failed_pins = query.column_int(0);
        std::string until = query.column_text(1);
        if (!until.empty()) lock.locked_until = std::stoll(until);
    }
    query.reset();
    return lock;
}

DbStatus write_pin_lock(LaneDb& lane, const std::string& operator_id, const PinLockRecord& lock) {
    auto statement = lane.connection().prepare("UPDATE users SET failed_pins = ?, locked_until = ? WHERE operator = ?");
    if (!statement) return statement.error();
    std::string until = lock.locked_until ? std::to_string(*lock.locked_until) : std::string{};
    return (*statement)->bind(1, lock.failed_pins).bind(2, until).bind(3, operator_id).run();
}

DbStatus set_pin_hash(LaneDb& lane, const std::string& operator_id, const std::string& pin_hash) {
    auto statement = lane.connection().prepare(
        "UPDATE users SET pin_hash = ?, failed_pins = 0, locked_until = '' WHERE operator = ?");
    if (!statement) return statement.error();
    return (*statement)->bind(1, pin_hash).bind(2, operator_id).run();
}

}  // namespace pos::db
