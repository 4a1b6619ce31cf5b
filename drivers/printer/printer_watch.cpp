// Hotplug-driven printer presence: see printer_watch.hpp.
#include "drivers/printer/printer_watch.hpp"

#include <libusb.h>

#include "drivers/printer/usb_transport.hpp"

namespace pos::drivers::printer {

PrinterWatch::PrinterWatch(std::vector<PrinterProfile> profiles, int paper_mm)
    : profiles_(std::move(profiles)), paper_mm_(paper_mm) {}

PrinterWatch::~PrinterWatch() {
    std::lock_guard lock(mutex_);
    if (device_ != nullptr) libusb_unref_device(device_);
}

void PrinterWatch::begin_stop() {
    std::lock_guard lock(mutex_);
    if (device_ != nullptr) libusb_unref_device(device_);
    device_ = nullptr;
}

void PrinterWatch::set_on_change(std::function<void(bool)> on_change) {
    std::lock_guard lock(callback_mutex_);
    on_change_ = std::move(on_change);
}

void PrinterWatch::notify(bool present) {
    std::lock_guard lock(callback_mutex_);
    if (on_change_) on_change_(present);
}

bool PrinterWatch::present() const {
    std::lock_guard lock(mutex_);
    return device_ != nullptr;
}

bool PrinterWatch::preferred(libusb_device* device) const {
    libusb_device_descriptor descriptor{};
    libusb_get_device_descriptor(device, &descriptor);
    return !match_profile(profiles_, {descriptor.idVendor, descriptor.idProduct}, paper_mm_).usb.empty();
}

UsbResult<std::unique_ptr<Transport>> PrinterWatch::open() {
    libusb_device* device = nullptr;
    bool seen = false;
    {
        std::lock_guard lock(mutex_);
        if (device_ != nullptr) device = libusb_ref_device(device_);  // kept alive while opening
        seen = seen_;
    }
    if (device == nullptr) {
        if (seen) return UsbError{UsbErrorCode::no_device, printer_disconnected};
        return UsbError{UsbErrorCode::not_found,
                        "no USB receipt printer found; check the cable and the printer's power"};
    }
    auto opened = UsbTransport::open_device(device, profiles_, paper_mm_);
    libusb_unref_device(device);
    if (!opened) return opened.error();
    return std::unique_ptr<Transport>(std::move(*opened));
}

void PrinterWatch::device_arrived(libusb_device* device) {
    if (!UsbTransport::is_printer(device)) return;
    {
        std::lock_guard lock(mutex_);
        // A second printer replaces the first only when it is the configured one.
        if (device_ != nullptr && (preferred(device_) || !preferred(device))) return;
        if (device_ != nullptr) libusb_unref_device(device_);
        device_ = libusb_ref_device(device);
        seen_ = true;
    }
    notify(true);
}

void PrinterWatch::device_left(libusb_device* device) {
    {
        std::lock_guard lock(mutex_);
        if (device != device_) return;
        libusb_unref_device(device_);
        device_ = nullptr;
    }
    notify(false);
}

}  // namespace pos::drivers::printer
