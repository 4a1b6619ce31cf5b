// VFD bytes: line addressing in the two command sets, and text fitted to the columns in the
// display's code page.
#include "drivers/display/vfd.hpp"

#include <iconv.h>

#include "drivers/printer/text.hpp"

namespace pos::drivers::display {
namespace {

constexpr uint8_t esc = 0x1B;

// One character in GB2312 (EUC-CN): two bytes, or nothing when GB2312 has no such character.
std::vector<uint8_t> gb2312_of(char32_t ch) {
    iconv_t cd = iconv_open("GB2312", "UTF-32LE");
    if (cd == reinterpret_cast<iconv_t>(-1)) return {};
    char32_t in[1] = {ch};
    char out[8] = {};
    char* in_ptr = reinterpret_cast<char*>(in);
    size_t in_left = sizeof(in);
    char* out_ptr = out;
    size_t out_left = sizeof(out);
    size_t done = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    if (done == static_cast<size_t>(-1)) return {};
    return std::vector<uint8_t>(out, out_ptr);
}

}  // namespace

std::vector<uint8_t> vfd_text(std::string_view utf8, int columns, VfdCharset charset) {
    std::vector<uint8_t> out;
    int used = 0;
    for (char32_t ch : printer::code_points(utf8)) {
        if (ch < 0x20) continue;  // control characters would be commands to the display
        std::vector<uint8_t> bytes;
        if (ch < 0x7F) {
            bytes = {static_cast<uint8_t>(ch)};
        } else if (charset == VfdCharset::gb2312) {
            bytes = gb2312_of(ch);
        }
        if (bytes.empty()) bytes = {'?'};
        int width = static_cast<int>(bytes.size());
        if (used + width > columns) break;
        out.insert(out.end(), bytes.begin(), bytes.end());
        used += width;
    }
    out.insert(out.end(), static_cast<size_t>(columns - used), ' ');
    return out;
}

std::vector<uint8_t> VfdEncoder::initialise() const { return {esc, '@'}; }

std::vector<uint8_t> VfdEncoder::clear() const { return {0x0C}; }

std::vector<uint8_t> VfdEncoder::line(int row, std::string_view utf8) const {
    std::vector<uint8_t> out;
    if (options_.commands == VfdCommands::cd5220) {
        out = {esc, 'Q', static_cast<uint8_t>(row == 1 ? 'A' : 'B')};
    } else {
        out = {0x1F, '$', 1, static_cast<uint8_t>(row)};
    }
    std::vector<uint8_t> text = vfd_text(utf8, options_.columns, options_.charset);
    out.insert(out.end(), text.begin(), text.end());
    if (options_.commands == VfdCommands::cd5220) out.push_back(0x0D);
    return out;
}

std::vector<uint8_t> VfdEncoder::show(std::string_view line1, std::string_view line2) const {
    std::vector<uint8_t> out = line(1, line1);
    std::vector<uint8_t> second = line(2, line2);
    out.insert(out.end(), second.begin(), second.end());
    return out;
}

}  // namespace pos::drivers::display
