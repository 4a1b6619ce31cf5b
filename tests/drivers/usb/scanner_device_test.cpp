// Tests of the scanner driver on real libusb against virtual USB scanners (umockdev),
// modelled on the fixtures' Symbol, Honeywell and Datalogic devices. Every wait is bounded
// and short: libusb polls a virtual device node busily while a transfer is pending.
#include "drivers/usb/scanner_device.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "drivers/usb/usb_context.hpp"
#include "tests/drivers/usb/virtual_usb.hpp"
#include "tests/support/hid_reports.hpp"

namespace usb = pos::drivers::usb;
using namespace std::chrono_literals;
using pos::test::from_hex;
using pos::test::hid_pos_reports;
using pos::test::keyboard_reports;
using usb::ScannerEvent;
using Type = usb::ScannerEvent::Type;

namespace {

// A lane's USB side: testbed first (libusb must enumerate after it exists), then the
// service and the context; the context stops first, while the service still exists.
class Harness {
    std::mutex log_mutex_;  // first: the log outlives the context, which logs while stopping
    std::vector<std::string> log_;

public:
    pos::test::VirtualUsb usb;
    usb::EventQueue<ScannerEvent> events;

    void start(std::vector<std::string> scanners, std::chrono::milliseconds read_timeout = 1000ms) {
        usb::ScannerOptions options;
        for (const std::string& id : scanners) options.scanners.push_back(*usb::parse_vid_pid(id));
        options.read_timeout = read_timeout;
        options.log = [this](const std::string& line) {
            std::lock_guard lock(log_mutex_);
            log_.push_back(line);
        };
        service = std::make_unique<usb::ScannerService>(options, events);
        auto opened = usb::UsbContext::open();
        REQUIRE(opened.ok());
        context = std::move(*opened);
        auto started = context->start({service.get()});
        REQUIRE(started.ok());
    }

    // The next event of this type, waited for on the queue; events of other types on the way are
    // kept in `seen`. The limit (per event) only ends a test whose event never comes.
    std::optional<ScannerEvent> next(Type type, std::chrono::milliseconds limit = 10s) {
        while (auto event = events.wait_pop(limit)) {
            if (event->type == type) return event;
            seen.push_back(*event);
        }
        return std::nullopt;
    }

    std::vector<std::string> log() {
        std::lock_guard lock(log_mutex_);
        return log_;
    }

    bool logged(const std::string& part) {
        for (const std::string& line : log()) {
            if (line.find(part) != std::string::npos) return true;
        }
        return false;
    }

    std::vector<ScannerEvent> seen;
    std::unique_ptr<usb::ScannerService> service;
    std::unique_ptr<usb::UsbContext> context;  // declared last: destroyed (stopped) first
};

}  // namespace

TEST_CASE("scanner_device: a keyboard scanner sending 6901234567892 and Enter gives exactly one scan") {
    Harness lane;
    pos::test::VirtualDevice& scanner = lane.usb.add(pos::test::symbol_ds6708_keyboard());
    lane.start({"05e0:1200"});
    auto connected = lane.next(Type::connected);
    REQUIRE(connected);
    CHECK(connected->message == "scanner (keyboard)");
    CHECK(connected->device == "05e0:1200 (bus 1 device 2, interface 0)");
    CHECK(scanner.claims() == 1);
    CHECK(lane.service->connected_count() == 1);

    scanner.send(keyboard_reports("6901234567892\r"));
    auto scan = lane.next(Type::scan);
    REQUIRE(scan);
    CHECK(scan->scan.text() == "6901234567892");
    CHECK(scanner.wait_sent());
    // The release after Enter started nothing: the next scan is the next code, nothing before it.
    scanner.send(keyboard_reports("42\r"));
    auto after = lane.next(Type::scan);
    REQUIRE(after);
    CHECK(after->scan.text() == "42");

    lane.context->stop();
    CHECK(scanner.releases() == 1);
    CHECK(lane.service->connected_count() == 0);
}

TEST_CASE("scanner_device: a HID POS scanner's report gives the code with its AIM id") {
    Harness lane;
    pos::test::VirtualDevice& scanner = lane.usb.add(pos::test::honeywell_n5600());
    lane.start({"0c2e:0967"});
    auto connected = lane.next(Type::connected);
    REQUIRE(connected);
    CHECK(connected->message == "scanner (HID POS)");

    scanner.send(hid_pos_reports("]E0", "6901234567892"));
    auto scan = lane.next(Type::scan);
    REQUIRE(scan);
    CHECK(scan->scan.aim == "]E0");
    CHECK(scan->scan.data == "6901234567892");
    CHECK(scan->scan.text() == "]E06901234567892");
}

TEST_CASE("scanner_device: a code split across two HID POS reports on interface 1 of a composite scanner") {
    Harness lane;
    pos::test::VirtualDevice& scanner = lane.usb.add(pos::test::honeywell_0901_composite());
    lane.start({"0c2e:0901"});
    auto connected = lane.next(Type::connected);
    REQUIRE(connected);
    CHECK(connected->device == "0c2e:0901 (bus 1 device 2, interface 1)");  // the POS data, not the keyboard
    CHECK(connected->message == "scanner (HID POS)");

    std::string gs1 =
        "0106901234567892\x1d"
        "10BATCH-2026-11-23-A\x1d"
        "17261231"
        "3103000350\x1d"
        "21SN0000000001";
    auto reports = hid_pos_reports("]C1", gs1);
    REQUIRE(reports.size() == 2);
    scanner.send(reports);
    auto scan = lane.next(Type::scan);
    REQUIRE(scan);
    CHECK(scan->scan.aim == "]C1");
    CHECK(scan->scan.data == gs1);
    // The two reports made one scan: the next scan is the next code, nothing before it.
    scanner.send(hid_pos_reports("]E0", "42"));
    auto after = lane.next(Type::scan);
    REQUIRE(after);
    CHECK(after->scan.text() == "]E042");
}

