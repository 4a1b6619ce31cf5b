// Who may do what at the till: the one permission table (docs/roles.md), and the rule that an
// approver is a second person. Pure: roles and actions in, a decision or an explained refusal out.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "pos/core/result.hpp"

namespace pos::core {

// Ordered: each role may do everything the roles before it may.
enum class Role { cashier, supervisor, manager, admin };

// Every sensitive action at the lane or in posctl. Add actions, never rename them: the names are
// the audit log's and docs/roles.md's vocabulary.
enum class Action {
    sell,  // log in, open a shift, scan, tender
    void_line,
    price_override,       // a new price for one line at the till
    keyed_weight,         // a weight typed by hand on a lane with a scale
    return_with_receipt,  // 红字 against the original sale
    return_without_receipt,
    pay_in,
    pay_out,  // up to the configured limit
    pay_out_over_limit,
    no_sale,  // opening the drawer without a sale
    pickup,   // 抽大钞
    x_report,
    x_report_expected_cash,  // seeing expected cash before counting: breaks the blind count
    shift_close,
    shift_close_variance,  // signing off a count off by more than the threshold
    shift_force_close,
    end_of_day,
    end_of_day_force,
    price_change_create,
    price_change_approve,
    user_admin,  // add operators, reset their PINs
    audit_view,
    daily_report,        // the manager report screen (经营日报) in pos
    stock_document,      // enter a delivery, count sheet or transfer (docs/stock.md)
    stock_approve,       // book a stock document into the ledger
    catalog_import,      // replace the catalog from a CSV (posctl catalog import)
    promotion,           // add or end a promotion (posctl promo add | end)
    kept_aside_resolve,  // mark a record the store kept aside as dealt with (posctl kept-aside resolve)
};

struct Permission {
    Action action;
    std::string_view name;  // as in docs/roles.md and the audit log
    Role minimum;           // the least role that may do it (or approve it)
    bool second_person;     // an approver must not be the person asking
};

// The table itself, one row per action, in enum order.
[[nodiscard]] const std::vector<Permission>& permission_table();
[[nodiscard]] const Permission& permission(Action action);

[[nodiscard]] std::string_view role_name(Role role);
[[nodiscard]] std::optional<Role> parse_role(std::string_view name);
[[nodiscard]] std::string_view action_name(Action action);
[[nodiscard]] std::optional<Action> parse_action(std::string_view name);

// true when `role` is at least the action's minimum role.
[[nodiscard]] bool permits(Role role, Action action);

// The role check with its message: not_permitted naming the operator, the action and who may.
[[nodiscard]] Status check_permitted(std::string_view operator_id, Role role, Action action);

// May `approver` (with `approver_role`) approve `action` asked for by `requester`? Refuses a role
// below the action's minimum, and the requester approving their own request where the table
// says a second person is needed. `requester` may be empty (nobody logged in).
[[nodiscard]] Status may_approve(std::string_view requester, std::string_view approver, Role approver_role,
                                 Action action);

}  // namespace pos::core
