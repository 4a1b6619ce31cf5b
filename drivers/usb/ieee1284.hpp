// The IEEE 1284 device ID a USB printer returns to the printer class GET_DEVICE_ID request
// (USB Printer Class 1.1 §4.2.1): "MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V;..." after a length.
// Parsing is pure; the request itself is read_device_id (libusb, in the .cpp).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>

#include "drivers/usb/usb_error.hpp"
#include "support/expected.hpp"

struct libusb_device_handle;

namespace pos::drivers::usb {

struct Ieee1284Id {
    std::string manufacturer;                   // MFG or MANUFACTURER
    std::string model;                          // MDL or MODEL
    std::string command_set;                    // CMD or COMMAND SET
    std::string description;                    // DES or DESCRIPTION
    std::map<std::string, std::string> fields;  // every key as sent
    // "EPSON TM-T88V-JPN": the manufacturer and model, for people.
    [[nodiscard]] std::string name() const;
};

// The reply with its 2-byte length (big-endian per the spec, counting itself; a few printers
// send it little-endian, as CUPS' usb backend also allows). Keys are case-insensitive and
// kept upper-case; values are trimmed. An error says what is wrong with the reply.
[[nodiscard]] support::Expected<Ieee1284Id, std::string> parse_ieee1284_id(std::span<const uint8_t> reply);

// GET_DEVICE_ID (bmRequestType 0xA1, bRequest 0) on the printer interface of an open device;
// blocks at most a second.
[[nodiscard]] UsbResult<Ieee1284Id> read_device_id(libusb_device_handle* handle, uint8_t interface,
                                                   uint8_t alt_setting);

}  // namespace pos::drivers::usb
