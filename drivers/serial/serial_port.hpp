// A serial port (RS-232, a USB-serial adapter, or a pseudo-terminal in tests) opened raw with
// termios: the thin transport under the customer display and the scale. It only moves bytes,
// always with a time limit, so a device that stops answering never blocks the lane.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "support/expected.hpp"

namespace pos::drivers::serial {

enum class Parity { none, even, odd };

// The line settings a device's manual gives, e.g. 9600 7E1 for a Mettler Toledo 8217 scale,
// 2400 or 9600 8N1 for an LED price display.
struct LineSettings {
    int baud = 9600;
    int data_bits = 8;  // 7 or 8
    Parity parity = Parity::none;
    int stop_bits = 1;  // 1 or 2
};

enum class SerialErrorCode { not_found, no_permission, busy, bad_settings, timeout, disconnected, io };

struct SerialError {
    SerialErrorCode code = SerialErrorCode::io;
    std::string message;  // names the port and what to check
};

template <typename T>
using SerialResult = support::Expected<T, SerialError>;

// Parses "9600", "9600 8N1" or "9600 7E1" (baud, then data bits, parity N/E/O, stop bits).
[[nodiscard]] SerialResult<LineSettings> parse_line_settings(const std::string& text);

class SerialPort {
public:
    // Opens `path` raw (no echo, no line editing, no flow control: a display that never raises
    // CTS would otherwise block every write) with `settings`. Fails with a message naming the port.
    [[nodiscard]] static SerialResult<SerialPort> open(const std::string& path, const LineSettings& settings);

    SerialPort(SerialPort&& other) noexcept;
    SerialPort& operator=(SerialPort&& other) noexcept;
    SerialPort(const SerialPort&) = delete;
    SerialPort& operator=(const SerialPort&) = delete;
    ~SerialPort();

    // Writes all of `bytes` within `limit`; timeout when the device does not take them in time.
    [[nodiscard]] SerialResult<support::Done> write(std::span<const uint8_t> bytes, std::chrono::milliseconds limit);
    // The bytes that arrive within `limit`, at most `max`; an empty result means nothing came.
    // Returns as soon as some bytes are there: callers assemble frames themselves.
    [[nodiscard]] SerialResult<std::vector<uint8_t>> read(size_t max, std::chrono::milliseconds limit);
    // Drops what was received and not read yet (a stale frame from before a request).
    void discard_input();
    // Whether the device is still there, without sending it anything: disconnected once the line
    // hung up (a USB-serial adapter pulled out, a pseudo-terminal's device end closed). For a device
    // that is only written to, such as a display, between its updates.
    [[nodiscard]] SerialResult<support::Done> check() const;

    [[nodiscard]] const std::string& path() const { return path_; }

private:
    SerialPort(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    int fd_ = -1;
    std::string path_;
};

}  // namespace pos::drivers::serial
