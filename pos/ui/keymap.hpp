// The store's own checkout keys (pos.toml [keys], docs/keys.md) as the screens see them. A screen
// is written for the default keys; its table turns a pressed key into the default key of the
// action bound to it, drops a key whose action moved elsewhere, and names the bound key in the
// hint bar. A store that moved nothing gets no table at all.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pos/ui/input.hpp"

namespace pos::ui {

// The remapped keys of one screen ("sale", "tender" or "change", as in key_bindings.hpp).
class KeyTable {
public:
    // The pressed key as the screen's own key; nullopt for a key whose action moved to another.
    [[nodiscard]] std::optional<InputEvent> translate(InputEvent pressed) const;
    // The hint cap of the action behind `screen_key` when it moved ("F1"); null when it did not.
    [[nodiscard]] const char* cap(Key screen_key) const;

private:
    friend class KeyMap;
    std::vector<std::pair<Key, Key>> moved_;         // pressed key -> the screen's key
    std::vector<Key> vacated_;                       // default keys no action of this screen has now
    std::vector<std::pair<Key, std::string>> caps_;  // the screen's key -> the cap of the key pressed
};

class KeyMap {
public:
    KeyMap() = default;
    // `bindings`: action name -> key name for every action, as LaneConfig::keys (already checked).
    explicit KeyMap(const std::map<std::string, std::string>& bindings);
    // The table of `context`; null when nothing moved there (or no such context).
    [[nodiscard]] const KeyTable* table(std::string_view context) const;

private:
    std::map<std::string, KeyTable, std::less<>> tables_;
};

// How a key name from pos.toml is shown on a hint cap: "Delete" -> "Del", "PageUp" -> "PgUp".
[[nodiscard]] std::string key_cap(std::string_view key_name);

}  // namespace pos::ui