TEST_CASE("scanner_device: unplugged mid-scan, then plugged in again, it reads the next code whole") {
    Harness lane;
    pos::test::VirtualDevice& scanner = lane.usb.add(pos::test::symbol_ds6708_keyboard());
    lane.start({"05e0:1200"});
    REQUIRE(lane.next(Type::connected));

    scanner.send(keyboard_reports("690123"));  // the cable comes out before the Enter
    REQUIRE(scanner.wait_sent());
    scanner.unplug();
    auto disconnected = lane.next(Type::disconnected);
    REQUIRE(disconnected);
    CHECK(disconnected->message == "unplugged");
    CHECK(lane.service->connected_count() == 0);
    auto states = lane.service->states();
    REQUIRE(states.size() == 1);
    CHECK_FALSE(states[0].connected);
    CHECK(states[0].error.empty());  // unplugged is not a failure
    CHECK(lane.logged("disconnected: unplugged"));

    scanner.plug();
    REQUIRE(lane.next(Type::connected));
    CHECK(lane.service->connected_count() == 1);
    scanner.send(keyboard_reports("6901234567892\r"));
    auto scan = lane.next(Type::scan);
    REQUIRE(scan);
    CHECK(scan->scan.text() == "6901234567892");  // not "6901236901234567892"
    for (const ScannerEvent& event : lane.seen) CHECK(event.type != Type::scan);
}

TEST_CASE("scanner_device: a read timeout drops the unfinished scan and keeps reading") {
    Harness lane;
    pos::test::VirtualDevice& scanner = lane.usb.add(pos::test::symbol_ds6708_keyboard());
    lane.start({"05e0:1200"}, 60ms);
    REQUIRE(lane.next(Type::connected));

    scanner.send(keyboard_reports("6901"));
    REQUIRE(scanner.wait_sent());
    auto problem = lane.next(Type::problem, 1000ms);
    REQUIRE(problem);
    CHECK(problem->message.find("scan not finished within 60 ms; dropped \"6901\"") != std::string::npos);
    CHECK(scanner.discards() >= 1);  // libusb discarded the URB at the timeout
    CHECK(lane.service->connected_count() == 1);

    scanner.send(keyboard_reports("6901234567892\r"));
    auto scan = lane.next(Type::scan);
    REQUIRE(scan);
    CHECK(scan->scan.text() == "6901234567892");
}

TEST_CASE("scanner_device: malformed reports are ignored with a log line, and reading goes on") {
    Harness lane;
    pos::test::VirtualDevice& keyboard = lane.usb.add(pos::test::symbol_ds6708_keyboard());
    pos::test::VirtualDevice& hid_pos = lane.usb.add(pos::test::honeywell_n5600());
    lane.start({"05e0:1200", "0c2e:0967"});
    REQUIRE(lane.next(Type::connected));
    REQUIRE(lane.next(Type::connected));

    keyboard.send({from_hex("00 00 1e 00 00 00 00"),       // 7 bytes
                   from_hex("00 00 3a 00 00 00 00 00")});  // F1: no character
    REQUIRE(keyboard.wait_sent());
    pos::test::Report wrong_id = hid_pos_reports("]E0", "123")[0];
    wrong_id[0] = 0x04;
    hid_pos.send({pos::test::Report(30, 0x02), wrong_id});
    REQUIRE(hid_pos.wait_sent());
    keyboard.send(keyboard_reports("42\r"));
    auto scan = lane.next(Type::scan);
    REQUIRE(scan);
    CHECK(scan->scan.text() == "42");

    CHECK(lane.logged("05e0:1200 (bus 1 device 2, interface 0): report ignored (wrong_length): report of 7 bytes"));
    CHECK(lane.logged("report ignored (unknown_usage): usage 0x3a types nothing in a barcode; ignored"));
    CHECK(lane.logged("0c2e:0967 (bus 1 device 3, interface 0): report ignored (wrong_length): report of 30 bytes"));
    CHECK(lane.logged("report ignored (unknown_report): report id 4 is not scanned data; ignored"));
    CHECK(lane.service->connected_count() == 2);
}

TEST_CASE("scanner_device: a keyboard not in the scanner list is left to the desktop") {
    Harness lane;
    pos::test::VirtualDevice& keyboard = lane.usb.add(pos::test::symbol_ds6708_keyboard());
    lane.usb.add(pos::test::honeywell_n5600());  // the listed scanner, found after the keyboard
    lane.start({"0c2e:0967"});
    auto connected = lane.next(Type::connected);
    REQUIRE(connected);
    CHECK(connected->device == "0c2e:0967 (bus 1 device 3, interface 0)");  // the scanner: the keyboard was passed over
    CHECK(keyboard.claims() == 0);
    CHECK(lane.service->states().size() == 1);
    CHECK(lane.service->connected_count() == 1);
}
