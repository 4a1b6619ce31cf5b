// The receipt printer followed through the shared USB context's hotplug (drivers/usb
// UsbContext, as the scanners are): arrival and departure are known when they happen, so the
// print worker opens the printer when it is plugged in instead of searching the bus on every
// retry, and an unplug is shown at once as "printer disconnected".
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "drivers/printer/profile.hpp"
#include "drivers/printer/transport.hpp"
#include "drivers/usb/usb_context.hpp"

namespace pos::drivers::printer {

// The words the status bar's detail line shows (English, like every driver reason).
inline constexpr const char* printer_disconnected = "printer disconnected";

class PrinterWatch final : public usb::UsbListener {
public:
    // `profiles` name the preferred printers by VID:PID; any printer-class device is taken
    // when none of those is plugged in.
    PrinterWatch(std::vector<PrinterProfile> profiles, int paper_mm);
    ~PrinterWatch() override;
    PrinterWatch(const PrinterWatch&) = delete;
    PrinterWatch& operator=(const PrinterWatch&) = delete;

    // Called on the USB thread with true when a printer arrives, false when it leaves. Setting
    // it (to nothing, before its target goes) waits for a call in progress to end.
    void set_on_change(std::function<void(bool present)> on_change);

    // Any thread: opens the printer that is plugged in now; not_found saying "printer
    // disconnected" (it was there) or that none was found (never seen) otherwise.
    [[nodiscard]] UsbResult<std::unique_ptr<Transport>> open();
    [[nodiscard]] bool present() const;

    // UsbListener (the USB thread).
    void device_arrived(libusb_device* device) override;
    void device_left(libusb_device* device) override;
    void service() override {}
    void begin_stop() override;  // lets the device go while its libusb context is still there
    [[nodiscard]] bool stopped() const override { return true; }  // nothing of its own is open

private:
    [[nodiscard]] bool preferred(libusb_device* device) const;
    void notify(bool present);

    std::vector<PrinterProfile> profiles_;
    int paper_mm_;
    mutable std::mutex mutex_;
    libusb_device* device_ = nullptr;  // referenced while plugged in
    bool seen_ = false;
    std::mutex callback_mutex_;  // held while on_change_ runs or is replaced
    std::function<void(bool)> on_change_;
};

}  // namespace pos::drivers::printer
