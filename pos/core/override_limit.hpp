// How far a price override at the till may move a price, by the approver's role
// (pos.toml [approvals] override_<role>_percent). Pure.
#pragma once

#include <string_view>

#include "pos/core/money.hpp"
#include "pos/core/result.hpp"

namespace pos::core {

// Refuses `price` when it differs from `catalog_price` by more than `limit_percent` of it (up or
// down), naming the change, the role's limit and who may allow more. 100 or more: no limit.
[[nodiscard]] Status check_override_limit(Money catalog_price, Money price, int limit_percent, std::string_view role);

}  // namespace pos::core
