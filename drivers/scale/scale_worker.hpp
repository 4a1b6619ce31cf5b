// The checkout scale on a thread of its own: an 8217 scale is asked for its weight a few times a
// second, a continuous-output scale is listened to; the newest reading, or why there is none,
// is what the lane reads. Zero and tare go to the scale from the keyboard. A scale that stops
// answering, sends garbage or is unplugged gives a reading of "none" and a reason, never a wait.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "drivers/scale/continuous.hpp"
#include "drivers/scale/reading.hpp"
#include "drivers/serial/serial_port.hpp"

namespace pos::drivers::scale {

enum class ScaleProtocol { toledo8217, continuous };

struct ScaleStatus {
    bool connected = false;
    std::string problem;                  // why there is no reading, for the sale screen and status bar
    std::optional<ScaleReading> reading;  // the newest; none while the scale is away or garbled
    uint64_t readings = 0;                // frames read, so a caller can wait for a fresh one
};

struct ScaleTiming {
    std::chrono::milliseconds poll{200};          // how often an 8217 scale is asked
    std::chrono::milliseconds answer_limit{500};  // how long an answer may take
    std::chrono::milliseconds retry{1000};        // the pause before opening the port again
};

class ScaleWorker {
public:
    using Opener = std::function<serial::SerialResult<serial::SerialPort>()>;

    ScaleWorker(Opener open, ScaleProtocol protocol, ScaleTiming timing = {});
    ~ScaleWorker();
    ScaleWorker(const ScaleWorker&) = delete;
    ScaleWorker& operator=(const ScaleWorker&) = delete;

    [[nodiscard]] ScaleStatus status() const;
    // Sent before the next weight request (8217 `Z` / `T`; continuous scales `MZ` / `MT`).
    void zero();
    void tare();
    void set_notify(std::function<void()> notify);

private:
    void run();
    void publish(std::optional<ScaleReading> reading, std::string problem, bool connected);
    using Deadline = std::chrono::steady_clock::time_point;
    // One exchange with the port; false when the port failed and must be reopened.
    bool poll_toledo(serial::SerialPort& port);
    bool listen_continuous(serial::SerialPort& port, ContinuousLines& lines);
    // The zero and tare commands queued since the last exchange.
    std::vector<std::vector<uint8_t>> take_commands();
    // False (and the failure published) when the port failed.
    bool send(serial::SerialPort& port, const std::vector<uint8_t>& bytes);
    // What arrives before `deadline`; empty when time ran out, nullopt (published) when the port failed.
    std::optional<std::vector<uint8_t>> read_some(serial::SerialPort& port, Deadline deadline);

    Opener open_;
    ScaleProtocol protocol_;
    ScaleTiming timing_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    ScaleStatus status_;
    std::vector<std::vector<uint8_t>> commands_;
    std::function<void()> notify_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace pos::drivers::scale
