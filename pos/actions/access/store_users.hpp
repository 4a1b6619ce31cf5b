// Operators at the store (store.db users): the source of truth in a multi-lane store. What is
// changed here reaches every lane at its next sync (db/shared/directory_sync.hpp). Each change is
// approved by an active store operator through core::permission_table() (user_admin) and recorded
// in the store's own audit chain (store_audit.hpp), never in the lane's whose posctl made it.
#pragma once

#include <string>
#include <vector>

#include "db/shared/records.hpp"
#include "db/store/store_db.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/access/users.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// The acting operator at the store: an active store operator with that PIN, holding `action`'s
// role and, where the table says so, not `requester`. Wrong PINs are not counted here (lockouts
// are each lane's); this runs where store.db is, behind its file permissions.
[[nodiscard]] core::Result<db::UserRecord> authorize_at_store(db::StoreDb& store, const Approval& by,
                                                              core::Action action, std::string_view what,
                                                              std::string_view requester);
// Nobody hands out a role above their own (a manager cannot make an admin).
[[nodiscard]] core::Status may_give_role_of(const db::UserRecord& acting, const std::string& role);
// True while the store has no operator at all: the first one is added without an approver.
[[nodiscard]] core::Result<bool> store_has_operators(db::StoreDb& store);

// Adds an operator at the store; refuses what add_user refuses, checked against store.db. `by`
// approves (user_admin) unless the store has no operator yet, and may not give a role above their own.
[[nodiscard]] core::Status add_store_user(db::StoreDb& store, OpenLane& lane, const NewUser& user, const Approval& by);
[[nodiscard]] core::Result<std::vector<db::UserRecord>> list_store_users(db::StoreDb& store);
// Disables or enables an operator at the store: every lane refuses (or accepts) them after its next sync.
[[nodiscard]] core::Status set_store_user_active(db::StoreDb& store, OpenLane& lane, const std::string& operator_id,
                                                 bool active, const Approval& by);
// A PIN changed on a lane reaches the store: the store's copy of an operator it keeps gets the
// new hash (bumping the users version, so every other lane follows). False when the store does
// not keep this operator.
[[nodiscard]] core::Result<bool> copy_pin_to_store(db::StoreDb& store, const std::string& operator_id,
                                                   const std::string& pin_hash, int64_t via_lane);
// A new PIN at the store, approved by a manager (or admin) who is an active operator at the
// store with that PIN, lifting the store's lockout of them (store_pin_change.hpp); each lane lifts its
// own when the new PIN arrives.
[[nodiscard]] core::Status reset_store_pin(db::StoreDb& store, OpenLane& lane, const Approval& manager,
                                           const std::string& operator_id, std::string_view new_pin);

}  // namespace pos::actions
