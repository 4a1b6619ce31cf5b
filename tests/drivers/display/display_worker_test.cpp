// The customer display's worker on a pseudo-terminal: the exact bytes the display receives, only
// the newest content, and a display unplugged and plugged in again without the lane waiting.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include "drivers/display/display_worker.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/pty_device.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::drivers::display;
using namespace pos::drivers::serial;
using namespace std::chrono_literals;
using pos::testing::eventually;

namespace {

DisplayWorker::Opener opener(const std::string& path) {
    return [path] { return SerialPort::open(path, {2400, 8, Parity::none, 1}); };
}

}  // namespace

TEST_CASE("display_worker: an LED8 display is initialised, cleared, then shows each update") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice device(dir.file("led8"));
    DisplayWorker worker(opener(device.path()), DisplayModel::led8);
    CHECK(device.received(3) == "\x1B@\x0C");
    worker.show({Lamp::price, 350, {}, {}});
    CHECK(device.received(11) == "\x1Bs1\x1BQA3.50\r");
    worker.show({Lamp::total, 1540, {}, {}});
    CHECK(device.received(12) == "\x1Bs2\x1BQA15.40\r");
    REQUIRE(eventually("two updates counted", [&] { return worker.status().shown == 2; }));
    CHECK(worker.status().connected);
    worker.show({Lamp::total, 1540, {}, {}});  // the same content again: nothing sent
    worker.show({Lamp::change, 3460, {}, {}});
    CHECK(device.received(12) == "\x1Bs4\x1BQA34.60\r");
}

TEST_CASE("display_worker: a VFD shows two lines in GB2312") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice device(dir.file("vfd"));
    DisplayWorker worker(opener(device.path()), DisplayModel::vfd, {},
                         VfdOptions{VfdCommands::cd5220, VfdCharset::gb2312, 20});
    CHECK(device.received(3) == "\x1B@\x0C");
    worker.show({Lamp::off, 0, "合计 TOTAL", "15.40"});
    std::string expected = "\x1BQA\xBA\xCF\xBC\xC6 TOTAL          \r\x1BQB15.40               \r";
    CHECK(device.received(expected.size()) == expected);
}

TEST_CASE("display_worker: unplugged, the lane goes on, plugged in again, it shows the newest content") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice device(dir.file("led8"));
    DisplayWorker worker(opener(device.path()), DisplayModel::led8, {}, {}, 200ms, 50ms);
    CHECK(device.received(3) == "\x1B@\x0C");
    worker.show({Lamp::price, 100, {}, {}});
    CHECK(device.received(11) == "\x1Bs1\x1BQA1.00\r");
    device.unplug();
    worker.show({Lamp::total, 200, {}, {}});  // returns at once, whatever the device does
    worker.show({Lamp::total, 300, {}, {}});
    REQUIRE(eventually("the display reported missing", [&] { return !worker.status().connected; }));
    CHECK(worker.status().problem.find(device.path()) != std::string::npos);
    device.plug_in();
    // Opened again: initialised, cleared, and the newest content (3.00), not the missed 2.00.
    CHECK(device.received(3) == "\x1B@\x0C");
    CHECK(device.received(11) == "\x1Bs2\x1BQA3.00\r");
    REQUIRE(eventually("connected again", [&] { return worker.status().connected; }));
}

TEST_CASE("display_worker: a display unplugged between updates is reported before the next one") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice device(dir.file("led8"));
    DisplayWorker worker(opener(device.path()), DisplayModel::led8, {}, {}, 200ms, 50ms);
    CHECK(device.received(3) == "\x1B@\x0C");
    worker.show({Lamp::change, 460, {}, {}});
    CHECK(device.received(11) == "\x1Bs4\x1BQA4.60\r");
    REQUIRE(eventually("connected", [&] { return worker.status().connected; }));
    device.unplug();  // and nothing more to show: the status bar must not wait for the next sale
    REQUIRE(eventually("the unplug reported", [&] { return !worker.status().connected; }));
    CHECK(worker.status().problem.find(device.path()) != std::string::npos);
    device.plug_in();
    // Back: initialised and shown what the customer should still see.
    CHECK(device.received(3) == "\x1B@\x0C");
    CHECK(device.received(11) == "\x1Bs4\x1BQA4.60\r");
    REQUIRE(eventually("connected again", [&] { return worker.status().connected; }));
}

TEST_CASE("display_worker: no display at the configured port is a status, never a wait") {
    pos::testing::TempDir dir;
    DisplayWorker worker(opener(dir.file("nothing-here")), DisplayModel::led8, {}, {}, 200ms, 50ms);
    worker.show({Lamp::total, 100, {}, {}});
    REQUIRE(eventually("the open failure reported",
                       [&] { return worker.status().problem.find("is the device plugged in?") != std::string::npos; }));
    CHECK_FALSE(worker.status().connected);
}

TEST_CASE("display_worker: a display that stops taking bytes costs the time limit on its own thread, then recovers") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice device(dir.file("led8"));
    DisplayWorker worker(opener(device.path()), DisplayModel::led8, {}, {}, 200ms, 50ms);
    CHECK(device.received(3) == "\x1B@\x0C");
    worker.show({Lamp::price, 100, {}, {}});
    CHECK(device.received(11) == "\x1Bs1\x1BQA1.00\r");
    // The display stops answering (as one that dropped CTS or hung): its terminal's output is
    // suspended, so every write waits. show() still returns at once.
    int terminal = ::open(device.path().c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK);
    REQUIRE(terminal >= 0);
    REQUIRE(tcflow(terminal, TCOOFF) == 0);
    worker.show({Lamp::total, 200, {}, {}});
    worker.show({Lamp::total, 300, {}, {}});
    REQUIRE(eventually("the silent display reported", [&] { return !worker.status().connected; }));
    CHECK(worker.status().problem.find("and no more: is it switched on") != std::string::npos);
    CHECK(device.pending().empty());
    // Answering again: opened afresh, initialised, and the newest content only.
    REQUIRE(tcflow(terminal, TCOON) == 0);
    CHECK(device.received(3) == "\x1B@\x0C");
    CHECK(device.received(11) == "\x1Bs2\x1BQA3.00\r");
    REQUIRE(eventually("connected again", [&] { return worker.status().connected; }));
    ::close(terminal);
}
