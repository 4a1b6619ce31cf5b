// Boot-keyboard report decoder: see hid_keyboard.hpp. Usage numbers are from the USB HID
// Usage Tables, section 10 (Keyboard/Keypad page 0x07).
#include "drivers/scanner/hid_keyboard.hpp"

#include <algorithm>

namespace pos::drivers::scanner {
namespace {

constexpr uint8_t usage_rollover_error = 0x01;  // 0x01-0x03: "ErrorRollOver", "POSTFail", "ErrorUndefined"
constexpr uint8_t usage_undefined_error = 0x03;
constexpr uint8_t usage_enter = 0x28;
constexpr uint8_t usage_keypad_enter = 0x58;
constexpr uint8_t usage_keypad_1 = 0x59;
constexpr uint8_t usage_keypad_0 = 0x62;
constexpr uint8_t usage_left_control = 0xE0;  // 0xE0-0xE7 are the modifiers, also sent as keys by some devices
constexpr uint8_t usage_right_gui = 0xE7;
constexpr uint8_t usage_right_bracket = 0x30;

constexpr uint8_t mod_ctrl = 0x01 | 0x10;
constexpr uint8_t mod_shift = 0x02 | 0x20;
constexpr uint8_t mod_alt = 0x04 | 0x40;

constexpr char group_separator = 0x1D;  // GS: the GS1 field separator, Ctrl+] on a keyboard

std::string hex(unsigned value) {
    constexpr char digits[] = "0123456789abcdef";
    std::string text = "0x";
    text += digits[(value >> 4) & 0xF];
    text += digits[value & 0xF];
    return text;
}

void note(Decoded& out, ReportProblem problem, std::string detail) {
    if (out.problem != ReportProblem::none) return;  // the first problem is the one reported
    out.problem = problem;
    out.detail = std::move(detail);
}

// Keypad digit of a usage (KP1..KP9 = 0x59..0x61, KP0 = 0x62), or -1.
int keypad_digit(uint8_t usage) {
    if (usage >= usage_keypad_1 && usage < usage_keypad_0) return usage - usage_keypad_1 + 1;
    if (usage == usage_keypad_0) return 0;
    return -1;
}

}  // namespace

std::optional<char> key_character(uint8_t usage, bool shift) {
    if (usage >= 0x04 && usage <= 0x1D) {  // a-z
        char letter = static_cast<char>('a' + (usage - 0x04));
        return shift ? static_cast<char>(letter - 'a' + 'A') : letter;
    }
    if (usage >= 0x1E && usage <= 0x27) {  // 1-9, 0
        static constexpr char plain[] = "1234567890";
        static constexpr char shifted[] = "!@#$%^&*()";
        return (shift ? shifted : plain)[usage - 0x1E];
    }
    if (usage >= 0x2C && usage <= 0x38 &&
        usage != 0x32) {  // space and punctuation (0x32: non-US #, no key on US boards)
        static constexpr char plain[] = " -=[]\\?;'`,./";
        static constexpr char shifted[] = " _+{}|?:\"~<>?";
        return (shift ? shifted : plain)[usage - 0x2C];
    }
    int digit = keypad_digit(usage);
    if (digit >= 0) return static_cast<char>('0' + digit);  // Num Lock is on in every scanner set-up we know
    switch (usage) {
        case usage_enter:
        case usage_keypad_enter: return '\r';
        case 0x54: return '/';
        case 0x55: return '*';
        case 0x56: return '-';
        case 0x57: return '+';
        case 0x63: return '.';
        default: return std::nullopt;
    }
}

Decoded KeyboardDecoder::feed(std::span<const uint8_t> report) {
    Decoded out;
    if (report.size() != report_size) {
        note(out, ReportProblem::wrong_length,
             "report of " + std::to_string(report.size()) + " bytes, a boot keyboard sends " +
                 std::to_string(report_size));
        return out;
    }
    std::array<uint8_t, 6> keys{};
    std::copy(report.begin() + 2, report.end(), keys.begin());
    for (uint8_t key : keys) {
        if (key >= usage_rollover_error && key <= usage_undefined_error) {
            // The keyboard cannot say which keys are down; the next real report will.
            note(out, ReportProblem::rollover, "rollover report (usage " + hex(key) + ")");
            return out;
        }
    }
    uint8_t modifiers = report[0];
    if ((modifiers_ & mod_alt) && !(modifiers & mod_alt)) finish_alt_code(out);
    for (uint8_t key : keys) {
        if (key == 0 || std::find(held_.begin(), held_.end(), key) != held_.end()) continue;
        press(key, modifiers, out);
    }
    held_ = keys;
    modifiers_ = modifiers;
    return out;
}

void KeyboardDecoder::press(uint8_t usage, uint8_t modifiers, Decoded& out) {
    if (usage >= usage_left_control && usage <= usage_right_gui) return;  // the modifier byte already says it
    if (modifiers & mod_alt) {
        int digit = keypad_digit(usage);
        if (digit < 0) {
            note(out, ReportProblem::unknown_usage, "Alt with usage " + hex(usage) + " ignored");
            return;
        }
        alt_code_ = std::min(alt_code_ * 10 + digit, 1000);  // capped: anything over 127 is refused anyway
        ++alt_digits_;
        return;
    }
    if ((modifiers & mod_ctrl) && usage == usage_right_bracket) {
        type(group_separator, out);
        return;
    }
    std::optional<char> ch = key_character(usage, (modifiers & mod_shift) != 0);
    if (!ch || (modifiers & mod_ctrl)) {
        note(out, ReportProblem::unknown_usage, "usage " + hex(usage) + " types nothing in a barcode; ignored");
        return;
    }
    type(*ch, out);
}

void KeyboardDecoder::finish_alt_code(Decoded& out) {
    if (alt_digits_ > 0) {
        if (alt_code_ >= 1 && alt_code_ <= 127) {
            type(static_cast<char>(alt_code_), out);
        } else {
            note(out, ReportProblem::bad_alt_code, "Alt+numpad code " + std::to_string(alt_code_) + " ignored");
        }
    }
    alt_code_ = 0;
    alt_digits_ = 0;
}

void KeyboardDecoder::type(char ch, Decoded& out) {
    if (ch != '\r') {
        if (pending_.size() >= max_scan_length) {
            overflow_ = true;
            pending_.clear();
        }
        if (!overflow_) pending_ += ch;
        return;
    }
    if (overflow_) {
        note(out, ReportProblem::too_long,
             "scan longer than " + std::to_string(max_scan_length) + " characters dropped");
    } else if (!pending_.empty()) {
        out.scan = Scan{{}, std::move(pending_)};
    }
    pending_.clear();
    overflow_ = false;
}

std::string KeyboardDecoder::discard_pending() {
    std::string dropped = std::move(pending_);
    pending_.clear();
    overflow_ = false;
    alt_code_ = 0;
    alt_digits_ = 0;
    return dropped;
}

void KeyboardDecoder::reset() { *this = KeyboardDecoder{}; }

}  // namespace pos::drivers::scanner
