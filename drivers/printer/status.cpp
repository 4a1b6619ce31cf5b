// Status byte decoding: Epson ESC/POS reference, DLE EOT (fixed bits 0xx1xx10b).
#include "drivers/printer/status.hpp"

namespace pos::drivers::printer {
namespace {

bool bit(uint8_t byte, int n) { return (byte >> n) & 1; }
// Bits 0, 7 clear and 1, 4 set in every DLE EOT reply: anything else is not a status byte
// (a leftover ASB block or line noise), and guessing from it could print into an open cover.
bool is_status_byte(uint8_t byte) { return (byte & 0x93) == 0x12; }

}  // namespace

std::string_view status_error_message(StatusError error) {
    switch (error) {
        case StatusError::no_reply: return "the printer did not answer the status request";
        case StatusError::not_a_status: return "the printer's answer is not a status byte";
        case StatusError::too_short: return "the printer's status block is incomplete";
    }
    return "unknown status error";
}

support::Expected<PrinterStatus, StatusError> apply_dle_eot_reply(PrinterStatus status, StatusQuery query,
                                                                  std::span<const uint8_t> reply) {
    if (reply.empty()) return StatusError::no_reply;
    uint8_t byte = reply[0];
    if (!is_status_byte(byte)) return StatusError::not_a_status;
    switch (query) {
        case StatusQuery::printer: status.online = !bit(byte, 3); break;
        case StatusQuery::offline_cause:
            status.cover_open = bit(byte, 2);
            status.paper_out = bit(byte, 5);
            status.error = bit(byte, 6);
            break;
        case StatusQuery::error_cause:
            // bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable (head temperature)
            status.error = bit(byte, 3) || bit(byte, 5) || bit(byte, 6);
            break;
        case StatusQuery::paper_sensor:
            status.paper_near_end = bit(byte, 2) || bit(byte, 3);
            status.paper_out = bit(byte, 5) || bit(byte, 6);
            break;
    }
    return status;
}

support::Expected<PrinterStatus, StatusError> parse_asb(std::span<const uint8_t> block) {
    if (block.empty()) return StatusError::no_reply;
    if (block.size() < 4) return StatusError::too_short;
    // Byte 1 is 0xx1xx00b, bytes 3 and 4 have bits 5,6 set and 7 clear.
    if ((block[0] & 0x93) != 0x10 || (block[2] & 0xE0) != 0x60 || (block[3] & 0xE0) != 0x60) {
        return StatusError::not_a_status;
    }
    PrinterStatus status;
    status.online = !bit(block[0], 3);
    status.cover_open = bit(block[0], 5);
    status.error = bit(block[1], 3) || bit(block[1], 5) || bit(block[1], 6);
    status.paper_near_end = bit(block[2], 0) || bit(block[2], 1);
    status.paper_out = bit(block[2], 2) || bit(block[2], 3);
    return status;
}

PrinterStatus parse_port_status(uint8_t port_status) {
    PrinterStatus status;
    status.paper_out = bit(port_status, 5);
    status.online = bit(port_status, 4);
    status.error = !bit(port_status, 3);
    return status;
}

std::string_view describe(const PrinterStatus& status) {
    if (status.cover_open) return "cover open";
    if (status.paper_out) return "paper out";
    if (status.error) return "printer error";
    if (!status.online) return "offline";
    if (status.paper_near_end) return "paper near end";
    return "ok";
}

}  // namespace pos::drivers::printer
