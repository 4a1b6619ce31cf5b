// GET_DEVICE_ID over real libusb on a virtual Epson TM-T88V: the transport reads who the printer
// says it is, and `posctl devices list` shows its maker and model.
#include <doctest/doctest.h>

#include <cstdlib>

#include "drivers/printer/usb_transport.hpp"
#include "tests/drivers/printer/usb/virtual_printer.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::drivers::printer;
using pos::test::VirtualPrinter;

TEST_CASE("usb device id: the transport asks GET_DEVICE_ID on the printer interface when it opens") {
    VirtualPrinter printer(pos::test::epson_tmt88v());
    auto profiles = load_profiles(POS_SOURCE_DIR "/assets/printers");
    REQUIRE(profiles);
    auto transport = UsbTransport::open_first(*profiles, 80);
    REQUIRE_MESSAGE(transport, (transport ? "" : transport.error().message));
    CHECK((*transport)->profile().id == "epson-tm-t88v");
    REQUIRE((*transport)->device_id().has_value());
    CHECK((*transport)->device_id()->manufacturer == "EPSON");
    CHECK((*transport)->device_id()->model == "TM-T88V-JPN");
    CHECK((*transport)->device_id()->command_set == "ESC/POS");
    CHECK(printer.device_id_index() == 0x0000);  // interface 0 in the high byte, alternate setting 0 in the low
    auto again = (*transport)->read_device_id();
    REQUIRE(again);
    CHECK(again->description == "EPSON TM-T88V");
    CHECK(printer.device_id_requests() == 2);
}

TEST_CASE("usb device id: a printer that stalls the request still opens and prints") {
    VirtualPrinter printer(pos::test::winbond_pos58());
    auto transport = UsbTransport::open_first({}, 58);
    REQUIRE(transport);
    CHECK_FALSE((*transport)->device_id().has_value());
    auto asked = (*transport)->read_device_id();
    REQUIRE_FALSE(asked);
    CHECK(asked.error().code == pos::drivers::usb::UsbErrorCode::pipe);
    CHECK((*transport)->write(std::vector<uint8_t>{0x1B, 0x40}));
    CHECK(printer.received() == std::vector<uint8_t>{0x1B, 0x40});
}

TEST_CASE("usb device id: posctl devices list shows the printer's maker and model") {
    VirtualPrinter printer(pos::test::epson_tmt88v());
    setenv("LD_PRELOAD", "libumockdev-preload.so.0", 1);  // the child sees this testbed
    pos::testing::TempDir dir;
    auto result = pos::testing::run({POS_POSCTL, "--data", dir.file("lane"), "devices", "list"}, dir.path());
    unsetenv("LD_PRELOAD");
    CHECK(result.exit_code == 0);
    CHECK(result.out ==
          "VID:PID    KIND                INTERFACE  STATE\n"
          "04b8:0e02  printer             0          ready; EPSON TM-T88V-JPN\n");
}
