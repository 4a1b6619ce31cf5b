// The 8-digit LED price display (LED8 客显) common at Chinese checkouts: four lamps (单价 price,
// 合计 total, 收款 paid, 找零 change) and eight seven-segment digits. Pure encoder: values in,
// bytes out (docs/devices.md, "Customer display"). The de-facto command set (CD5220 family):
//   ESC @ initialise · 0C clear · ESC s n lamp · ESC Q A digits CR show a number.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pos::drivers::display {

enum class Lamp { off, price, total, paid, change };

// How a model numbers its lamps after ESC s: most send ASCII '0'..'4'; some (Hisense VC110,
// Wintec CD110) send binary 00..04.
enum class LampCodes { ascii, binary };

struct Led8Options {
    LampCodes lamp_codes = LampCodes::ascii;
};

// What the display shows for an amount in fen: two decimals while they fit in eight digits
// ('.' takes no digit), the cents dropped when they do not, all nines when nothing fits.
// "-" leads a negative amount and takes a digit.
[[nodiscard]] std::string led8_digits(int64_t fen);

class Led8Encoder {
public:
    explicit Led8Encoder(Led8Options options = {}) : options_(options) {}

    [[nodiscard]] std::vector<uint8_t> initialise() const;
    [[nodiscard]] std::vector<uint8_t> clear() const;
    [[nodiscard]] std::vector<uint8_t> lamp(Lamp lamp) const;
    [[nodiscard]] std::vector<uint8_t> number(int64_t fen) const;
    // One update as the lane sends it: the lamp, then the amount (lamp first, like most drivers,
    // so the customer never sees the new amount under the old word).
    [[nodiscard]] std::vector<uint8_t> show(Lamp lamp, int64_t fen) const;

private:
    Led8Options options_;
};

}  // namespace pos::drivers::display
