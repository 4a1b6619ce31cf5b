// The `return` and `return_lookup` ops of action scripts (docs/action-scripts.md), kept next to
// session.cpp's op table: JSON fields in, a ReturnRequest to the Lane, the result line out.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "pos/actions/lane.hpp"

namespace pos::actions {

// {"op":"return_lookup","receipt":"0100000012"} -> the sale's lines with what is still returnable.
[[nodiscard]] nlohmann::json apply_return_lookup(Lane& lane, const nlohmann::json& action);

// {"op":"return","receipt":"0100000012","lines":[{"line":1,"qty":"1"},2],"refund":"cash",
//  "approver":"9001","pin":"999999"}; without "receipt": "lines":[{"code":"...","qty":"1"}] and a "reason".
[[nodiscard]] nlohmann::json apply_return(Lane& lane, const nlohmann::json& action, const std::string& now);

// The JSON shown for a returnable sale, shared by the op and `posctl` tests.
[[nodiscard]] nlohmann::json returnable_json(const ReturnableSale& sale);

}  // namespace pos::actions
