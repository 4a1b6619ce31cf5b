// Decoder for scanners in USB HID POS mode (usage page 0x8C, "Bar Code Scanner"): 64-byte
// scanned-data input reports in, scans with their AIM symbology identifier out. No IO.
//
// Report layout (Honeywell, tests/fixtures/usb/honeywell-voyager1602g-hidpos-reports.txt):
//   [0] report id 0x02   [1] data length, 0-56   [2..4] AIM id "]E0"
//   [5..60] data, zero-padded   [61..62] vendor bytes   [63] bit 0: more data follows
// A code longer than 56 bytes comes in several reports, each flagged "more" but the last.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "drivers/scanner/scan.hpp"

namespace pos::drivers::scanner {

class HidPosDecoder {
public:
    static constexpr size_t report_size = 64;
    static constexpr uint8_t scanned_data_report_id = 0x02;
    static constexpr size_t aim_offset = 2;
    static constexpr size_t data_offset = 5;
    static constexpr size_t data_capacity = 56;
    static constexpr size_t more_flag_offset = 63;
    static constexpr size_t max_scan_length = 8192;  // a full QR code is under 7,100 characters

    // Reads one input report (report id included). A report with a problem is ignored, and
    // a code it was part of is dropped whole: half a code is worse than a rescan.
    [[nodiscard]] Decoded feed(std::span<const uint8_t> report);

    // True while a code split across reports waits for its last part.
    [[nodiscard]] bool pending() const { return chained_; }

    // Drops a code still waiting for its last part; returns its data, for the log.
    std::string discard_pending();

    void reset() { *this = HidPosDecoder{}; }

private:
    bool chained_ = false;
    Scan partial_;
};

}  // namespace pos::drivers::scanner
