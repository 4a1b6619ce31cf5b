// IEEE 1284 device ID: parser and the class request.
#include "drivers/usb/ieee1284.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <libusb.h>

namespace pos::drivers::usb {
namespace {

constexpr uint8_t get_device_id = 0;          // USB Printer Class 1.1 §4.2.1
constexpr uint8_t class_interface_in = 0xA1;  // device-to-host, class, interface
constexpr size_t max_id_length = 1023;

std::string trimmed(std::string text) {
    auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
    text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
    return text;
}

}  // namespace

std::string Ieee1284Id::name() const {
    if (manufacturer.empty()) return model;
    if (model.empty()) return manufacturer;
    // Some models repeat the maker ("EPSON TM-T20" under MFG:EPSON).
    if (model.size() >= manufacturer.size() &&
        std::equal(manufacturer.begin(), manufacturer.end(), model.begin(),
                   [](char a, char b) { return std::toupper(a) == std::toupper(b); })) {
        return model;
    }
    return manufacturer + " " + model;
}

support::Expected<Ieee1284Id, std::string> parse_ieee1284_id(std::span<const uint8_t> reply) {
    if (reply.size() < 2) return std::string("device ID reply shorter than its 2-byte length");
    size_t length = (static_cast<size_t>(reply[0]) << 8) | reply[1];
    if (length < 2 || length > reply.size()) {
        size_t swapped = (static_cast<size_t>(reply[1]) << 8) | reply[0];
        if (swapped >= 2 && swapped <= reply.size())
            length = swapped;
        else
            length = reply.size();  // trust what arrived rather than a wrong length
    }
    std::string text(reply.begin() + 2, reply.begin() + static_cast<std::ptrdiff_t>(length));
    text.erase(std::find(text.begin(), text.end(), '\0'), text.end());
    Ieee1284Id id;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        std::string pair = text.substr(start, end - start);
        start = end + 1;
        size_t colon = pair.find(':');
        if (colon == std::string::npos) continue;
        std::string key = trimmed(pair.substr(0, colon));
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        if (key.empty()) continue;
        id.fields[key] = trimmed(pair.substr(colon + 1));
    }
    if (id.fields.empty()) return std::string("device ID has no KEY:value; pairs");
    auto first = [&](std::initializer_list<const char*> keys) {
        for (const char* key : keys)
            if (auto it = id.fields.find(key); it != id.fields.end()) return it->second;
        return std::string();
    };
    id.manufacturer = first({"MFG", "MANUFACTURER"});
    id.model = first({"MDL", "MODEL"});
    id.command_set = first({"CMD", "COMMAND SET"});
    id.description = first({"DES", "DESCRIPTION"});
    return id;
}

UsbResult<Ieee1284Id> read_device_id(libusb_device_handle* handle, uint8_t interface, uint8_t alt_setting) {
    std::vector<uint8_t> buffer(max_id_length);
    // wValue: configuration index (0, the first); wIndex: interface in the high byte, alternate
    // setting in the low byte (§4.2.1).
    int rc = libusb_control_transfer(handle, class_interface_in, get_device_id, 0,
                                     static_cast<uint16_t>((interface << 8) | alt_setting), buffer.data(),
                                     static_cast<uint16_t>(buffer.size()), 1000);
    if (rc < 0) return usb_error(rc, "asking the printer for its IEEE 1284 device ID");
    buffer.resize(static_cast<size_t>(rc));
    auto id = parse_ieee1284_id(buffer);
    if (!id) return UsbError{UsbErrorCode::io, "the printer's device ID cannot be read: " + id.error()};
    return *id;
}

}  // namespace pos::drivers::usb
