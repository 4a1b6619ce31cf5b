// Decoder for scanners in USB HID boot-keyboard mode ("keyboard wedge" reports read over
// libusb): 8-byte reports in, characters and finished scans out. No IO.
//
// Characters come from the difference between one report and the last (a key is typed when
// it appears, not while it stays), so a code with the same digit twice is read right: the
// scanner sends a release between the two presses. Enter ends a scan; the release report
// after it only lifts the key. Alt+numpad codes (Alt held, keypad digits, Alt released) are
// read as the character with that decimal code, as some scanners are set up to send.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "drivers/scanner/scan.hpp"

namespace pos::drivers::scanner {

// The character a key usage (HID usage page 0x07) types on a US layout, with or without
// Shift; nullopt for keys that type nothing in a barcode. Enter is '\r'.
[[nodiscard]] std::optional<char> key_character(uint8_t usage, bool shift);

class KeyboardDecoder {
public:
    static constexpr size_t report_size = 8;  // modifiers, reserved, six key usages
    static constexpr size_t max_scan_length = 512;

    // Reads one input report. Reports of the wrong size and rollover reports change nothing.
    [[nodiscard]] Decoded feed(std::span<const uint8_t> report);

    // The characters of a scan not yet ended by Enter.
    [[nodiscard]] const std::string& pending() const { return pending_; }

    // Drops the unfinished scan (the scanner went quiet before Enter) and returns what was
    // dropped, for the log. Keys still held stay known, so their release types nothing.
    std::string discard_pending();

    // Forgets everything: for a device that was unplugged and plugged in again.
    void reset();

private:
    void type(char ch, Decoded& out);
    void press(uint8_t usage, uint8_t modifiers, Decoded& out);
    void finish_alt_code(Decoded& out);

    std::array<uint8_t, 6> held_{};  // the usages of the last accepted report
    uint8_t modifiers_ = 0;
    std::string pending_;
    bool overflow_ = false;  // the current scan passed max_scan_length: drop it at Enter
    int alt_code_ = 0;       // Alt+numpad code typed so far
    int alt_digits_ = 0;
};

}  // namespace pos::drivers::scanner
