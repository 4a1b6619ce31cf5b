// Free-text checks: UTF-8 decoding by hand (overlongs, surrogates and values past U+10FFFF
// refused), control characters, length in code points.
#include "pos/core/safe_text.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace pos::core {
namespace {

// Decodes one code point at `i`; returns its length in bytes, or 0 when the bytes are not UTF-8.
size_t decode(std::string_view text, size_t i, uint32_t& code) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    size_t length = lead < 0x80                    ? 1
                    : lead >= 0xC2 && lead <= 0xDF ? 2
                    : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                   : 0;
    if (length == 0 || i + length > text.size()) return 0;
    code = length == 1 ? lead : length == 2 ? lead & 0x1Fu : length == 3 ? lead & 0x0Fu : lead & 0x07u;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(i + k) & 0x3Fu);
    }
    static constexpr uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

bool invisible(uint32_t code) {
    // C0, DEL, C1 (a terminal's escape sequences) and the bidirectional overrides, which can make
    // text read in another order than it is stored.
    return code < 0x20 || (code >= 0x7F && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
           (code >= 0x2066 && code <= 0x2069);
}

}  // namespace

std::string shown_safely(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string shown;
    shown.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        uint32_t code = 0;
        size_t length = decode(text, i, code);
        if (length == 0 || invisible(code)) {
            // Each byte of it as \xNN: visible, and different from any text typed as such.
            for (size_t k = 0; k < std::max<size_t>(length, 1); ++k) {
                auto byte = static_cast<unsigned char>(text[i + k]);
                shown += "\\x";
                shown += hex[byte >> 4];
                shown += hex[byte & 0xF];
            }
            i += std::max<size_t>(length, 1);
            continue;
        }
        if (code == '\\') shown += '\\';  // doubled, so typed text never reads as an escaped byte
        shown.append(text.substr(i, length));
        i += length;
    }
    return shown;
}

Status check_text(std::string_view field, std::string_view text, size_t max_chars) {
    size_t chars = 0;
    for (size_t i = 0; i < text.size();) {
        uint32_t code = 0;
        size_t length = decode(text, i, code);
        if (length == 0) {
            return make_error(ErrorCode::bad_input, std::string(field) + " is not valid UTF-8 text (at byte " +
                                                        std::to_string(i + 1) + "): type it again");
        }
        if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) {
            return make_error(ErrorCode::bad_input, std::string(field) +
                                                        " has a control character (line break, tab or "
                                                        "other invisible character) at character " +
                                                        std::to_string(chars + 1) + ": remove it");
        }
        ++chars;
        i += length;
    }
    if (chars > max_chars) {
        return make_error(ErrorCode::bad_input, std::string(field) + " is " + std::to_string(chars) +
                                                    " characters long: at most " + std::to_string(max_chars) +
                                                    " are kept");
    }
    return Done{};
}

}  // namespace pos::core
