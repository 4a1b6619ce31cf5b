// Keyboard input as the checkout screens see it: one ordered queue of keys and characters.
//
// ImGui 1.86 samples io.KeysDown once a frame, so a barcode scanner that types a whole code
// (under 10 ms a key) between two frames would lose keys. The platform adapter
// (pos/app/glfw_input.cpp) therefore records every key press and character in arrival order,
// and each screen takes events from the front until it changes screen; what is left stays for
// the next frame and the next screen.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/core/result.hpp"

namespace pos::ui {

// The named keys the checkout uses. Characters (digits, '*', '+', '.') arrive as text.
enum class Key : uint8_t {
    none,
    enter,
    escape,
    backspace,
    del,
    tab,
    up,
    down,
    page_up,
    page_down,
    f1,
    f2,
    f3,
    f4,
    f5,
    f6,
    f7,
    f8,
    f9,
    f10,
    f11,
    f12,
    home,  // lock: log out, the shift stays open
};

struct InputEvent {
    Key key = Key::none;  // a named key, or none for a character
    char32_t ch = 0;      // the character typed, when key is none
    bool mapped = false;  // already the screen's own key (a tapped hint): not remapped again

    [[nodiscard]] static InputEvent of_key(Key k) { return InputEvent{k, 0}; }
    [[nodiscard]] static InputEvent of_char(char32_t c) { return InputEvent{Key::none, c}; }
    [[nodiscard]] bool is(Key k) const { return key == k; }
    [[nodiscard]] bool is_char() const { return key == Key::none && ch != 0; }
};

class KeyTable;

class InputQueue {
public:
    // The remapped keys of the screen about to take events (pos.toml [keys]); null: none moved.
    // next() hands out each key as the action it is bound to on that screen.
    void use_keys(const KeyTable* keys) { keys_ = keys; }
    void push(InputEvent event) { events_.push_back(event); }
    void push_front(InputEvent event) { events_.push_front(event); }
    [[nodiscard]] std::optional<InputEvent> next();
    [[nodiscard]] bool empty() const { return events_.empty(); }
    void clear() { events_.clear(); }

private:
    std::deque<InputEvent> events_;
    const KeyTable* keys_ = nullptr;
};

// Parses a key script, the test and documentation hook behind `pos --input`:
// plain characters are typed, `{Name}` presses a key (Enter, Esc, Backspace, Delete, Tab,
// Up, Down, PageUp, PageDown, F1..F12, Home), `{{` types a brace.
// "1001{Enter}1234{Enter}" logs operator 1001 in.
[[nodiscard]] core::Result<std::vector<InputEvent>> parse_key_script(std::string_view script);

// The key with this script name ("Delete", "F6", "PageUp"); nullopt when there is none.
[[nodiscard]] std::optional<Key> key_named(std::string_view name);

// Appends `ch` to UTF-8 text.
void append_utf8(std::string& text, char32_t ch);
// Decodes the UTF-8 sequence at text[i] and moves i past it; a broken sequence gives U+FFFD.
[[nodiscard]] char32_t next_codepoint(std::string_view text, size_t& i);

}  // namespace pos::ui
