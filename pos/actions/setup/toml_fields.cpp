// pos.toml fields with errors that name file, line and key.
#include "pos/actions/setup/toml_fields.hpp"

#include <fmt/format.h>

namespace pos::actions {

core::Error config_error(std::string_view source, const toml::node& node, std::string_view key, std::string_view what) {
    return core::make_error(core::ErrorCode::bad_input,
                            fmt::format("{}:{}: {}: {}", source, node.source().begin.line, key, what));
}

core::Status check_keys(std::string_view source, const toml::table& table, std::string_view prefix,
                        const std::set<std::string_view>& allowed) {
    for (const auto& [key, value] : table) {
        if (!allowed.contains(key.str())) {
            return config_error(source, value, fmt::format("{}{}", prefix, key.str()), "unknown key");
        }
    }
    return core::Done{};
}

core::Status read_string(std::string_view source, const toml::table& table, std::string_view key,
                         std::string_view prefix, std::string& out) {
    const toml::node* node = table.get(key);
    if (!node) return core::Done{};
    auto text = node->value<std::string>();
    if (!text) return config_error(source, *node, fmt::format("{}{}", prefix, key), "must be a string");
    out = *text;
    return core::Done{};
}

core::Status read_integer(std::string_view source, const toml::table& table, std::string_view key,
                          std::string_view prefix, int64_t low, int64_t high, int64_t& out) {
    const toml::node* node = table.get(key);
    if (!node) return core::Done{};
    auto number = node->value<int64_t>();
    if (!node->is_integer() || !number || *number < low || *number > high) {
        return config_error(source, *node, fmt::format("{}{}", prefix, key),
                            fmt::format("must be a whole number from {} to {}", low, high));
    }
    out = *number;
    return core::Done{};
}

}  // namespace pos::actions
