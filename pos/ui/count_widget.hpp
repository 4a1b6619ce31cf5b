// Notes and coins counted by denomination, each row with its worth, then the live total: the
// blind count at 交班 and the float counted at open shift draw the same rows.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "pos/core/money.hpp"
#include "pos/ui/widgets.hpp"

namespace pos::ui {

// One row per denomination (largest first) with the count typed in `notes`, the row `active`
// highlighted (none when past the end), then a rule and the total, filling the height left in the
// current panel. Returns the row tapped.
std::optional<size_t> denomination_rows(const Ui& ui, std::span<const core::Money> denominations,
                                        const std::vector<Entry>& notes, size_t active);

}  // namespace pos::ui
