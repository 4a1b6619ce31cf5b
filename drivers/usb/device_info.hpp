// Reads a USB device's identity and interfaces from its descriptors (no I/O to the device:
// libusb serves them from what the kernel cached at enumeration).
#pragma once

#include <string>
#include <vector>

#include "drivers/usb/device_match.hpp"
#include "drivers/usb/usb_error.hpp"

struct libusb_context;
struct libusb_device;

namespace pos::drivers::usb {

[[nodiscard]] UsbResult<DeviceInfo> read_device_info(libusb_device* device);

// A device as `posctl devices list` shows it.
struct ListedDevice {
    DeviceInfo info;
    std::string state;  // "ready", "kernel driver on interface 0 (detached while in use)", or why it cannot be opened
    std::string printer_id;  // a printer's IEEE 1284 maker and model ("EPSON TM-T88V-JPN"), when it told
};

// Every device on the system. Devices with a HID or printer interface are opened briefly to
// tell whether this user may use them; printers are asked their IEEE 1284 device ID. Opens a libusb context of its own.
[[nodiscard]] UsbResult<std::vector<ListedDevice>> list_devices();

}  // namespace pos::drivers::usb
