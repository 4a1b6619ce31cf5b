// The checkout's remappable keys: which action each key does on which screen, their defaults,
// and the [keys] section of pos.toml that moves them (docs/keys.md). Names only: pos/ui maps
// them to its key codes, config.cpp checks a store's [keys] against this table.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pos::actions {

// One action on one screen ("context"): sale (the sale screen and its dialogs), tender (paying),
// change (the sale paid: change and receipt number). An action on two screens has two rows with
// the same name and is bound once for both.
struct KeyAction {
    std::string_view name;         // the [keys] name: "void_line"
    std::string_view context;      // "sale", "tender" or "change"
    std::string_view default_key;  // "Delete", "F6"
};

// Every remappable action with its default key (the keys docs/cashier.md lists).
[[nodiscard]] std::span<const KeyAction> key_actions();

// The keys an action may be bound to, as written in pos.toml: F1 … F12, Delete, Home, PageUp,
// PageDown. Enter, Esc, Backspace, Tab and the arrows are not remappable: every screen uses them.
[[nodiscard]] std::span<const std::string_view> bindable_keys();

// `text` as a bindable key name, case ignored ("f6" -> "F6"); nullopt when it is not one.
[[nodiscard]] std::optional<std::string> bindable_key(std::string_view text);

// Action name -> key name for every action, all defaults.
[[nodiscard]] std::map<std::string, std::string> default_key_bindings();

}  // namespace pos::actions
