// Typed-field editing: which characters a field takes, and starting over after a default.
#include "pos/ui/state.hpp"

#include "pos/ui/input.hpp"

namespace pos::ui {
namespace {

bool accepts(const Entry& entry, char32_t ch) {
    bool digit = ch >= U'0' && ch <= U'9';
    switch (entry.kind) {
        case EntryKind::digits: return digit;
        case EntryKind::decimal: return digit || (ch == U'.' && entry.text.find('.') == std::string::npos);
        case EntryKind::code: return ch > U' ' && ch < 0x7F;
    }
    return false;
}

}  // namespace

bool Entry::type(char32_t ch) {
    if (replace_on_type) {
        text.clear();
        replace_on_type = false;
    }
    if (!accepts(*this, ch) || text.size() >= max_length) return false;
    append_utf8(text, ch);
    return true;
}

void Entry::backspace() {
    if (replace_on_type) {
        text.clear();
        replace_on_type = false;
        return;
    }
    if (!text.empty()) text.pop_back();  // fields hold ASCII only
}

void Entry::clear() {
    text.clear();
    replace_on_type = false;
}

}  // namespace pos::ui
