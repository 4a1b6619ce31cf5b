// The serial transport on real pseudo-terminals: the test holds the device's end (the pty
// master) and checks the exact bytes the lane wrote, answers as the device, and hangs up.
#include <doctest/doctest.h>

#include "drivers/serial/serial_port.hpp"
#include "tests/support/bytes.hpp"
#include "tests/support/pty_device.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::drivers::serial;
using namespace std::chrono_literals;
using pos::testing::bytes;

TEST_CASE("serial_port: line settings as a technician writes them") {
    auto plain = parse_line_settings("2400");
    REQUIRE(plain);
    CHECK(plain->baud == 2400);
    CHECK(plain->data_bits == 8);
    CHECK(plain->parity == Parity::none);
    auto toledo = parse_line_settings("9600 7E1");
    REQUIRE(toledo);
    CHECK(toledo->data_bits == 7);
    CHECK(toledo->parity == Parity::even);
    CHECK(toledo->stop_bits == 1);
    CHECK(parse_line_settings("4800 8O2")->parity == Parity::odd);
    auto bad = parse_line_settings("9601");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message ==
          "serial settings \"9601\": write the baud rate and, if not 8N1, the frame, e.g. \"9600 7E1\" or \"2400\"");
    CHECK_FALSE(parse_line_settings("9600 9N1"));
    CHECK_FALSE(parse_line_settings("9600 8X1"));
}

TEST_CASE("serial_port: bytes written reach the device exactly, and its answer is read back") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice device(dir.file("scale"));
    auto port = SerialPort::open(device.path(), {9600, 7, Parity::even, 1});
    REQUIRE(port);
    REQUIRE(port->write(bytes("W"), 1000ms));
    CHECK(device.received(1) == "W");
    device.send(
        "\x02"
        "01.234\r");
    std::string answer;
    while (answer.size() < 8) {
        auto got = port->read(64, 5000ms);
        REQUIRE(got);
        REQUIRE_FALSE(got->empty());
        answer.append(got->begin(), got->end());
    }
    CHECK(answer ==
          "\x02"
          "01.234\r");
}

TEST_CASE("serial_port: a silent device gives an empty read, not a hang") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice device(dir.file("display"));
    auto port = SerialPort::open(device.path(), {});
    REQUIRE(port);
    auto got = port->read(16, 20ms);
    REQUIRE(got);
    CHECK(got->empty());
}

TEST_CASE("serial_port: a missing port and a device that hangs up are named") {
    auto missing = SerialPort::open("/dev/ttyUSB-not-there", {});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == SerialErrorCode::not_found);
    CHECK(missing.error().message.find("/dev/ttyUSB-not-there") != std::string::npos);

    pos::testing::TempDir dir;
    pos::testing::PtyDevice device(dir.file("display"));
    auto port = SerialPort::open(device.path(), {});
    REQUIRE(port);
    CHECK(port->check());  // plugged in: nothing to say
    device.unplug();
    // A port only written to learns of the unplug without writing: the line hung up.
    auto checked = port->check();
    REQUIRE_FALSE(checked);
    CHECK(checked.error().code == SerialErrorCode::disconnected);
    CHECK(checked.error().message.find("unplugged or switched off") != std::string::npos);
    auto read = port->read(16, 1000ms);
    REQUIRE_FALSE(read);
    CHECK(read.error().code == SerialErrorCode::disconnected);
}
