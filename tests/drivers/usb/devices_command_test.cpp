// posctl devices list and watch against a virtual scanner: the child process sees this
// process's umockdev testbed through the preload library and UMOCKDEV_DIR.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "tests/drivers/usb/virtual_usb.hpp"
#include "tests/support/child_output.hpp"
#include "tests/support/hid_reports.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;

namespace {

// The children load the preload library by name; this process already has it linked in.
void preload_umockdev_in_children() { setenv("LD_PRELOAD", "libumockdev-preload.so.0", 1); }

}  // namespace

TEST_CASE("posctl devices: list shows the scanner, its decoder's interface and state") {
    pos::test::VirtualUsb usb;
    usb.add(pos::test::honeywell_0901_composite());
    usb.add(pos::test::symbol_ds6708_keyboard());
    preload_umockdev_in_children();
    pos::testing::TempDir dir;
    auto result = pos::testing::run(
        {POS_POSCTL, "--data", dir.file("lane"), "devices", "list", "--scanner", "0c2e:0901", "--scanner", "0c2e:0967"},
        dir.path());
    CHECK(result.exit_code == 0);
    CHECK(result.out ==
          "VID:PID    KIND                INTERFACE  STATE\n"
          "0c2e:0901  scanner (HID POS)   1          ready\n"
          "05e0:1200  keyboard            0          ready; not in [devices] scanners\n"
          "0c2e:0967  scanner             -          not plugged in\n");

    auto bad =
        pos::testing::run({POS_POSCTL, "--data", dir.file("lane"), "devices", "list", "--scanner", "0c2e"}, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "posctl: --scanner 0c2e: expected VID:PID like 0c2e:0967\n");
}

TEST_CASE("posctl devices: watch prints the connection and a scan read through the barcode engine") {
    pos::test::VirtualUsb usb;
    pos::test::VirtualDevice& scanner = usb.add(pos::test::honeywell_n5600());
    preload_umockdev_in_children();
    pos::testing::TempDir dir;
    // Stopped with Ctrl+C (SIGINT) once the scan is printed; --seconds only ends a run that fails.
    pos::testing::ChildOutput watch(
        {POS_POSCTL, "--data", dir.file("lane"), "devices", "watch", "--scanner", "0c2e:0967", "--seconds", "60"},
        dir.file("watch.err"));
    pos::testing::KillOnExit stop_watching{watch.pid()};
    auto printed = [](const char* part) {
        return [part](const std::string& out) { return out.find(part) != std::string::npos; };
    };
    REQUIRE(watch.wait_until("the connected line", printed("\nconnected ")));
    scanner.send(pos::test::hid_pos_reports("]E0", "6901234567892"));
    REQUIRE(watch.wait_until("the scan line", printed("\nscan ")));
    kill(watch.pid(), SIGINT);
    CHECK(pos::testing::wait_exit_code(stop_watching.release()) == 0);
    REQUIRE(watch.wait_closed());
    CHECK(watch.text() ==
          "watching; scan a code (Ctrl+C to stop)\n"
          "connected     0c2e:0967 (bus 1 device 2, interface 0) scanner (HID POS)\n"
          "scan          ]E0 6901234567892 -> ean13 06901234567892\n"
          "disconnected  0c2e:0967 (bus 1 device 2, interface 0): the lane is stopping\n");
}
