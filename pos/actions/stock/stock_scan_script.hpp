// The `count_scan` and `receive_scan` ops of action scripts (docs/action-scripts.md), kept next to
// session.cpp's op table: JSON fields in, one stock scan at the lane (stock_scanning.hpp), the
// result line out.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "pos/actions/lane.hpp"

namespace pos::actions {

// {"op":"count_scan","count":2,"code":"6921168509256","qty":"3"}; a weighed item with "weight"
// (kg, the scale's reading) or "qty" (kg typed by hand).
[[nodiscard]] nlohmann::json apply_count_scan(Lane& lane, const nlohmann::json& action, const std::string& now);

// {"op":"receive_scan","receipt":1,"code":"...","qty":"2","damaged":true,"reason":"纸箱压坏"}
[[nodiscard]] nlohmann::json apply_receive_scan(Lane& lane, const nlohmann::json& action, const std::string& now);

}  // namespace pos::actions
