// USB printer class (7/1/x) transport over libusb's synchronous API, used from the printer
// worker thread: bulk OUT in chunks, DLE EOT replies on bulk IN, GET_PORT_STATUS on EP0.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "drivers/printer/profile.hpp"
#include "drivers/printer/transport.hpp"
#include "drivers/usb/ieee1284.hpp"

struct libusb_context;
struct libusb_device;
struct libusb_device_handle;

namespace pos::drivers::printer {

class UsbTransport final : public Transport {
public:
    // Opens the first printer-class interface found (a listed VID:PID first), with a libusb
    // context of its own. Endpoints come from the descriptors, never assumed (Winbond OUT
    // 0x03, Xprinter OUT listed first, Gprinter IN 0x84). SET_INTERFACE and CLEAR_HALT are
    // never sent: the Winbond bridge locks up on them.
    [[nodiscard]] static UsbResult<std::unique_ptr<UsbTransport>> open_first(
        const std::vector<PrinterProfile>& profiles, int paper_mm);
    // Opens this device's printer interface, on the libusb context the device belongs to (the
    // shared one of drivers/usb, for printers that arrive by hotplug).
    [[nodiscard]] static UsbResult<std::unique_ptr<UsbTransport>> open_device(
        libusb_device* device, const std::vector<PrinterProfile>& profiles, int paper_mm);
    // The device has a printer-class interface with a bulk OUT endpoint.
    [[nodiscard]] static bool is_printer(libusb_device* device);
    ~UsbTransport() override;
    UsbTransport(const UsbTransport&) = delete;
    UsbTransport& operator=(const UsbTransport&) = delete;

    UsbResult<support::Done> write(std::span<const uint8_t> bytes) override;
    UsbResult<std::vector<uint8_t>> read(size_t max, std::chrono::milliseconds timeout) override;
    UsbResult<std::optional<uint8_t>> port_status() override;

    [[nodiscard]] const PrinterProfile& profile() const { return profile_; }
    [[nodiscard]] UsbId id() const { return id_; }
    // The IEEE 1284 device ID read when the printer was opened; nullopt when it gave none
    // (the request stalled, or a vendor-class bridge). Asked again with read_device_id().
    [[nodiscard]] const std::optional<usb::Ieee1284Id>& device_id() const { return device_id_; }
    [[nodiscard]] UsbResult<usb::Ieee1284Id> read_device_id();

private:
    UsbTransport() = default;
    libusb_context* context_ = nullptr;  // owned (open_first) or null (open_device: the device's)
    libusb_device_handle* handle_ = nullptr;
    int interface_ = 0;
    uint8_t alt_setting_ = 0;
    std::optional<usb::Ieee1284Id> device_id_;
    uint8_t out_endpoint_ = 0;
    uint8_t in_endpoint_ = 0;  // 0: unidirectional printer
    UsbId id_;
    PrinterProfile profile_;
    std::chrono::milliseconds write_timeout_{5000};
};

}  // namespace pos::drivers::printer
