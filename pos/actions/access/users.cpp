// Adding operators: validation, then the PIN hashed before anything is stored.
#include "pos/actions/access/users.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pos/actions/access/audit.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/actions/scripts/session.hpp"

namespace pos::actions {
namespace {

bool digits_between(std::string_view text, size_t shortest, size_t longest) {
    return text.size() >= shortest && text.size() <= longest &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

core::Status check_new_pin(std::string_view pin) {
    if (!digits_between(pin, 4, 8))
        return core::make_error(core::ErrorCode::bad_input, "the PIN must be 4 to 8 digits");
    return core::Done{};
}

core::Status check_new_user(const NewUser& user) {
    using core::ErrorCode;
    using core::make_error;
    if (!digits_between(user.operator_id, 4, 8)) {
        return make_error(ErrorCode::bad_input, "the operator number must be 4 to 8 digits");
    }
    if (!digits_between(user.pin, 4, 8)) return make_error(ErrorCode::bad_input, "the PIN must be 4 to 8 digits");
    if (user.name.empty() || user.name.size() > 80 ||
        std::any_of(user.name.begin(), user.name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        return make_error(ErrorCode::bad_input, "the name must be 1 to 80 characters without control characters");
    }
    if (user.role != "cashier" && user.role != "supervisor" && user.role != "manager" && user.role != "admin") {
        return make_error(ErrorCode::bad_input, "the role must be cashier, supervisor, manager or admin");
    }
    return core::Done{};
}

core::Status add_user(db::LaneDb& lane, const NewUser& user, int64_t lane_number) {
    using core::ErrorCode;
    using core::make_error;
    if (auto valid = check_new_user(user); !valid) return valid;
    auto existing = lane.find_user(user.operator_id);
    if (!existing) return storage_error(existing.error());
    if (*existing) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("operator {} already exists: nothing was changed", user.operator_id));
    }
    auto hash = hash_pin(user.pin);
    if (!hash) return hash.error();
    AuditEvent event{
        local_now(), lane_number, "user_add", {}, {}, user.operator_id, {{"name", user.name}, {"role", user.role}}};
    if (auto saved = with_audit(lane, event,
                                [&] {
                                    return lane.save_user({user.operator_id, user.name, user.role, *hash, true});
                                });
        !saved) {
        return storage_error(saved.error());
    }
    return core::Done{};
}

core::Result<std::vector<db::LaneUserRecord>> list_users(db::LaneDb& lane) {
    auto users = db::all_lane_users(lane);
    if (!users) return storage_error(users.error());
    return *users;
}

core::Status set_user_active(db::LaneDb& lane, const std::string& operator_id, bool active, int64_t lane_number) {
    AuditEvent event{local_now(),
                     lane_number,
                     active ? "user_enable" : "user_disable",
                     {},
                     {},
                     operator_id,
                     nlohmann::json::object()};
    auto changed = with_audit(lane, event, [&]() -> db::DbResult<bool> {
        auto updated = db::set_user_active(lane, operator_id, active);
        if (!updated) return updated.error();
        // Nothing to record for an unknown operator: rolled back with the audit record.
        if (!*updated) return db::DbError{db::DbErrorCode::not_found, ""};
        return true;
    });
    if (!changed && changed.error().code == db::DbErrorCode::not_found) {
        return core::make_error(
            core::ErrorCode::unknown_operator,
            fmt::format("there is no operator number {} on this lane: nothing was changed", operator_id));
    }
    if (!changed) return storage_error(changed.error());
    return core::Done{};
}

}  // namespace pos::actions
