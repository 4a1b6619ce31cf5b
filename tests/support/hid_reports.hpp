// Builds scanner HID reports for tests: hex dumps as published in tests/fixtures/usb, and the
// reports a real scanner sends for a given code (press + release per key, HID POS chains).
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pos::test {

using Report = std::vector<uint8_t>;

// "04 00 62 60 5b 00 00 00" -> bytes. Throws on anything but hex pairs and spaces.
inline Report from_hex(std::string_view text) {
    Report out;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw std::invalid_argument("not hex");
    };
    for (size_t i = 0; i < text.size();) {
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        if (i + 1 >= text.size()) throw std::invalid_argument("odd hex");
        out.push_back(static_cast<uint8_t>(nibble(text[i]) * 16 + nibble(text[i + 1])));
        i += 2;
    }
    return out;
}

// The boot-keyboard press report for one character on a US layout (Enter for '\r').
inline Report key_press(char ch) {
    uint8_t usage = 0;
    uint8_t modifiers = 0;
    const std::string_view shifted_digits = ")!@#$%^&*(";
    if (ch >= 'a' && ch <= 'z') {
        usage = static_cast<uint8_t>(0x04 + (ch - 'a'));
    } else if (ch >= 'A' && ch <= 'Z') {
        usage = static_cast<uint8_t>(0x04 + (ch - 'A'));
        modifiers = 0x02;
    } else if (ch >= '1' && ch <= '9') {
        usage = static_cast<uint8_t>(0x1E + (ch - '1'));
    } else if (ch == '0') {
        usage = 0x27;
    } else if (ch == '\r') {
        usage = 0x28;
    } else if (ch == ']') {
        usage = 0x30;
    } else if (ch == '-') {
        usage = 0x2D;
    } else if (shifted_digits.find(ch) != std::string_view::npos) {
        size_t index = shifted_digits.find(ch);
        usage = static_cast<uint8_t>(index == 0 ? 0x27 : 0x1E + index - 1);
        modifiers = 0x02;
    } else {
        throw std::invalid_argument("no key for this character in the test helper");
    }
    return Report{modifiers, 0, usage, 0, 0, 0, 0, 0};
}

// What a keyboard-mode scanner sends for `text`: a press and an all-zero release per character.
inline std::vector<Report> keyboard_reports(std::string_view text) {
    std::vector<Report> out;
    for (char ch : text) {
        out.push_back(key_press(ch));
        out.push_back(Report(8, 0));
    }
    return out;
}

// What a HID POS scanner sends for a code: 64-byte scanned-data reports of up to 56 data
// bytes each, chained with the "more follows" flag (byte 63).
inline std::vector<Report> hid_pos_reports(std::string_view aim, std::string_view data) {
    std::vector<Report> out;
    size_t offset = 0;
    do {
        size_t part = std::min<size_t>(56, data.size() - offset);
        Report report(64, 0);
        report[0] = 0x02;
        report[1] = static_cast<uint8_t>(part);
        for (size_t i = 0; i < aim.size() && i < 3; ++i) report[2 + i] = static_cast<uint8_t>(aim[i]);
        for (size_t i = 0; i < part; ++i) report[5 + i] = static_cast<uint8_t>(data[offset + i]);
        offset += part;
        report[63] = offset < data.size() ? 1 : 0;
        out.push_back(std::move(report));
    } while (offset < data.size());
    return out;
}

}  // namespace pos::test
