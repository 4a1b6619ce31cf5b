// Operators at the store (pos/actions/access/store_users.hpp).
#include "pos/actions/access/store_users.hpp"

#include <fmt/format.h>

#include "db/shared/directory_sync.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/core/permissions.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;

namespace {

core::Result<db::UserRecord> existing_store_user(db::StoreDb& store, const std::string& operator_id) {
    auto found = db::find_store_user(store, operator_id);
    if (!found) return storage_error(found.error());
    if (!*found) {
        return make_error(ErrorCode::unknown_operator,
                          fmt::format("there is no operator number {} at the store: nothing was changed "
                                      "(posctl user list --store shows them)",
                                      operator_id));
    }
    return **found;
}

// The store's change, in the audit log of the lane that made it.
core::Status audit_store_change(OpenLane& lane, std::string kind, const std::string& approver,
                                const std::string& operator_id, nlohmann::json detail) {
    detail["at_store"] = true;
    return record_audit(
        *lane.db, {local_now(), lane.config.lane, std::move(kind), approver, approver, operator_id, std::move(detail)});
}

}  // namespace

core::Status add_store_user(db::StoreDb& store, OpenLane& lane, const NewUser& user) {
    if (auto valid = check_new_user(user); !valid) return valid;
    auto existing = db::find_store_user(store, user.operator_id);
    if (!existing) return storage_error(existing.error());
    if (*existing) {
        return make_error(
            ErrorCode::bad_input,
            fmt::format("operator {} already exists at the store: nothing was changed", user.operator_id));
    }
    auto hash = hash_pin(user.pin);
    if (!hash) return hash.error();
    if (auto saved = db::save_store_user(store, {user.operator_id, user.name, user.role, *hash, true}); !saved) {
        return storage_error(saved.error());
    }
    return audit_store_change(lane, "user_add", {}, user.operator_id, {{"name", user.name}, {"role", user.role}});
}

core::Result<std::vector<db::UserRecord>> list_store_users(db::StoreDb& store) {
    auto users = db::store_users(store);
    if (!users) return storage_error(users.error());
    return *users;
}

core::Status set_store_user_active(db::StoreDb& store, OpenLane& lane, const std::string& operator_id, bool active) {
    auto user = existing_store_user(store, operator_id);
    if (!user) return user.error();
    if (user->active != active) {
        user->active = active;
        if (auto saved = db::save_store_user(store, *user); !saved) return storage_error(saved.error());
    }
    return audit_store_change(lane, active ? "user_enable" : "user_disable", {}, operator_id, nlohmann::json::object());
}

core::Status reset_store_pin(db::StoreDb& store, OpenLane& lane, const Approval& manager,
                             const std::string& operator_id, std::string_view new_pin) {
    if (auto valid = check_new_pin(new_pin); !valid) return valid;
    auto target = existing_store_user(store, operator_id);
    if (!target) return target.error();
    auto approver = db::find_store_user(store, manager.approver);
    if (!approver) return storage_error(approver.error());
    // Wrong PINs here are not counted: lockouts are each lane's (docs/security.md); this runs
    // where store.db is, with its file permissions.
    if (!*approver || !(*approver)->active || !verify_pin(manager.pin, (*approver)->pin_hash)) {
        return make_error(ErrorCode::wrong_pin,
                          fmt::format("operator {} is not an active operator at the store or the PIN is wrong: "
                                      "nothing was reset",
                                      manager.approver));
    }
    auto role = core::parse_role((*approver)->role);
    if (!role)
        return make_error(ErrorCode::not_permitted, fmt::format("operator {} has no known role", manager.approver));
    if (auto allowed = core::may_approve(operator_id, manager.approver, *role, core::Action::user_admin); !allowed) {
        return make_error(ErrorCode::not_permitted, fmt::format("resetting a PIN: {}", allowed.error().message));
    }
    auto hash = hash_pin(new_pin);
    if (!hash) return hash.error();
    target->pin_hash = *hash;
    if (auto saved = db::save_store_user(store, *target); !saved) return storage_error(saved.error());
    return audit_store_change(lane, "pin_reset", manager.approver, operator_id, nlohmann::json::object());
}

}  // namespace pos::actions
