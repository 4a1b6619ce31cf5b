// Printer profiles: paper width, columns, dots and per-model quirks (assets/printers/*.json).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/printer/escpos.hpp"
#include "support/expected.hpp"

namespace pos::drivers::printer {

struct UsbId {
    uint16_t vendor = 0;
    uint16_t product = 0;
    bool operator==(const UsbId&) const = default;
};

struct Quirks {
    // Winbond 0416:5011 locks up on SET_INTERFACE / CLEAR_FEATURE(HALT) (Linux usblp fix
    // d8c6edfa): the transport must never send them to this model.
    bool no_set_interface = false;
    bool no_clear_halt = false;
    // The DLE EOT reply can be the answer to the previous request (escpos-rs #18): drain the
    // IN pipe before asking and read the freshest byte.
    bool stale_status_reply = false;
    // Pushes 4-byte Automatic Status Back blocks on the IN pipe (Epson TM-T20).
    bool unsolicited_asb = false;
    // Answers nothing to DLE EOT: rely on GET_PORT_STATUS alone.
    bool no_realtime_status = false;
};

struct PrinterProfile {
    std::string id;    // file name without .json, e.g. "generic-58"
    std::string name;  // "Generic 58 mm"
    int paper_mm = 58;
    int columns = 32;          // font A characters per line (12 dots each)
    int dots = 384;            // printable width in dots (8 dots/mm)
    bool chinese_mode = true;  // needs FS & before GB18030 text
    Cut cut = Cut::partial;
    int cut_feed_dots = 0;      // extra feed before the cut so the last line clears the blade
    bool drawer = true;         // a drawer is wired to the printer's DK port
    bool qr = true;             // prints GS ( k QR codes; false: the receipt falls back to CODE128
    size_t chunk_bytes = 4096;  // bulk OUT transfer size
    std::vector<UsbId> usb;
    Quirks quirks;
    std::string notes;
};

// Built-in profiles for the two paper widths, used when no model matches.
[[nodiscard]] PrinterProfile generic_profile(int paper_mm);

// Parses one profile; an unknown key or a bad value is an error naming the key.
[[nodiscard]] support::Expected<PrinterProfile, std::string> parse_profile(std::string_view json_text,
                                                                           std::string_view id);
// Every *.json in `dir`, sorted by id; the first bad file is the error.
[[nodiscard]] support::Expected<std::vector<PrinterProfile>, std::string> load_profiles(const std::string& dir);

// The profile listing this VID:PID, else the generic profile of `paper_mm`.
[[nodiscard]] PrinterProfile match_profile(const std::vector<PrinterProfile>& profiles, UsbId id, int paper_mm);

}  // namespace pos::drivers::printer
