// CODE128 symbol table (ISO/IEC 15417 table 1) and check symbol.
#include "drivers/printer/code128.hpp"

#include <array>

namespace pos::drivers::printer {
namespace {

constexpr std::array<std::string_view, 107> patterns = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312",  "132212", "221213", "221312",
    "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211",  "221132", "221231", "213212",
    "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",  "212123", "212321", "232121",
    "111323", "131123", "131321", "112313", "132113", "132311", "211313", "231113",  "231311", "112133", "112331",
    "132131", "113123", "113321", "133121", "313121", "211331", "231131", "213113",  "213311", "213131", "311123",
    "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111",  "111224", "111422", "121124",
    "121421", "141122", "141221", "112214", "112412", "122114", "122411", "142112",  "142211", "241211", "221114",
    "413111", "241112", "134111", "111242", "121142", "121241", "114212", "124112",  "124211", "411212", "421112",
    "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113",  "114311", "411113", "411311",
    "113141", "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
};

constexpr int start_a = 103, start_b = 104, start_c = 105, stop = 106;
constexpr int code_a = 101, code_b = 100, code_c = 99;  // switch symbols (from sets B/C, A/C, A/B)

}  // namespace

std::string_view code128_pattern(int value) {
    return value >= 0 && value < static_cast<int>(patterns.size()) ? patterns[static_cast<size_t>(value)] : "";
}

std::optional<Code128> decode_code128_payload(std::span<const uint8_t> payload) {
    if (payload.size() < 2 || payload[0] != '{') return std::nullopt;
    Code128 out;
    char set = static_cast<char>(payload[1]);
    if (set == 'A')
        out.symbols.push_back(start_a);
    else if (set == 'B')
        out.symbols.push_back(start_b);
    else if (set == 'C')
        out.symbols.push_back(start_c);
    else
        return std::nullopt;
    for (size_t i = 2; i < payload.size(); ++i) {
        uint8_t byte = payload[i];
        if (byte == '{') {
            if (i + 1 >= payload.size()) return std::nullopt;
            char next = static_cast<char>(payload[++i]);
            if (next == '{' && set != 'C') {
                out.symbols.push_back('{' - 32);
                out.text.push_back('{');
            } else if (next == 'A' || next == 'B' || next == 'C') {
                out.symbols.push_back(next == 'A' ? code_a : next == 'B' ? code_b : code_c);
                set = next;
            } else {
                return std::nullopt;  // FNC and shift codes are not used on receipts
            }
            continue;
        }
        if (set == 'C') {
            if (byte > 99) return std::nullopt;
            out.symbols.push_back(byte);
            out.text.push_back(static_cast<char>('0' + byte / 10));
            out.text.push_back(static_cast<char>('0' + byte % 10));
        } else if (set == 'B') {
            if (byte < 0x20 || byte > 0x7F) return std::nullopt;
            out.symbols.push_back(byte - 32);
            out.text.push_back(static_cast<char>(byte));
        } else {
            if (byte > 0x5F) return std::nullopt;
            out.symbols.push_back(byte < 0x20 ? byte + 64 : byte - 32);
            if (byte >= 0x20) out.text.push_back(static_cast<char>(byte));
        }
    }
    int sum = out.symbols[0];
    for (size_t i = 1; i < out.symbols.size(); ++i) sum += out.symbols[i] * static_cast<int>(i);
    out.symbols.push_back(sum % 103);
    out.symbols.push_back(stop);
    return out;
}

std::vector<int> code128_modules(const std::vector<int>& symbols) {
    std::vector<int> widths;
    for (int symbol : symbols) {
        for (char c : code128_pattern(symbol)) widths.push_back(c - '0');
    }
    return widths;
}

}  // namespace pos::drivers::printer
