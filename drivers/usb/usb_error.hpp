// USB failures as one closed enum with messages a technician can act on. Every libusb error
// code and transfer status is mapped in usb_error.cpp, in one switch.
#pragma once

#include <string>
#include <string_view>

#include "support/expected.hpp"

namespace pos::drivers::usb {

enum class UsbErrorCode {
    io,             // the USB bus refused the request
    invalid_param,  // a programmer bug: wrong endpoint, wrong length
    access,         // no permission to the device node (the udev rule is missing)
    no_device,      // unplugged
    not_found,      // no such interface, endpoint or kernel driver
    busy,           // another program or driver holds the interface
    timeout,        // the device did not answer in time
    overflow,       // the device sent more than asked for
    pipe,           // the endpoint stalled
    interrupted,    // the call or transfer was cancelled
    no_mem,
    not_supported,  // the platform lacks it (hotplug, kernel driver detach)
    other,
};

struct UsbError {
    UsbErrorCode code = UsbErrorCode::other;
    std::string message;  // what failed and what to do about it
};

template <typename T>
using UsbResult = support::Expected<T, UsbError>;

// A libusb error code (LIBUSB_ERROR_*, negative) from the call described by `doing`
// ("opening 0c2e:0967"), as a UsbError whose message says what to do.
[[nodiscard]] UsbError usb_error(int libusb_error, std::string_view doing);

// A finished transfer's status (LIBUSB_TRANSFER_*) as the libusb error code it amounts to
// (0 for COMPLETED), so that transfers share the one mapping above.
[[nodiscard]] int transfer_status_error(int libusb_transfer_status);

[[nodiscard]] std::string_view code_name(UsbErrorCode code);  // "access", "no_device", ...

}  // namespace pos::drivers::usb
