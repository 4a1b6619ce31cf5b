// The one place libusb's error codes become words (docs/style.md rule 5).
#include "drivers/usb/usb_error.hpp"

#include <libusb.h>

namespace pos::drivers::usb {

UsbError usb_error(int libusb_error, std::string_view doing) {
    auto made = [&](UsbErrorCode code, std::string_view what) {
        return UsbError{code, std::string(doing) + ": " + std::string(what)};
    };
    switch (libusb_error) {
        case LIBUSB_ERROR_IO:
            return made(UsbErrorCode::io, "input/output error on the USB bus; check the cable and the port");
        case LIBUSB_ERROR_INVALID_PARAM:
            return made(UsbErrorCode::invalid_param, "invalid parameter (a bug in this program)");
        case LIBUSB_ERROR_ACCESS:
            return made(UsbErrorCode::access,
                        "permission denied; install assets/udev/70-pos-devices.rules (see docs/devices.md) and replug "
                        "the device");
        case LIBUSB_ERROR_NO_DEVICE: return made(UsbErrorCode::no_device, "the device is unplugged");
        case LIBUSB_ERROR_NOT_FOUND: return made(UsbErrorCode::not_found, "no such interface, endpoint or driver");
        case LIBUSB_ERROR_BUSY:
            return made(UsbErrorCode::busy,
                        "the device is in use by another program; close it (another pos or posctl?)");
        case LIBUSB_ERROR_TIMEOUT: return made(UsbErrorCode::timeout, "the device did not answer in time");
        case LIBUSB_ERROR_OVERFLOW: return made(UsbErrorCode::overflow, "the device sent more data than expected");
        case LIBUSB_ERROR_PIPE: return made(UsbErrorCode::pipe, "the device refused the request (endpoint stalled)");
        case LIBUSB_ERROR_INTERRUPTED: return made(UsbErrorCode::interrupted, "cancelled");
        case LIBUSB_ERROR_NO_MEM: return made(UsbErrorCode::no_mem, "out of memory");
        case LIBUSB_ERROR_NOT_SUPPORTED: return made(UsbErrorCode::not_supported, "not supported on this system");
        default: return made(UsbErrorCode::other, "libusb error " + std::to_string(libusb_error));
    }
}

int transfer_status_error(int libusb_transfer_status) {
    switch (libusb_transfer_status) {
        case LIBUSB_TRANSFER_COMPLETED: return 0;
        case LIBUSB_TRANSFER_TIMED_OUT: return LIBUSB_ERROR_TIMEOUT;
        case LIBUSB_TRANSFER_CANCELLED: return LIBUSB_ERROR_INTERRUPTED;
        case LIBUSB_TRANSFER_STALL: return LIBUSB_ERROR_PIPE;
        case LIBUSB_TRANSFER_NO_DEVICE: return LIBUSB_ERROR_NO_DEVICE;
        case LIBUSB_TRANSFER_OVERFLOW: return LIBUSB_ERROR_OVERFLOW;
        case LIBUSB_TRANSFER_ERROR: return LIBUSB_ERROR_IO;
        default: return LIBUSB_ERROR_OTHER;
    }
}

std::string_view code_name(UsbErrorCode code) {
    switch (code) {
        case UsbErrorCode::io: return "io";
        case UsbErrorCode::invalid_param: return "invalid_param";
        case UsbErrorCode::access: return "access";
        case UsbErrorCode::no_device: return "no_device";
        case UsbErrorCode::not_found: return "not_found";
        case UsbErrorCode::busy: return "busy";
        case UsbErrorCode::timeout: return "timeout";
        case UsbErrorCode::overflow: return "overflow";
        case UsbErrorCode::pipe: return "pipe";
        case UsbErrorCode::interrupted: return "interrupted";
        case UsbErrorCode::no_mem: return "no_mem";
        case UsbErrorCode::not_supported: return "not_supported";
        case UsbErrorCode::other: return "other";
    }
    return "other";
}

}  // namespace pos::drivers::usb
