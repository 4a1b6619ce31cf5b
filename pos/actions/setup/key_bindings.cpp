// The table of remappable checkout keys and their defaults.
#include "pos/actions/setup/key_bindings.hpp"

#include <array>
#include <cctype>

namespace pos::actions {
namespace {

constexpr std::array<KeyAction, 14> actions{{
    {"void_line", "sale", "Delete"},
    {"hold", "sale", "F6"},
    {"lookup", "sale", "F8"},
    {"member", "sale", "F2"},
    {"shift_menu", "sale", "F12"},
    {"pay_in_out", "sale", "F11"},
    {"no_sale", "sale", "F5"},
    {"reprint", "sale", "F4"},
    {"return", "sale", "F9"},
    {"lock", "sale", "Home"},
    {"card", "tender", "F3"},
    {"mobile", "tender", "F4"},
    {"account", "tender", "F5"},
    {"reprint", "change", "F4"},
}};

constexpr std::array<std::string_view, 16> keys{"F1", "F2",  "F3",  "F4",  "F5",     "F6",   "F7",     "F8",
                                                "F9", "F10", "F11", "F12", "Delete", "Home", "PageUp", "PageDown"};

bool same_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

}  // namespace

std::span<const KeyAction> key_actions() { return actions; }

std::span<const std::string_view> bindable_keys() { return keys; }

std::optional<std::string> bindable_key(std::string_view text) {
    for (std::string_view key : keys) {
        if (same_ignoring_case(key, text)) return std::string(key);
    }
    return std::nullopt;
}

std::map<std::string, std::string> default_key_bindings() {
    std::map<std::string, std::string> bindings;
    for (const KeyAction& action : actions) bindings.emplace(std::string(action.name), std::string(action.default_key));
    return bindings;
}

}  // namespace pos::actions
