// Tests of device matching on the fixtures' real interface layouts.
#include "drivers/usb/device_match.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace usb = pos::drivers::usb;
using usb::DeviceInfo;
using usb::DeviceKind;
using usb::InterfaceInfo;
using usb::VidPid;

namespace {

// tests/fixtures/usb/honeywell-hidpos-0901-composite.txt: keyboard on 0, HID POS on 1.
DeviceInfo honeywell_0901() {
    return DeviceInfo{{0x0C2E, 0x0901},
                      1,
                      7,
                      {InterfaceInfo{0, 3, 1, 1, {{0x84, 0x03, 64}, {0x05, 0x03, 64}}},
                       InterfaceInfo{1, 3, 0, 0, {{0x82, 0x03, 64}, {0x07, 0x03, 64}}}}};
}

// tests/fixtures/usb/symbol-ds6708-hidkbd.txt (endpoint not published: a usual 0x81).
DeviceInfo symbol_keyboard() {
    return DeviceInfo{{0x05E0, 0x1200}, 1, 4, {InterfaceInfo{0, 3, 1, 1, {{0x81, 0x03, 8}}}}};
}

// tests/fixtures/usb/epson-tmt20-printerclass.txt: bulk OUT 0x01, bulk IN 0x82.
DeviceInfo epson_tmt20() {
    return DeviceInfo{{0x04B8, 0x0E03}, 1, 5, {InterfaceInfo{0, 7, 1, 2, {{0x01, 0x02, 64}, {0x82, 0x02, 64}}}}};
}

}  // namespace

TEST_CASE("device_match: VID:PID text") {
    CHECK(usb::parse_vid_pid("0c2e:0967") == VidPid{0x0C2E, 0x0967});
    CHECK(usb::parse_vid_pid("05E0:1200") == VidPid{0x05E0, 0x1200});
    for (const char* bad : {"", "0c2e", "0c2e:967", "0c2e:09677", "0c2e-0967", "0x0c:0967", "0c2e:09g7", ":0967"}) {
        CAPTURE(bad);
        CHECK_FALSE(usb::parse_vid_pid(bad));
    }
    CHECK(usb::to_string(VidPid{0x0C2E, 0x0967}) == "0c2e:0967");
    CHECK(usb::to_string(VidPid{0x0001, 0xFFFF}) == "0001:ffff");
}

TEST_CASE("device_match: the composite Honeywell is read on its HID POS interface 1") {
    std::vector<VidPid> list{{0x0C2E, 0x0901}};
    auto match = usb::match_scanner(honeywell_0901(), list);
    REQUIRE(match);
    CHECK(match->interface == 1);
    CHECK(match->kind == DeviceKind::scanner_hid_pos);
    CHECK(match->endpoint.address == 0x82);  // not 0x81, not the OUT endpoint 0x07
}

TEST_CASE("device_match: a listed boot keyboard is a keyboard-mode scanner") {
    std::vector<VidPid> list{{0x05E0, 0x1200}};
    auto match = usb::match_scanner(symbol_keyboard(), list);
    REQUIRE(match);
    CHECK(match->interface == 0);
    CHECK(match->kind == DeviceKind::scanner_keyboard);
    CHECK(match->endpoint.max_packet == 8);
}

TEST_CASE("device_match: unlisted devices and interfaces without interrupt IN are not claimed") {
    std::vector<VidPid> list{{0x0C2E, 0x0967}};
    CHECK_FALSE(usb::match_scanner(symbol_keyboard(), list));  // a keyboard stays a keyboard wedge
    CHECK_FALSE(usb::match_scanner(epson_tmt20(), std::vector<VidPid>{{0x04B8, 0x0E03}}));  // no HID interface
    DeviceInfo out_only{{0x0C2E, 0x0967}, 1, 2, {InterfaceInfo{0, 3, 0, 0, {{0x07, 0x03, 64}}}}};
    CHECK_FALSE(usb::match_scanner(out_only, list));
    DeviceInfo bulk_in{{0x0C2E, 0x0967}, 1, 2, {InterfaceInfo{0, 3, 0, 0, {{0x82, 0x02, 64}}}}};
    CHECK_FALSE(usb::match_scanner(bulk_in, list));
}

TEST_CASE("device_match: classify for devices list") {
    CHECK(usb::classify(epson_tmt20().interfaces[0], false) == DeviceKind::printer);
    CHECK(usb::classify(symbol_keyboard().interfaces[0], false) == DeviceKind::keyboard);
    CHECK(usb::classify(symbol_keyboard().interfaces[0], true) == DeviceKind::scanner_keyboard);
    CHECK(usb::classify(honeywell_0901().interfaces[1], true) == DeviceKind::scanner_hid_pos);
    CHECK(usb::classify(honeywell_0901().interfaces[1], false) == DeviceKind::other);
    CHECK(usb::kind_name(DeviceKind::scanner_hid_pos) == "scanner (HID POS)");
}
