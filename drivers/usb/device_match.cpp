// Device matching: see device_match.hpp.
#include "drivers/usb/device_match.hpp"

#include <algorithm>
#include <cstdio>

namespace pos::drivers::usb {
namespace {

constexpr uint8_t transfer_type_interrupt = 3;

std::optional<uint16_t> parse_hex16(std::string_view text) {
    if (text.size() != 4) return std::nullopt;
    uint16_t value = 0;
    for (char c : text) {
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) return std::nullopt;
        value = static_cast<uint16_t>(value * 16 + digit);
    }
    return value;
}

bool is_hid_pos(const InterfaceInfo& interface) {
    return interface.interface_class == class_hid && interface.subclass == 0 && interface.protocol == 0;
}

bool is_boot_keyboard(const InterfaceInfo& interface) {
    return interface.interface_class == class_hid && interface.subclass == 1 && interface.protocol == 1;
}

}  // namespace

std::optional<VidPid> parse_vid_pid(std::string_view text) {
    size_t colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto vid = parse_hex16(text.substr(0, colon));
    auto pid = parse_hex16(text.substr(colon + 1));
    if (!vid || !pid) return std::nullopt;
    return VidPid{*vid, *pid};
}

std::string to_string(VidPid id) {
    char text[10];
    std::snprintf(text, sizeof text, "%04x:%04x", id.vid, id.pid);
    return text;
}

std::string_view kind_name(DeviceKind kind) {
    switch (kind) {
        case DeviceKind::scanner_keyboard: return "scanner (keyboard)";
        case DeviceKind::scanner_hid_pos: return "scanner (HID POS)";
        case DeviceKind::printer: return "printer";
        case DeviceKind::keyboard: return "keyboard";
        case DeviceKind::other: return "other";
    }
    return "other";
}

std::optional<EndpointInfo> interrupt_in(const InterfaceInfo& interface) {
    for (const EndpointInfo& endpoint : interface.endpoints) {
        if ((endpoint.address & 0x80) && (endpoint.attributes & 0x03) == transfer_type_interrupt &&
            endpoint.max_packet > 0) {
            return endpoint;
        }
    }
    return std::nullopt;
}

std::optional<ScannerMatch> match_scanner(const DeviceInfo& device, std::span<const VidPid> scanners) {
    if (std::find(scanners.begin(), scanners.end(), device.id) == scanners.end()) return std::nullopt;
    std::optional<ScannerMatch> keyboard;
    for (const InterfaceInfo& interface : device.interfaces) {
        auto endpoint = interrupt_in(interface);
        if (!endpoint) continue;
        if (is_hid_pos(interface)) return ScannerMatch{interface.number, DeviceKind::scanner_hid_pos, *endpoint};
        if (is_boot_keyboard(interface) && !keyboard) {
            keyboard = ScannerMatch{interface.number, DeviceKind::scanner_keyboard, *endpoint};
        }
    }
    return keyboard;
}

DeviceKind classify(const InterfaceInfo& interface, bool listed_scanner) {
    if (interface.interface_class == class_printer) return DeviceKind::printer;
    if (is_boot_keyboard(interface)) return listed_scanner ? DeviceKind::scanner_keyboard : DeviceKind::keyboard;
    if (is_hid_pos(interface) && listed_scanner) return DeviceKind::scanner_hid_pos;
    return DeviceKind::other;
}

}  // namespace pos::drivers::usb
