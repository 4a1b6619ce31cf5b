// Operators at the store (store.db users): the source of truth in a multi-lane store. What is
// changed here reaches every lane at its next sync (db/shared/directory_sync.hpp); each change is also
// written to the audit log of the lane whose posctl made it.
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

// Adds an operator at the store; refuses what add_user refuses, checked against store.db.
[[nodiscard]] core::Status add_store_user(db::StoreDb& store, OpenLane& lane, const NewUser& user);
[[nodiscard]] core::Result<std::vector<db::UserRecord>> list_store_users(db::StoreDb& store);
// Disables or enables an operator at the store: every lane refuses (or accepts) them after its next sync.
[[nodiscard]] core::Status set_store_user_active(db::StoreDb& store, OpenLane& lane, const std::string& operator_id,
                                                 bool active);
// A new PIN at the store, approved by a manager (or admin) who is an active operator at the
// store with that PIN. Each lane lifts its own lockout of the operator when the new PIN arrives.
[[nodiscard]] core::Status reset_store_pin(db::StoreDb& store, OpenLane& lane, const Approval& manager,
                                           const std::string& operator_id, std::string_view new_pin);

}  // namespace pos::actions
