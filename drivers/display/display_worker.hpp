// The customer display on a thread of its own: the lane hands it what to show and never waits;
// the worker writes the bytes to the serial port with a time limit, reopens the port when it
// fails (unplugged, switched off), and reports its state for the status bar. Only the newest
// content matters, so updates the display missed while away are not replayed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "drivers/display/led8.hpp"
#include "drivers/display/vfd.hpp"
#include "drivers/serial/serial_port.hpp"

namespace pos::drivers::display {

// What the customer should see now: the LED8 shows `lamp` and `fen`; a VFD its two lines.
struct DisplayContent {
    Lamp lamp = Lamp::off;
    int64_t fen = 0;
    std::string line1;
    std::string line2;
    bool operator==(const DisplayContent&) const = default;
};

enum class DisplayModel { led8, vfd };

struct DisplayStatus {
    bool connected = false;
    std::string problem;  // why not, for the status bar and posctl devices list
    uint64_t shown = 0;   // updates written
};

class DisplayWorker {
public:
    using Opener = std::function<serial::SerialResult<serial::SerialPort>()>;

    DisplayWorker(Opener open, DisplayModel model, Led8Options led8 = {}, VfdOptions vfd = {},
                  std::chrono::milliseconds write_limit = std::chrono::milliseconds(500),
                  std::chrono::milliseconds retry = std::chrono::milliseconds(1000));
    ~DisplayWorker();
    DisplayWorker(const DisplayWorker&) = delete;
    DisplayWorker& operator=(const DisplayWorker&) = delete;

    // Never blocks on the device: the newest content replaces any not yet written.
    void show(DisplayContent content);
    [[nodiscard]] DisplayStatus status() const;
    // Called (on the worker's thread) after each write or state change, for tests and the UI's wake-up.
    void set_notify(std::function<void()> notify);

private:
    void run();
    void notify_unlocked(std::unique_lock<std::mutex>& lock);
    [[nodiscard]] std::vector<uint8_t> bytes_of(const DisplayContent& content) const;

    Opener open_;
    DisplayModel model_;
    Led8Encoder led8_;
    VfdEncoder vfd_;
    std::chrono::milliseconds write_limit_;
    std::chrono::milliseconds retry_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<DisplayContent> pending_;
    std::optional<DisplayContent> last_shown_;
    DisplayStatus status_;
    std::function<void()> notify_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace pos::drivers::display
