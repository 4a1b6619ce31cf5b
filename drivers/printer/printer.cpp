// Status-checked printing.
#include "drivers/printer/printer.hpp"

#include "drivers/printer/escpos.hpp"

namespace pos::drivers::printer {
namespace {

constexpr std::chrono::milliseconds status_timeout{300};

}  // namespace

UsbResult<PrinterStatus> query_status(Transport& transport, const PrinterProfile& profile) {
    PrinterStatus status;
    if (!profile.quirks.no_realtime_status) {
        bool answered = true;
        for (StatusQuery query : {StatusQuery::printer, StatusQuery::offline_cause, StatusQuery::paper_sensor}) {
            std::vector<uint8_t> request = status_request(static_cast<uint8_t>(query));
            if (auto sent = transport.write(request); !sent) return sent.error();
            auto reply = transport.read(1, status_timeout);
            if (!reply) {
                if (reply.error().code == UsbErrorCode::timeout || reply.error().code == UsbErrorCode::not_supported) {
                    answered = false;
                    break;
                }
                return reply.error();
            }
            auto updated = apply_dle_eot_reply(status, query, *reply);
            if (!updated) {
                answered = false;
                break;
            }
            status = *updated;
        }
        if (answered) return status;
    }
    auto port = transport.port_status();
    if (!port) return port.error();
    if (*port) return parse_port_status(**port);
    return PrinterStatus{};
}

PrintOutcome print_job(Transport& transport, const PrinterProfile& profile, std::span<const uint8_t> job) {
    PrintOutcome outcome;
    auto status = query_status(transport, profile);
    if (!status) {
        outcome.reason = status.error().message;
        return outcome;
    }
    outcome.status = *status;
    if (!status->ready()) {
        outcome.reason = std::string(describe(*status));
        return outcome;
    }
    if (auto sent = transport.write(job); !sent) {
        outcome.reason = sent.error().message;
        return outcome;
    }
    outcome.printed = true;
    return outcome;
}

}  // namespace pos::drivers::printer
