// Byte vectors written the way protocol documents write them, for exact-byte checks.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace pos::testing {

// bytes({0x1B, 0x40}): values as a table lists them.
inline std::vector<uint8_t> bytes(std::initializer_list<int> values) {
    std::vector<uint8_t> out;
    for (int v : values) out.push_back(static_cast<uint8_t>(v));
    return out;
}

// bytes("\x1BQA12.50\r"): a command as its bytes.
inline std::vector<uint8_t> bytes(std::string_view text) { return {text.begin(), text.end()}; }

}  // namespace pos::testing
