// libFuzzer target: the ESC/POS status parser (drivers/printer/status.hpp): any bytes as a
// DLE EOT reply to each of the four queries, as an Automatic Status Back block and as a
// GET_PORT_STATUS byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "drivers/printer/status.hpp"

using namespace pos::drivers::printer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::span<const uint8_t> bytes(data, size);
    for (uint8_t query = 1; query <= 4; ++query) {
        auto status = apply_dle_eot_reply(PrinterStatus{}, static_cast<StatusQuery>(query), bytes);
        if (status) {
            if (bytes.empty() || (bytes[0] & 0x93) != 0x12) std::abort();  // only a 0xx1xx10b byte is a status
            if (describe(*status).empty()) std::abort();
        } else if (status_error_message(status.error()).empty()) {
            std::abort();
        }
    }
    auto asb = parse_asb(bytes);
    if (asb && bytes.size() < 4) std::abort();
    if (!asb && status_error_message(asb.error()).empty()) std::abort();
    if (!bytes.empty() && describe(parse_port_status(bytes[0])).empty()) std::abort();
    return 0;
}
