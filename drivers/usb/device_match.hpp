// Which USB devices are ours and how to talk to them, decided from their descriptors alone:
// a VID:PID list from pos.toml picks the scanners, the interface class picks the interface
// and the decoder. Pure: the descriptors are read elsewhere (device_info.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pos::drivers::usb {

struct VidPid {
    uint16_t vid = 0;
    uint16_t pid = 0;
    bool operator==(const VidPid&) const = default;
};

// "0c2e:0967" (four hex digits each side, either case) -> VidPid; nullopt otherwise.
[[nodiscard]] std::optional<VidPid> parse_vid_pid(std::string_view text);
[[nodiscard]] std::string to_string(VidPid id);  // "0c2e:0967"

struct EndpointInfo {
    uint8_t address = 0;     // bit 7 set: IN
    uint8_t attributes = 0;  // bits 0-1: 0 control, 1 isochronous, 2 bulk, 3 interrupt
    uint16_t max_packet = 0;
};

struct InterfaceInfo {
    uint8_t number = 0;
    uint8_t interface_class = 0;
    uint8_t subclass = 0;
    uint8_t protocol = 0;
    std::vector<EndpointInfo> endpoints;
};

struct DeviceInfo {
    VidPid id;
    uint8_t bus = 0;
    uint8_t address = 0;
    std::vector<InterfaceInfo> interfaces;  // of the active configuration, alternate setting 0
};

enum class DeviceKind {
    scanner_keyboard,  // HID boot keyboard (3/1/1): 8-byte key reports
    scanner_hid_pos,   // HID, no boot protocol (3/0/0): HID POS scanned-data reports
    printer,           // printer class (7)
    keyboard,          // a boot keyboard not in the scanner list: left to the desktop
    other,
};

[[nodiscard]] std::string_view kind_name(DeviceKind kind);  // "scanner (keyboard)", ...

inline constexpr uint8_t class_hid = 3;
inline constexpr uint8_t class_printer = 7;

// The first interrupt-IN endpoint of an interface (HID scanners report there).
[[nodiscard]] std::optional<EndpointInfo> interrupt_in(const InterfaceInfo& interface);

// A scanner interface to claim.
struct ScannerMatch {
    uint8_t interface = 0;
    DeviceKind kind = DeviceKind::scanner_keyboard;
    EndpointInfo endpoint;  // interrupt IN
};

// The interface to read when the device is in the scanner list: a HID POS interface when
// there is one (Honeywell "HID POS" firmware also offers a keyboard on interface 0, and the
// scanned data is on interface 1), else a boot keyboard. nullopt for devices not listed: an
// unlisted keyboard, scanner or not, stays with the desktop (keyboard wedge).
[[nodiscard]] std::optional<ScannerMatch> match_scanner(const DeviceInfo& device, std::span<const VidPid> scanners);

// What an interface is, for `posctl devices list`.
[[nodiscard]] DeviceKind classify(const InterfaceInfo& interface, bool listed_scanner);

}  // namespace pos::drivers::usb
