// Operators of the lane: adding one with a role and a hashed PIN.
#pragma once

#include <string>
#include <string_view>

#include "db/lane_db.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct NewUser {
    std::string operator_id;  // 4 to 8 digits, as keyed at the login screen
    std::string name;
    std::string role;         // cashier, supervisor, manager, admin
    std::string pin;          // 4 to 8 digits; stored only as an argon2id hash
};

// Refuses a malformed number, PIN, name or role, and an operator number already in use. The new
// operator is recorded in the audit log of lane `lane_number`.
[[nodiscard]] core::Status add_user(db::LaneDb& lane, const NewUser& user, int64_t lane_number);

// A PIN must be 4 to 8 digits.
[[nodiscard]] core::Status check_new_pin(std::string_view pin);

}  // namespace pos::actions
