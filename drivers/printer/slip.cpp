// Lines to ESC/POS bytes, the one way every plain slip is printed.
#include "drivers/printer/slip.hpp"

#include "drivers/printer/escpos.hpp"

namespace pos::drivers::printer {

std::vector<uint8_t> slip_bytes(const std::vector<std::string>& lines, const PrinterProfile& profile) {
    Encoder out;
    out.initialize();
    if (profile.chinese_mode) out.chinese_mode(true);
    for (const std::string& line : lines) out.line(line);
    out.feed(4).cut(profile.cut, profile.cut_feed_dots);
    return out.take();
}

}  // namespace pos::drivers::printer
