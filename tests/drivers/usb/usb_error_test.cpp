// Tests of the libusb error mapping: every code has a message that names what to do.
#include "drivers/usb/usb_error.hpp"

#include <doctest/doctest.h>

#include <libusb.h>

namespace usb = pos::drivers::usb;
using usb::UsbErrorCode;

TEST_CASE("usb_error: each libusb error code maps to its own code and message") {
    struct Case {
        int libusb;
        UsbErrorCode code;
    };
    const Case cases[] = {
        {LIBUSB_ERROR_IO, UsbErrorCode::io},
        {LIBUSB_ERROR_INVALID_PARAM, UsbErrorCode::invalid_param},
        {LIBUSB_ERROR_ACCESS, UsbErrorCode::access},
        {LIBUSB_ERROR_NO_DEVICE, UsbErrorCode::no_device},
        {LIBUSB_ERROR_NOT_FOUND, UsbErrorCode::not_found},
        {LIBUSB_ERROR_BUSY, UsbErrorCode::busy},
        {LIBUSB_ERROR_TIMEOUT, UsbErrorCode::timeout},
        {LIBUSB_ERROR_OVERFLOW, UsbErrorCode::overflow},
        {LIBUSB_ERROR_PIPE, UsbErrorCode::pipe},
        {LIBUSB_ERROR_INTERRUPTED, UsbErrorCode::interrupted},
        {LIBUSB_ERROR_NO_MEM, UsbErrorCode::no_mem},
        {LIBUSB_ERROR_NOT_SUPPORTED, UsbErrorCode::not_supported},
        {LIBUSB_ERROR_OTHER, UsbErrorCode::other},
    };
    for (const Case& c : cases) {
        CAPTURE(c.libusb);
        usb::UsbError error = usb::usb_error(c.libusb, "opening scanner 0c2e:0967");
        CHECK(error.code == c.code);
        CHECK(error.message.starts_with("opening scanner 0c2e:0967: "));
        CHECK(error.message.size() > 30);
    }
    CHECK(
        usb::usb_error(LIBUSB_ERROR_ACCESS, "opening scanner 05e0:1200").message ==
        "opening scanner 05e0:1200: permission denied; install assets/udev/70-pos-devices.rules (see docs/devices.md) "
        "and replug the device");
    CHECK(usb::usb_error(-77, "x").message == "x: libusb error -77");
}

TEST_CASE("usb_error: transfer statuses share the same mapping") {
    CHECK(usb::transfer_status_error(LIBUSB_TRANSFER_COMPLETED) == 0);
    CHECK(usb::transfer_status_error(LIBUSB_TRANSFER_TIMED_OUT) == LIBUSB_ERROR_TIMEOUT);
    CHECK(usb::transfer_status_error(LIBUSB_TRANSFER_NO_DEVICE) == LIBUSB_ERROR_NO_DEVICE);
    CHECK(usb::transfer_status_error(LIBUSB_TRANSFER_STALL) == LIBUSB_ERROR_PIPE);
    CHECK(usb::transfer_status_error(LIBUSB_TRANSFER_OVERFLOW) == LIBUSB_ERROR_OVERFLOW);
    CHECK(usb::transfer_status_error(LIBUSB_TRANSFER_ERROR) == LIBUSB_ERROR_IO);
    CHECK(usb::transfer_status_error(LIBUSB_TRANSFER_CANCELLED) == LIBUSB_ERROR_INTERRUPTED);
    CHECK(usb::code_name(UsbErrorCode::no_device) == "no_device");
}
