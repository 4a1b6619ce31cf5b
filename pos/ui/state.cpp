// Typed-field editing (which characters a field takes, starting over after a default), and the
// blind count's sums.
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
        case EntryKind::text: return ch >= U' ' && ch != 0x7F && !(ch >= 0x80 && ch < 0xA0) && ch <= 0x10FFFF;
    }
    return false;
}

}  // namespace

bool Entry::type(char32_t ch) {
    if (replace_on_type) {
        text.clear();
        replace_on_type = false;
    }
    if (!accepts(*this, ch)) return false;
    std::string longer = text;
    append_utf8(longer, ch);
    if (longer.size() > max_length) return false;
    text = std::move(longer);
    return true;
}

void Entry::backspace() {
    if (replace_on_type) {
        text.clear();
        replace_on_type = false;
        return;
    }
    // One character: a UTF-8 lead byte and its continuation bytes (text fields hold Chinese).
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    if (!text.empty()) text.pop_back();
}

void Entry::clear() {
    text.clear();
    replace_on_type = false;
}

std::vector<Entry> note_entries() {
    return std::vector<Entry>(core::cny_denominations().size(), Entry{EntryKind::digits, 5, {}, false});
}

Entry float_entry() { return Entry{EntryKind::decimal, 10, "200.00", true}; }

std::vector<int64_t> note_counts(const std::vector<Entry>& notes) {
    std::vector<int64_t> all;
    all.reserve(notes.size());
    for (const Entry& entry : notes) all.push_back(entry.empty() ? 0 : std::stoll(entry.text));  // digits only, ≤ 5
    return all;
}

core::Money notes_total(const std::vector<Entry>& notes) {
    const std::vector<core::Money>& denominations = core::cny_denominations();
    std::vector<int64_t> each = note_counts(notes);
    int64_t fen = 0;
    for (size_t i = 0; i < each.size() && i < denominations.size(); ++i) fen += each[i] * denominations[i].in_fen();
    return core::Money::fen(fen);
}

std::vector<Entry> CountForm::count_entries() { return note_entries(); }

Entry& CountForm::active() {
    if (field < notes.size()) return notes[field];
    return field == card_field() ? card : mobile;
}

std::vector<int64_t> CountForm::counts() const { return note_counts(notes); }

core::Money CountForm::cash_total() const { return notes_total(notes); }

}  // namespace pos::ui
