// Printer status from ESC/POS real-time replies (DLE EOT n), Epson's 4-byte Automatic Status
// Back and the USB printer class GET_PORT_STATUS byte. Pure: bytes in, status out.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "support/expected.hpp"

namespace pos::drivers::printer {

// What a cashier and the print queue need to know.
struct PrinterStatus {
    bool online = true;
    bool cover_open = false;
    bool paper_near_end = false;
    bool paper_out = false;
    bool error = false;  // cutter jam, head overheat, unrecoverable error

    // Can a receipt print now? (Paper near end still prints.)
    [[nodiscard]] bool ready() const { return online && !cover_open && !paper_out && !error; }
    bool operator==(const PrinterStatus&) const = default;
};

// The DLE EOT n requests (n = 1..4).
enum class StatusQuery : uint8_t { printer = 1, offline_cause = 2, error_cause = 3, paper_sensor = 4 };

enum class StatusError {
    no_reply,      // zero bytes
    not_a_status,  // the byte is not of the form 0xx1xx10b
    too_short,     // fewer bytes than the format has
};

[[nodiscard]] std::string_view status_error_message(StatusError error);

// One DLE EOT reply: the first byte is the status; later bytes (a late reply to an earlier
// request, an unsolicited block) are not read. Updates `status` with what this query tells.
[[nodiscard]] support::Expected<PrinterStatus, StatusError> apply_dle_eot_reply(PrinterStatus status, StatusQuery query,
                                                                                std::span<const uint8_t> reply);

// Epson Automatic Status Back (4 bytes, pushed after GS a n; TM-T20 fixture).
[[nodiscard]] support::Expected<PrinterStatus, StatusError> parse_asb(std::span<const uint8_t> block);

// USB printer class GET_PORT_STATUS byte (USB Printer Class 1.1 §4.2.2): bit 5 paper empty,
// bit 4 selected (online), bit 3 not error.
[[nodiscard]] PrinterStatus parse_port_status(uint8_t port_status);

// A short message for the status bar: "ok", "paper out", "cover open" ... (English, for logs;
// the UI maps the fields to its own translated text).
[[nodiscard]] std::string_view describe(const PrinterStatus& status);

}  // namespace pos::drivers::printer
