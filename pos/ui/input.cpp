// The ordered input queue and the key-script parser used by `pos --input`.
#include "pos/ui/input.hpp"

#include "pos/ui/keymap.hpp"

#include <array>
#include <utility>

namespace pos::ui {

std::optional<InputEvent> InputQueue::next() {
    while (!events_.empty()) {
        InputEvent event = events_.front();
        events_.pop_front();
        if (!keys_) return event;
        if (auto mapped = keys_->translate(event)) return mapped;  // else a key moved away: nothing
    }
    return std::nullopt;
}

namespace {

constexpr std::array<std::pair<std::string_view, Key>, 22> key_names{{
    {"Enter", Key::enter}, {"Esc", Key::escape},     {"Backspace", Key::backspace},
    {"Delete", Key::del},  {"Tab", Key::tab},        {"Up", Key::up},
    {"Down", Key::down},   {"PageUp", Key::page_up}, {"PageDown", Key::page_down},
    {"F1", Key::f1},       {"F2", Key::f2},          {"F3", Key::f3},
    {"F4", Key::f4},       {"F5", Key::f5},          {"F6", Key::f6},
    {"F7", Key::f7},       {"F8", Key::f8},          {"F9", Key::f9},
    {"F10", Key::f10},     {"F11", Key::f11},        {"F12", Key::f12},
    {"Home", Key::home},
}};

}  // namespace

std::optional<Key> key_named(std::string_view name) {
    for (const auto& [known, value] : key_names) {
        if (known == name) return value;
    }
    return std::nullopt;
}

char32_t next_codepoint(std::string_view text, size_t& i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return U'\uFFFD';
    }
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
    i += length;
    return code;
}

core::Result<std::vector<InputEvent>> parse_key_script(std::string_view script) {
    std::vector<InputEvent> events;
    size_t i = 0;
    while (i < script.size()) {
        if (script[i] == '{') {
            if (i + 1 < script.size() && script[i + 1] == '{') {
                events.push_back(InputEvent::of_char(U'{'));
                i += 2;
                continue;
            }
            size_t close = script.find('}', i);
            if (close == std::string_view::npos) {
                return core::make_error(core::ErrorCode::bad_input, "key script: '{' without a closing '}'");
            }
            std::string_view name = script.substr(i + 1, close - i - 1);
            Key key = key_named(name).value_or(Key::none);
            if (key == Key::none) {
                return core::make_error(core::ErrorCode::bad_input, "key script: unknown key {" + std::string(name) +
                                                                        "}, e.g. {Enter}, {Esc}, {F12}");
            }
            events.push_back(InputEvent::of_key(key));
            i = close + 1;
            continue;
        }
        events.push_back(InputEvent::of_char(next_codepoint(script, i)));
    }
    return events;
}

void append_utf8(std::string& text, char32_t ch) {
    auto put = [&](uint32_t value) { text.push_back(static_cast<char>(value)); };
    uint32_t c = ch;
    if (c < 0x80) {
        put(c);
    } else if (c < 0x800) {
        put(0xC0 | (c >> 6));
        put(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        put(0xE0 | (c >> 12));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
    } else {
        put(0xF0 | (c >> 18));
        put(0x80 | ((c >> 12) & 0x3F));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
    }
}

}  // namespace pos::ui
