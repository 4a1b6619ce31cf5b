// One print job on one transport: ask the printer's status, print only when it is ready.
// A job that cannot print is not lost: the outcome says why, and the caller keeps it.
#pragma once

#include <span>
#include <string>

#include "drivers/printer/profile.hpp"
#include "drivers/printer/status.hpp"
#include "drivers/printer/transport.hpp"

namespace pos::drivers::printer {

// DLE EOT 1, 2 and 4 (skipped with the no_realtime_status quirk), else GET_PORT_STATUS; a
// printer that answers neither is taken as ready (unidirectional printers cannot tell).
[[nodiscard]] UsbResult<PrinterStatus> query_status(Transport& transport, const PrinterProfile& profile);

struct PrintOutcome {
    bool printed = false;
    PrinterStatus status;
    std::string reason;  // empty when printed: "paper out", "the device is unplugged" ...
};

[[nodiscard]] PrintOutcome print_job(Transport& transport, const PrinterProfile& profile, std::span<const uint8_t> job);

}  // namespace pos::drivers::printer
