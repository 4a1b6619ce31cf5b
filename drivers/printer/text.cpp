// GB18030 conversion (iconv) and column arithmetic for receipt text.
#include "drivers/printer/text.hpp"

#include <cerrno>
#include <iconv.h>

namespace pos::drivers::printer {
namespace {

// Decodes one UTF-8 sequence at `i`; returns its length, 0 when invalid.
size_t utf8_sequence(std::string_view text, size_t i, char32_t& out) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    if (lead < 0x80) {
        out = lead;
        return 1;
    }
    size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || i + length > text.size()) return 0;
    char32_t value = lead & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < minimum[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    out = value;
    return length;
}

// One character's columns (see print_columns).
int columns_of(char32_t c) { return c < 0x80 ? 1 : 2; }

// Valid UTF-8 characters of `text`, each as its own slice; invalid bytes become "?".
std::vector<std::string_view> characters(std::string_view text) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < text.size();) {
        char32_t c = 0;
        size_t length = utf8_sequence(text, i, c);
        if (length == 0) {
            out.emplace_back("?");
            ++i;
        } else {
            out.push_back(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

class Iconv {
public:
    Iconv(const char* to, const char* from) : handle_(iconv_open(to, from)) {}
    ~Iconv() {
        if (handle_ != reinterpret_cast<iconv_t>(-1)) iconv_close(handle_);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    [[nodiscard]] bool ok() const { return handle_ != reinterpret_cast<iconv_t>(-1); }

    // Converts all of `input`; an unconvertible sequence is replaced by `replacement` and
    // conversion goes on after `skip` bytes.
    std::string convert(std::string_view input, std::string_view replacement, size_t skip) {
        std::string out;
        std::string buffer(input.size() * 4 + 16, '\0');
        char* in = const_cast<char*>(input.data());
        size_t in_left = input.size();
        while (in_left > 0) {
            char* out_ptr = buffer.data();
            size_t out_left = buffer.size();
            size_t done = iconv(handle_, &in, &in_left, &out_ptr, &out_left);
            out.append(buffer.data(), buffer.size() - out_left);
            if (done != static_cast<size_t>(-1)) break;
            if (errno == E2BIG) continue;
            out.append(replacement);  // EILSEQ or EINVAL (truncated sequence at the end)
            size_t step = skip < in_left ? skip : in_left;
            in += step;
            in_left -= step;
            iconv(handle_, nullptr, nullptr, nullptr, nullptr);
        }
        return out;
    }

private:
    iconv_t handle_;
};

}  // namespace

std::vector<char32_t> code_points(std::string_view utf8) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < utf8.size();) {
        char32_t c = 0;
        size_t length = utf8_sequence(utf8, i, c);
        out.push_back(length == 0 ? U'\uFFFD' : c);
        i += length == 0 ? 1 : length;
    }
    return out;
}

std::vector<uint8_t> to_gb18030(std::string_view utf8) {
    std::string clean;
    clean.reserve(utf8.size());
    for (std::string_view c : characters(utf8)) clean.append(c);
    Iconv converter("GB18030", "UTF-8");
    std::string gb = converter.ok() ? converter.convert(clean, "?", 1) : clean;
    return {gb.begin(), gb.end()};
}

std::string from_gb18030(std::string_view gb) {
    Iconv converter("UTF-8", "GB18030");
    if (!converter.ok()) return std::string(gb);
    return converter.convert(gb, "\xEF\xBF\xBD", 1);
}

int print_columns(std::string_view utf8) {
    int columns = 0;
    for (char32_t c : code_points(utf8)) columns += columns_of(c);
    return columns;
}

std::vector<std::string> wrap(std::string_view utf8, int columns) {
    std::vector<std::string> lines(1);
    int used = 0;
    for (std::string_view c : characters(utf8)) {
        if (c == "\n") {
            lines.emplace_back();
            used = 0;
            continue;
        }
        int width = print_columns(c);
        if (used + width > columns && used > 0) {
            lines.emplace_back();
            used = 0;
        }
        lines.back().append(c);
        used += width;
    }
    return lines;
}

std::string truncate(std::string_view utf8, int columns) {
    std::string out;
    int used = 0;
    for (std::string_view c : characters(utf8)) {
        int width = print_columns(c);
        if (used + width > columns) break;
        out.append(c);
        used += width;
    }
    return out;
}

std::string spread(std::string_view left, std::string_view right, int columns) {
    int right_width = print_columns(right);
    // At least one space between the two when there is anything on the left.
    int room = columns - right_width - (left.empty() ? 0 : 1);
    std::string head = truncate(left, room < 0 ? 0 : room);
    int gap = columns - print_columns(head) - right_width;
    return head + std::string(static_cast<size_t>(gap > 0 ? gap : 0), ' ') + std::string(right);
}

std::string pad_right(std::string_view utf8, int columns) {
    int width = print_columns(utf8);
    return std::string(utf8) + std::string(static_cast<size_t>(width < columns ? columns - width : 0), ' ');
}

std::string pad_left(std::string_view utf8, int columns) {
    int width = print_columns(utf8);
    return std::string(static_cast<size_t>(width < columns ? columns - width : 0), ' ') + std::string(utf8);
}

}  // namespace pos::drivers::printer
