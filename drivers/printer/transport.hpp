// Where printer bytes go: a USB printer, a recording (tests), or nowhere (no printer fitted).
// Transports only move bytes; what they mean is escpos.hpp and status.hpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "drivers/printer/status.hpp"
#include "drivers/usb/usb_error.hpp"

namespace pos::drivers::printer {

using usb::UsbError;
using usb::UsbErrorCode;
template <typename T>
using UsbResult = usb::UsbResult<T>;

class Transport {
public:
    virtual ~Transport() = default;
    // Sends all of `bytes` (in chunks); blocks until sent or failed. A failure part-way means
    // some bytes may have printed: the caller keeps the job.
    [[nodiscard]] virtual UsbResult<support::Done> write(std::span<const uint8_t> bytes) = 0;
    // Reads what the printer has sent (DLE EOT replies), at most `max` bytes; timeout when
    // nothing arrives within `timeout`.
    [[nodiscard]] virtual UsbResult<std::vector<uint8_t>> read(size_t max, std::chrono::milliseconds timeout) = 0;
    // USB printer class GET_PORT_STATUS; nullopt when the transport has none.
    [[nodiscard]] virtual UsbResult<std::optional<uint8_t>> port_status() = 0;
};

// Records every byte written and answers reads from a queue: for tests of what is sent.
class RecordingTransport final : public Transport {
public:
    UsbResult<support::Done> write(std::span<const uint8_t> bytes) override {
        written.insert(written.end(), bytes.begin(), bytes.end());
        return support::Done{};
    }
    UsbResult<std::vector<uint8_t>> read(size_t max, std::chrono::milliseconds) override {
        if (replies.empty()) return UsbError{UsbErrorCode::timeout, "no reply queued"};
        std::vector<uint8_t> reply = std::move(replies.front());
        replies.erase(replies.begin());
        if (reply.size() > max) reply.resize(max);
        return reply;
    }
    UsbResult<std::optional<uint8_t>> port_status() override { return std::optional<uint8_t>{}; }

    std::vector<uint8_t> written;
    std::vector<std::vector<uint8_t>> replies;
};

// No printer: everything succeeds and nothing is kept, so `pos` runs without hardware.
class NullTransport final : public Transport {
public:
    UsbResult<support::Done> write(std::span<const uint8_t>) override { return support::Done{}; }
    UsbResult<std::vector<uint8_t>> read(size_t, std::chrono::milliseconds) override {
        return UsbError{UsbErrorCode::timeout, "no printer"};
    }
    UsbResult<std::optional<uint8_t>> port_status() override { return std::optional<uint8_t>{}; }
};

}  // namespace pos::drivers::printer
