// The permission table: one row per action, the least role, and whether a second person approves.
#include "pos/core/permissions.hpp"

#include <array>
#include <string>

namespace pos::core {
namespace {

constexpr std::array<std::string_view, 4> role_names = {"cashier", "supervisor", "manager", "admin"};

}  // namespace

const std::vector<Permission>& permission_table() {
    using enum Action;
    using enum Role;
    static const std::vector<Permission> table = {
        {sell, "sell", cashier, false},
        {void_line, "void", supervisor, true},
        {price_override, "override", supervisor, true},
        {keyed_weight, "keyed_weight", supervisor, true},
        {return_with_receipt, "return", supervisor, true},
        {return_without_receipt, "return_without_receipt", manager, true},
        {pay_in, "pay_in", cashier, false},
        {pay_out, "pay_out", cashier, false},
        {pay_out_over_limit, "pay_out_over_limit", supervisor, true},
        {no_sale, "no_sale", cashier, false},
        {pickup, "pickup", supervisor, true},
        {x_report, "x_report", cashier, false},
        {x_report_expected_cash, "x_report_expected_cash", supervisor, false},
        {shift_close, "shift_close", cashier, false},
        {shift_close_variance, "shift_close_variance", supervisor, true},
        {shift_force_close, "shift_force_close", manager, true},
        {end_of_day, "end_of_day", supervisor, true},
        {end_of_day_force, "end_of_day_force", supervisor, true},
        {price_change_create, "price_change_create", supervisor, false},
        {price_change_approve, "price_change_approve", manager, true},
        {user_admin, "user_admin", manager, true},
        {audit_view, "audit_view", supervisor, false},
        {daily_report, "daily_report", manager, false},
        {stock_document, "stock_document", cashier, false},
        {stock_approve, "stock_approve", manager, true},
        {catalog_import, "catalog_import", manager, false},
        {promotion, "promotion", manager, false},
        {kept_aside_resolve, "kept_aside_resolve", manager, false},
    };
    return table;
}

const Permission& permission(Action action) { return permission_table()[size_t(action)]; }

std::string_view role_name(Role role) { return role_names[size_t(role)]; }

std::optional<Role> parse_role(std::string_view name) {
    for (size_t i = 0; i < role_names.size(); ++i) {
        if (role_names[i] == name) return Role(i);
    }
    return std::nullopt;
}

std::string_view action_name(Action action) { return permission(action).name; }

std::optional<Action> parse_action(std::string_view name) {
    for (const Permission& row : permission_table()) {
        if (row.name == name) return row.action;
    }
    return std::nullopt;
}

bool permits(Role role, Action action) { return role >= permission(action).minimum; }

Status check_permitted(std::string_view operator_id, Role role, Action action) {
    if (permits(role, action)) return Done{};
    return make_error(ErrorCode::not_permitted, "operator " + std::string(operator_id) + " is a " +
                                                    std::string(role_name(role)) + " and may not do " +
                                                    std::string(action_name(action)) + ": it needs a " +
                                                    std::string(role_name(permission(action).minimum)) + " or above");
}

Status may_approve(std::string_view requester, std::string_view approver, Role approver_role, Action action) {
    const Permission& row = permission(action);
    if (!permits(approver_role, action)) {
        return make_error(ErrorCode::not_permitted, "operator " + std::string(approver) + " is a " +
                                                        std::string(role_name(approver_role)) + " and cannot approve " +
                                                        std::string(row.name) + ": a " +
                                                        std::string(role_name(row.minimum)) + " or above must approve");
    }
    if (row.second_person && !requester.empty() && requester == approver) {
        return make_error(ErrorCode::not_permitted, std::string(row.name) + " needs a second person: operator " +
                                                        std::string(approver) +
                                                        " cannot approve their own request, another " +
                                                        std::string(role_name(row.minimum)) + " must approve");
    }
    return Done{};
}

}  // namespace pos::core
