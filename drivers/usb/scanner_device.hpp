// Barcode scanners read over libusb: each scanner listed in pos.toml is claimed when it
// arrives (kernel driver detached, given back when released), an interrupt-IN transfer is
// kept submitted on it, and its reports go through the HID keyboard or HID POS decoder.
// Scans and connect/disconnect events go to an EventQueue for the UI thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/scanner/scan.hpp"
#include "drivers/usb/device_match.hpp"
#include "drivers/usb/event_queue.hpp"
#include "drivers/usb/usb_context.hpp"

struct libusb_transfer;

namespace pos::drivers::usb {

struct ScannerEvent {
    enum class Type {
        connected,     // claimed and reading; message: the decoder in use
        disconnected,  // unplugged or failed; message: why
        scan,          // a finished scan
        problem,       // a report or a scan set aside; message: what and why (also logged)
    };
    Type type = Type::scan;
    std::string device;  // "0c2e:0967 interface 1"
    scanner::Scan scan;  // for Type::scan
    std::string message;
};

struct ScannerOptions {
    std::vector<VidPid> scanners;  // pos.toml [devices] scanners
    // Each read waits this long; a scan with no Enter (or no last HID POS part) by then is
    // dropped, so a half-read code never glues onto the next one. Real scanners send a whole
    // code within a few tens of milliseconds.
    std::chrono::milliseconds read_timeout{500};
    // Log lines ("usb: ..."); the default writes them to stderr.
    std::function<void(const std::string&)> log;
};

// What a scanner is doing now, for the status bar and `posctl devices`.
struct ScannerState {
    std::string device;
    DeviceKind kind = DeviceKind::scanner_keyboard;
    bool connected = false;
    std::string error;  // why it is not connected, when it failed rather than left
};

class ScannerService final : public UsbListener {
public:
    ScannerService(ScannerOptions options, EventQueue<ScannerEvent>& events);
    ~ScannerService() override;
    ScannerService(const ScannerService&) = delete;
    ScannerService& operator=(const ScannerService&) = delete;

    // Any thread.
    [[nodiscard]] std::vector<ScannerState> states() const;
    [[nodiscard]] int connected_count() const;

    // UsbListener: the USB thread only.
    void device_arrived(libusb_device* device) override;
    void device_left(libusb_device* device) override;
    void service() override;
    void begin_stop() override;
    [[nodiscard]] bool stopped() const override;

    struct Device;  // an opened scanner (scanner_device.cpp)

private:
    static void transfer_done(libusb_transfer* transfer);
    void on_report(Device& device, const uint8_t* data, int length);
    void on_timeout(Device& device);
    void start_closing(Device& device, const std::string& why);
    void close(Device& device);
    void publish_state(const Device& device, bool connected, const std::string& error);
    void log(const std::string& line) const;

    ScannerOptions options_;
    EventQueue<ScannerEvent>& events_;
    std::vector<std::unique_ptr<Device>> devices_;  // USB thread only
    bool stopping_ = false;

    mutable std::mutex state_mutex_;
    std::vector<ScannerState> states_;  // guarded by state_mutex_
};

}  // namespace pos::drivers::usb
