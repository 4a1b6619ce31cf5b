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

core::Status check_new_pin(std::string_view pin, std::string_view role, int approver_digits) {
    if (role == "cashier") {
        if (!digits_between(pin, 4, 8))
            return core::make_error(core::ErrorCode::bad_input, "the PIN must be 4 to 8 digits");
        return core::Done{};
    }
    // An approver's PIN guards voids, refunds and operators: 10,000 four-digit PINs fall to an
    // offline search of a copied hash in minutes (docs/security.md "What a PIN hash costs").
    if (!digits_between(pin, size_t(approver_digits), 8)) {
        return core::make_error(
            core::ErrorCode::bad_input,
            fmt::format("the PIN of a {} must be {} to 8 digits",
                        role.empty() ? std::string_view("supervisor, manager or admin") : role, approver_digits));
    }
    return core::Done{};
}

core::Status check_operator_number(std::string_view operator_id) {
    if (!digits_between(operator_id, 4, 8)) {
        return core::make_error(core::ErrorCode::bad_input, "the operator number must be 4 to 8 digits");
    }
    return core::Done{};
}

core::Status check_new_user(const NewUser& user, int approver_digits) {
    using core::ErrorCode;
    using core::make_error;
    if (auto number = check_operator_number(user.operator_id); !number) return number;
    if (user.name.empty() || user.name.size() > 80 ||
        std::any_of(user.name.begin(), user.name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        return make_error(ErrorCode::bad_input, "the name must be 1 to 80 characters without control characters");
    }
    if (user.role != "cashier" && user.role != "supervisor" && user.role != "manager" && user.role != "admin") {
        return make_error(ErrorCode::bad_input, "the role must be cashier, supervisor, manager or admin");
    }
    return check_new_pin(user.pin, user.role, approver_digits);
}

core::Status add_user(db::LaneDb& lane, const NewUser& user, int64_t lane_number, int approver_digits) {
    using core::ErrorCode;
    using core::make_error;
    if (auto valid = check_new_user(user, approver_digits); !valid) return valid;
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

core::Result<bool> lane_has_operators(db::LaneDb& lane) {
    auto users = db::all_lane_users(lane);
    if (!users) return storage_error(users.error());
    return !users->empty();
}

namespace {

core::Status may_give_role(const Operator& acting, const std::string& role) {
    auto given = core::parse_role(role);
    if (given && *given > acting.role) {
        return core::make_error(core::ErrorCode::not_permitted,
                                fmt::format("operator {} is a {} and cannot give the role {}: an {} must do it",
                                            acting.operator_id, core::role_name(acting.role), role, role));
    }
    return core::Done{};
}

core::Status set_active(db::LaneDb& lane, const std::string& operator_id, bool active, int64_t lane_number,
                        const std::string& actor);

}  // namespace

core::Status add_user(Lane& lane, db::LaneDb& db, const NewUser& user, const Approval& by) {
    if (auto valid = check_new_user(user, lane.config().approver_pin_digits); !valid) return valid;
    auto existing = db.find_user(user.operator_id);
    if (!existing) return storage_error(existing.error());
    if (*existing) {
        return core::make_error(core::ErrorCode::bad_input,
                                fmt::format("operator {} already exists: nothing was changed", user.operator_id));
    }
    auto staffed = lane_has_operators(db);
    if (!staffed) return staffed.error();
    std::string actor;
    if (*staffed) {
        auto acting = lane.authorize(by, core::Action::user_admin, fmt::format("adding operator {}", user.operator_id),
                                     user.operator_id);
        if (!acting) return acting.error();
        if (auto given = may_give_role(*acting, user.role); !given) return given;
        actor = acting->operator_id;
    }
    auto hash = hash_pin(user.pin);
    if (!hash) return hash.error();
    nlohmann::json detail = {{"name", user.name}, {"role", user.role}};
    if (actor.empty()) detail["first_operator"] = true;
    AuditEvent event{local_now(), lane.config().lane, "user_add", actor, actor, user.operator_id, std::move(detail)};
    if (auto saved = with_audit(db, event,
                                [&] {
                                    return db.save_user({user.operator_id, user.name, user.role, *hash, true});
                                });
        !saved) {
        return storage_error(saved.error());
    }
    return core::Done{};
}

core::Status set_user_active(Lane& lane, db::LaneDb& db, const std::string& operator_id, bool active,
                             const Approval& by) {
    auto acting =
        lane.authorize(by, core::Action::user_admin,
                       fmt::format("{} operator {}", active ? "enabling" : "disabling", operator_id), operator_id);
    if (!acting) return acting.error();
    return set_active(db, operator_id, active, lane.config().lane, acting->operator_id);
}

core::Status set_user_active(db::LaneDb& lane, const std::string& operator_id, bool active, int64_t lane_number) {
    return set_active(lane, operator_id, active, lane_number, {});
}

namespace {

core::Status set_active(db::LaneDb& lane, const std::string& operator_id, bool active, int64_t lane_number,
                        const std::string& actor) {
    AuditEvent event{local_now(),
                     lane_number,
                     active ? "user_enable" : "user_disable",
                     actor,
                     actor,
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

}  // namespace

}  // namespace pos::actions
