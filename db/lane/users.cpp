// Operators' PIN state in lane.db (columns from lane migration 0007).
#include "db/lane/users.hpp"

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

DbResult<std::vector<LaneUserRecord>> all_lane_users(LaneDb& lane) {
    auto statement = lane.connection().prepare(
        "SELECT operator, name, role, pin_hash, active, failed_pins, locked_until, source FROM users ORDER BY "
        "operator");
    if (!statement) return statement.error();
    std::vector<LaneUserRecord> users;
    auto read = each_row(**statement, [&](const Statement& row) {
        LaneUserRecord user{
            {row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3), row.column_int(4) != 0},
            {row.column_int(5), std::nullopt},
            row.column_text(7) == "store"};
        if (std::string until = row.column_text(6); !until.empty()) user.lock.locked_until = std::stoll(until);
        users.push_back(std::move(user));
    });
    if (!read) return read.error();
    return users;
}

DbResult<bool> user_from_store(LaneDb& lane, const std::string& operator_id) {
    auto statement = lane.connection().prepare("SELECT source FROM users WHERE operator = ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, operator_id);
    auto row = query.step();
    if (!row) return row.error();
    bool from_store = *row && query.column_text(0) == "store";
    query.reset();
    return from_store;
}

DbResult<bool> set_user_active(LaneDb& lane, const std::string& operator_id, bool active) {
    auto statement = lane.connection().prepare("UPDATE users SET active = ? WHERE operator = ?");
    if (!statement) return statement.error();
    if (auto updated = (*statement)->bind(1, int64_t(active)).bind(2, operator_id).run(); !updated)
        return updated.error();
    return lane.connection().changes() > 0;
}

}  // namespace pos::db
