// Operators of the lane: adding one with a role and a hashed PIN, listing, disabling.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/lane/users.hpp"
#include "pos/actions/lane.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct NewUser {
    std::string operator_id;  // 4 to 8 digits, as keyed at the login screen
    std::string name;
    std::string role;  // cashier, supervisor, manager, admin
    std::string pin;   // 4 to 8 digits for a cashier, [security] approver_pin_digits to 8 for the others;
                       // stored only as an argon2id hash
};

// An operator number is 4 to 8 digits.
[[nodiscard]] core::Status check_operator_number(std::string_view operator_id);
// A malformed number, PIN, name or role is refused (bad_input), naming which. Approvers'
// (supervisor, manager, admin) PINs need at least `approver_digits` digits.
[[nodiscard]] core::Status check_new_user(const NewUser& user, int approver_digits = 6);

// Refuses a malformed number, PIN, name or role, and an operator number already in use. The new
// operator is recorded in the audit log of lane `lane_number`.
[[nodiscard]] core::Status add_user(db::LaneDb& lane, const NewUser& user, int64_t lane_number,
                                    int approver_digits = 6);

// The same as posctl runs them: `by` (number and PIN) is checked through Lane::authorize against
// core::permission_table() (user_admin: a manager, not the operator concerned), wrong PINs count
// toward their lockout, and a manager cannot make an admin. A lane with no operator at all takes
// its first one without an approver ("first_operator" in the audit record).
[[nodiscard]] core::Status add_user(Lane& lane, db::LaneDb& db, const NewUser& user, const Approval& by);
[[nodiscard]] core::Status set_user_active(Lane& lane, db::LaneDb& db, const std::string& operator_id, bool active,
                                           const Approval& by);
[[nodiscard]] core::Result<bool> lane_has_operators(db::LaneDb& lane);

// Every operator of this lane with its lockout state.
[[nodiscard]] core::Result<std::vector<db::LaneUserRecord>> list_users(db::LaneDb& lane);
// Disables (active = false) or enables an operator on this lane, in its audit log
// (user_disable / user_enable). A disabled operator cannot log in or approve.
[[nodiscard]] core::Status set_user_active(db::LaneDb& lane, const std::string& operator_id, bool active,
                                           int64_t lane_number);

// A cashier's PIN is 4 to 8 digits; a supervisor's, manager's or admin's `approver_digits` to 8
// (docs/security.md "PINs and lockout"). `role` empty: checked as an approver's.
[[nodiscard]] core::Status check_new_pin(std::string_view pin, std::string_view role, int approver_digits = 6);

}  // namespace pos::actions
