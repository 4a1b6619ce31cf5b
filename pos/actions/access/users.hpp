// Operators of the lane: adding one with a role and a hashed PIN, listing, disabling.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/lane/users.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct NewUser {
    std::string operator_id;  // 4 to 8 digits, as keyed at the login screen
    std::string name;
    std::string role;  // cashier, supervisor, manager, admin
    std::string pin;   // 4 to 8 digits; stored only as an argon2id hash
};

// A malformed number, PIN, name or role is refused (bad_input), naming which.
[[nodiscard]] core::Status check_new_user(const NewUser& user);

// Refuses a malformed number, PIN, name or role, and an operator number already in use. The new
// operator is recorded in the audit log of lane `lane_number`.
[[nodiscard]] core::Status add_user(db::LaneDb& lane, const NewUser& user, int64_t lane_number);

// Every operator of this lane with its lockout state.
[[nodiscard]] core::Result<std::vector<db::LaneUserRecord>> list_users(db::LaneDb& lane);
// Disables (active = false) or enables an operator on this lane, in its audit log
// (user_disable / user_enable). A disabled operator cannot log in or approve.
[[nodiscard]] core::Status set_user_active(db::LaneDb& lane, const std::string& operator_id, bool active,
                                           int64_t lane_number);

// A PIN must be 4 to 8 digits.
[[nodiscard]] core::Status check_new_pin(std::string_view pin);

}  // namespace pos::actions
