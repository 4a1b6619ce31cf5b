// The permission table: every action against every role, the second-person rule, and names.
#include <doctest/doctest.h>

#include "pos/core/permissions.hpp"

using namespace pos::core;

namespace {

struct Row {
    Action action;
    Role minimum;
    bool second_person;
};

// The table as docs/roles.md states it: a change to either must change this test.
const Row expected[] = {
    {Action::sell, Role::cashier, false},
    {Action::void_line, Role::supervisor, true},
    {Action::price_override, Role::supervisor, true},
    {Action::keyed_weight, Role::supervisor, true},
    {Action::return_with_receipt, Role::supervisor, true},
    {Action::return_without_receipt, Role::manager, true},
    {Action::pay_in, Role::cashier, false},
    {Action::pay_out, Role::cashier, false},
    {Action::pay_out_over_limit, Role::supervisor, true},
    {Action::no_sale, Role::cashier, false},
    {Action::pickup, Role::supervisor, true},
    {Action::x_report, Role::cashier, false},
    {Action::x_report_expected_cash, Role::supervisor, false},
    {Action::shift_close, Role::cashier, false},
    {Action::shift_close_variance, Role::supervisor, true},
    {Action::shift_force_close, Role::manager, true},
    {Action::end_of_day, Role::supervisor, true},
    {Action::end_of_day_force, Role::supervisor, true},
    {Action::price_change_create, Role::supervisor, false},
    {Action::price_change_approve, Role::manager, true},
    {Action::user_admin, Role::manager, true},
    {Action::audit_view, Role::supervisor, false},
    {Action::daily_report, Role::manager, false},
    {Action::stock_document, Role::cashier, false},
    {Action::stock_approve, Role::manager, true},
    {Action::catalog_import, Role::manager, false},
    {Action::promotion, Role::manager, false},
    {Action::kept_aside_resolve, Role::manager, false},
};

const Role roles[] = {Role::cashier, Role::supervisor, Role::manager, Role::admin};

}  // namespace

TEST_CASE("permissions: every action against every role follows the table") {
    REQUIRE(permission_table().size() == std::size(expected));
    for (const Row& row : expected) {
        CAPTURE(action_name(row.action));
        CHECK(permission(row.action).action == row.action);
        CHECK(permission(row.action).minimum == row.minimum);
        CHECK(permission(row.action).second_person == row.second_person);
        for (Role role : roles) {
            CAPTURE(role_name(role));
            CHECK(permits(role, row.action) == (role >= row.minimum));
            CHECK(check_permitted("1001", role, row.action).ok() == (role >= row.minimum));
        }
    }
}

TEST_CASE("permissions: a refusal names the operator, their role, the action and who may") {
    auto refused = check_permitted("1001", Role::cashier, Action::pickup);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::not_permitted);
    CHECK(refused.error().message ==
          "operator 1001 is a cashier and may not do pickup: it needs a supervisor or above");
}

TEST_CASE("permissions: an approver may not approve their own request where a second person is needed") {
    auto own = may_approve("9100", "9100", Role::manager, Action::price_change_approve);
    REQUIRE_FALSE(own.ok());
    CHECK(own.error().message ==
          "price_change_approve needs a second person: operator 9100 cannot approve their own request, "
          "another manager must approve");
    CHECK(may_approve("9001", "9100", Role::manager, Action::price_change_approve).ok());
    // A supervisor creates price changes but cannot approve them.
    auto low = may_approve("9001", "9002", Role::supervisor, Action::price_change_approve);
    REQUIRE_FALSE(low.ok());
    CHECK(low.error().message ==
          "operator 9002 is a supervisor and cannot approve price_change_approve: "
          "a manager or above must approve");
    // Where no second person is needed, the same person may (a supervisor's own X report).
    CHECK(may_approve("9001", "9001", Role::supervisor, Action::x_report_expected_cash).ok());
    // Nobody logged in: nobody to compare with.
    CHECK(may_approve("", "9001", Role::supervisor, Action::void_line).ok());
}

TEST_CASE("permissions: role and action names read back") {
    for (Role role : roles) CHECK(parse_role(role_name(role)) == role);
    for (const Permission& row : permission_table()) CHECK(parse_action(row.name) == row.action);
    CHECK_FALSE(parse_role("Manager").has_value());
    CHECK_FALSE(parse_role("").has_value());
    CHECK_FALSE(parse_action("refund").has_value());
}
