// What the HID report decoders hand to a scanner device: a finished scan, or why a
// report was set aside. Shared by the boot-keyboard and the HID POS decoders. No IO.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pos::drivers::scanner {

// One code read by the scanner, before the barcode engine has looked at it.
struct Scan {
    std::string aim;   // "]E0" when the scanner sent a symbology identifier apart from the data, else empty
    std::string data;  // the code as the scanner read it (may itself start with an AIM id in keyboard mode)

    // What the barcode engine takes: it accepts a leading AIM identifier (docs/design.md "Barcodes").
    [[nodiscard]] std::string text() const { return aim + data; }
    bool operator==(const Scan&) const = default;
};

// Why a report, or the scan it belonged to, was not used. The device logs it; nothing else
// happens: a scanner that sends something odd must never stop the lane.
enum class ReportProblem {
    none,
    wrong_length,      // the report is not the size the decoder reads
    unknown_usage,     // a key with no character in a barcode (F1, Caps Lock, Alt+letter...)
    rollover,          // keyboard "phantom" report (usage 0x01-0x03): too many keys at once
    unknown_report,    // a HID POS report id other than scanned data
    bad_length_field,  // the HID POS length byte is larger than the data area
    bad_aim,           // the HID POS symbology identifier is not "]" and two characters
    bad_alt_code,      // an Alt+numpad code outside 1-127
    too_long,          // the scan grew past the size limit before it ended; it was dropped
    empty,             // a HID POS scan with no data
};

[[nodiscard]] std::string_view problem_name(ReportProblem problem);  // "wrong_length", ...

// The result of feeding one report to a decoder.
struct Decoded {
    std::optional<Scan> scan;                     // a scan the report finished, if any
    ReportProblem problem = ReportProblem::none;  // the first problem found in the report
    std::string detail;                           // the problem in words, for the log ("usage 0x3a ...")
};

}  // namespace pos::drivers::scanner
