// Per-screen tables of remapped keys, built from the bindings pos.toml's [keys] gave.
#include "pos/ui/keymap.hpp"

#include <algorithm>

#include "pos/actions/setup/key_bindings.hpp"

namespace pos::ui {

std::optional<InputEvent> KeyTable::translate(InputEvent pressed) const {
    if (pressed.mapped || pressed.is_char()) return pressed;
    for (const auto& [from, to] : moved_) {
        if (pressed.key == from) {
            InputEvent event = InputEvent::of_key(to);
            event.mapped = true;
            return event;
        }
    }
    if (std::find(vacated_.begin(), vacated_.end(), pressed.key) != vacated_.end()) return std::nullopt;
    return pressed;
}

const char* KeyTable::cap(Key screen_key) const {
    for (const auto& [key, text] : caps_) {
        if (key == screen_key) return text.c_str();
    }
    return nullptr;
}

KeyMap::KeyMap(const std::map<std::string, std::string>& bindings) {
    for (const actions::KeyAction& action : actions::key_actions()) {
        auto bound = bindings.find(std::string(action.name));
        if (bound == bindings.end() || bound->second == action.default_key) continue;
        auto screen_key = key_named(action.default_key);
        auto pressed = key_named(bound->second);
        if (!screen_key || !pressed) continue;  // key_bindings_test checks every name resolves
        KeyTable& table = tables_[std::string(action.context)];
        table.moved_.emplace_back(*pressed, *screen_key);
        table.caps_.emplace_back(*screen_key, key_cap(bound->second));
        table.vacated_.push_back(*screen_key);  // unless another action moved onto it: translate looks there first
    }
}

const KeyTable* KeyMap::table(std::string_view context) const {
    auto found = tables_.find(context);
    return found == tables_.end() ? nullptr : &found->second;
}

std::string key_cap(std::string_view key_name) {
    if (key_name == "Delete") return "Del";
    if (key_name == "PageUp") return "PgUp";
    if (key_name == "PageDown") return "PgDn";
    return std::string(key_name);
}

}  // namespace pos::ui
