// Tab and ↑↓ between a form's typed fields: the next (or previous) one in the order the screen
// shows them, wrapping around; from a field not in the list, the first one.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <span>

namespace pos::ui {

template <typename Field>
[[nodiscard]] Field cycle_field(Field current, std::span<const Field> order, int step = +1) {
    auto at = std::find(order.begin(), order.end(), current);
    if (at == order.end()) return order.front();
    int count = static_cast<int>(order.size());
    int index = static_cast<int>(at - order.begin());
    return order[static_cast<size_t>(((index + step) % count + count) % count)];
}

template <typename Field>
[[nodiscard]] Field cycle_field(Field current, std::initializer_list<Field> order, int step = +1) {
    return cycle_field(current, std::span<const Field>(order.begin(), order.size()), step);
}

}  // namespace pos::ui
