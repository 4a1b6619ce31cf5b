// Operators at the store (pos/actions/access/store_users.hpp).
#include "pos/actions/access/store_users.hpp"

#include <chrono>

#include <fmt/format.h>

#include "db/shared/directory_sync.hpp"
#include "db/store/store_pin_locks.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/access/store_audit.hpp"
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

// The store's change, in the store's own audit chain.
core::Status audit_store_change(db::StoreDb& store, OpenLane& lane, std::string kind, const std::string& actor,
                                const std::string& operator_id, nlohmann::json detail) {
    return record_store_audit(store, {local_now(), 0, std::move(kind), actor, actor, operator_id, std::move(detail)},
                              lane.config.lane);
}

// A change and its record in the store's chain commit together or not at all.
template <typename Write>
core::Status in_one_commit(db::StoreDb& store, Write&& write) {
    auto transaction = store.begin_transaction();
    if (!transaction) return storage_error(transaction.error());
    if (core::Status written = write(); !written) return written;
    if (auto committed = transaction->commit(); !committed) return storage_error(committed.error());
    return core::Done{};
}

// A manager may not make an admin: nobody hands out more than they hold.
core::Status may_give_role(const std::string& actor, core::Role actor_role, const std::string& role) {
    auto given = core::parse_role(role);
    if (given && *given > actor_role) {
        return make_error(ErrorCode::not_permitted,
                          fmt::format("operator {} is a {} and cannot give the role {}: an {} must do it", actor,
                                      core::role_name(actor_role), role, role));
    }
    return core::Done{};
}

}  // namespace

core::Result<bool> store_has_operators(db::StoreDb& store) {
    auto users = db::store_users(store);
    if (!users) return storage_error(users.error());
    return !users->empty();
}

core::Result<db::UserRecord> authorize_at_store(db::StoreDb& store, const Approval& by, core::Action action,
                                                std::string_view what, std::string_view requester) {
    if (by.approver.empty()) {
        return make_error(ErrorCode::approval_required, fmt::format("{} needs a {}: give their number and PIN", what,
                                                                    core::role_name(core::permission(action).minimum)));
    }
    auto approver = db::find_store_user(store, by.approver);
    if (!approver) return storage_error(approver.error());
    if (!*approver || !(*approver)->active || !verify_pin(by.pin, (*approver)->pin_hash)) {
        return make_error(ErrorCode::wrong_pin,
                          fmt::format("operator {} is not an active operator at the store or the PIN is wrong: "
                                      "nothing was changed",
                                      by.approver));
    }
    auto role = core::parse_role((*approver)->role);
    if (!role) return make_error(ErrorCode::not_permitted, fmt::format("operator {} has no known role", by.approver));
    if (auto allowed = core::may_approve(requester, by.approver, *role, action); !allowed) {
        return make_error(ErrorCode::not_permitted, fmt::format("{}: {}", what, allowed.error().message));
    }
    return **approver;
}

core::Status may_give_role_of(const db::UserRecord& acting, const std::string& role) {
    return may_give_role(acting.operator_id, core::parse_role(acting.role).value_or(core::Role::cashier), role);
}

core::Status add_store_user(db::StoreDb& store, OpenLane& lane, const NewUser& user, const Approval& by) {
    if (auto valid = check_new_user(user, lane.config.approver_pin_digits); !valid) return valid;
    auto existing = db::find_store_user(store, user.operator_id);
    if (!existing) return storage_error(existing.error());
    if (*existing) {
        return make_error(
            ErrorCode::bad_input,
            fmt::format("operator {} already exists at the store: nothing was changed", user.operator_id));
    }
    auto staffed = store_has_operators(store);
    if (!staffed) return staffed.error();
    std::string actor;
    if (*staffed) {
        auto acting = authorize_at_store(store, by, core::Action::user_admin,
                                         fmt::format("adding operator {}", user.operator_id), user.operator_id);
        if (!acting) return acting.error();
        if (auto given = may_give_role_of(*acting, user.role); !given) return given;
        actor = acting->operator_id;
    }
    auto hash = hash_pin(user.pin);
    if (!hash) return hash.error();
    nlohmann::json detail = {{"name", user.name}, {"role", user.role}};
    if (actor.empty()) detail["first_operator"] = true;
    return in_one_commit(store, [&]() -> core::Status {
        if (auto saved = db::save_store_user(store, {user.operator_id, user.name, user.role, *hash, true}); !saved) {
            return storage_error(saved.error());
        }
        return audit_store_change(store, lane, "user_add", actor, user.operator_id, std::move(detail));
    });
}

core::Result<std::vector<db::UserRecord>> list_store_users(db::StoreDb& store) {
    auto users = db::store_users(store);
    if (!users) return storage_error(users.error());
    return *users;
}

core::Status set_store_user_active(db::StoreDb& store, OpenLane& lane, const std::string& operator_id, bool active,
                                   const Approval& by) {
    auto user = existing_store_user(store, operator_id);
    if (!user) return user.error();
    auto acting =
        authorize_at_store(store, by, core::Action::user_admin,
                           fmt::format("{} operator {}", active ? "enabling" : "disabling", operator_id), operator_id);
    if (!acting) return acting.error();
    return in_one_commit(store, [&]() -> core::Status {
        if (user->active != active) {
            user->active = active;
            if (auto saved = db::save_store_user(store, *user); !saved) return storage_error(saved.error());
        }
        return audit_store_change(store, lane, active ? "user_enable" : "user_disable", acting->operator_id,
                                  operator_id, nlohmann::json::object());
    });
}

core::Status reset_store_pin(db::StoreDb& store, OpenLane& lane, const Approval& manager,
                             const std::string& operator_id, std::string_view new_pin) {
    auto target = existing_store_user(store, operator_id);
    if (!target) return target.error();
    if (auto valid = check_new_pin(new_pin, target->role, lane.config.approver_pin_digits); !valid) return valid;
    auto acting = authorize_at_store(store, manager, core::Action::user_admin,
                                     fmt::format("resetting the PIN of operator {}", operator_id), operator_id);
    if (!acting) return acting.error();
    auto hash = hash_pin(new_pin);
    if (!hash) return hash.error();
    target->pin_hash = *hash;
    // The new PIN, the store's lockout lifted (as its message promises) and the record: one commit.
    return in_one_commit(store, [&]() -> core::Status {
        if (auto saved = db::save_store_user(store, *target); !saved) return storage_error(saved.error());
        if (auto lifted = db::save_store_pin_lock(store, operator_id, {}); !lifted)
            return storage_error(lifted.error());
        return audit_store_change(store, lane, "pin_reset", manager.approver, operator_id, nlohmann::json::object());
    });
}

core::Result<bool> copy_pin_to_store(db::StoreDb& store, const std::string& operator_id, const std::string& pin_hash,
                                     int64_t via_lane) {
    auto found = db::find_store_user(store, operator_id);
    if (!found) return storage_error(found.error());
    if (!*found) return false;
    db::UserRecord user = **found;
    user.pin_hash = pin_hash;
    auto copied = in_one_commit(store, [&]() -> core::Status {
        if (auto saved = db::save_store_user(store, user); !saved) return storage_error(saved.error());
        return record_store_audit(
            store, {local_now(), 0, "pin_change", operator_id, {}, operator_id, nlohmann::json::object()}, via_lane);
    });
    if (!copied) return copied.error();
    return true;
}

}  // namespace pos::actions
