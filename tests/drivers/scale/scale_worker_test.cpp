// The scale worker on a pseudo-terminal playing the scale: weights asked and read, motion,
// garbage, silence, tare, and the scale unplugged and plugged in again.
#include <doctest/doctest.h>

#include "drivers/scale/scale_worker.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/pty_device.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::drivers::scale;
using namespace pos::drivers::serial;
using namespace std::chrono_literals;
using pos::testing::eventually;

namespace {

ScaleWorker::Opener opener(const std::string& path) {
    return [path] { return SerialPort::open(path, {9600, 7, Parity::even, 1}); };
}

const ScaleTiming quick{20ms, 300ms, 50ms};

// Waits for a reading newer than `seen` and returns the status then.
ScaleStatus next_status(const ScaleWorker& worker, uint64_t seen) {
    REQUIRE(eventually("a new scale reading", [&] { return worker.status().readings > seen; }));
    return worker.status();
}

}  // namespace

TEST_CASE("scale_worker: an 8217 scale is asked W and its stable weight read in grams") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice scale(dir.file("scale"));
    ScaleWorker worker(opener(scale.path()), ScaleProtocol::toledo8217, quick);
    CHECK(scale.received(1) == "W");
    scale.send(
        "\x02"
        "00.350\r");
    ScaleStatus status = next_status(worker, 0);
    REQUIRE(status.reading);
    CHECK(status.reading->state == ScaleState::stable);
    CHECK(status.reading->grams == 350);
    CHECK(status.connected);
    CHECK(scale.received(1) == "W");
    scale.send("\x02?A\r");  // the pan is moving
    REQUIRE(eventually("motion reported", [&] {
        auto now = worker.status();
        return now.reading && now.reading->state == ScaleState::motion;
    }));
}

TEST_CASE("scale_worker: tare goes to the scale before the next weight request") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice scale(dir.file("scale"));
    ScaleWorker worker(opener(scale.path()), ScaleProtocol::toledo8217, ScaleTiming{5s, 300ms, 50ms});
    CHECK(scale.received(1) == "W");
    scale.send(
        "\x02"
        "00.120\r");
    next_status(worker, 0);
    worker.tare();
    CHECK(scale.received(1) == "T");
    scale.send("\x02?`\r");  // status after tare: net
    CHECK(scale.received(1) == "W");
    scale.send(
        "\x02"
        "00.000N\r");
    REQUIRE(eventually("a net reading", [&] {
        auto now = worker.status();
        return now.reading && now.reading->net;
    }));
}

TEST_CASE("scale_worker: garbage and silence give no reading and a reason, then it asks again") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice scale(dir.file("scale"));
    ScaleWorker worker(opener(scale.path()), ScaleProtocol::toledo8217, quick);
    CHECK(scale.received(1) == "W");
    scale.send(
        "\x02"
        "0x.3y0\r");
    REQUIRE(eventually("the garbled frame named",
                       [&] { return worker.status().problem.find("scale frame [02 30 78") == 0; }));
    CHECK_FALSE(worker.status().reading);
    CHECK(scale.received(1) == "W");  // no answer this time
    REQUIRE(
        eventually("silence reported", [&] { return worker.status().problem.find("the scale did not answer") == 0; }));
    CHECK(scale.received(1) == "W");
    scale.send(
        "\x02"
        "01.000\r");
    REQUIRE(eventually("a weight again", [&] {
        auto now = worker.status();
        return now.reading && now.reading->grams == 1000;
    }));
}

TEST_CASE("scale_worker: unplugged, the reading goes, plugged in again, it comes back") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice scale(dir.file("scale"));
    ScaleWorker worker(opener(scale.path()), ScaleProtocol::toledo8217, quick);
    CHECK(scale.received(1) == "W");
    scale.send(
        "\x02"
        "00.500\r");
    next_status(worker, 0);
    scale.unplug();
    REQUIRE(eventually("the scale reported away", [&] { return !worker.status().connected; }));
    CHECK_FALSE(worker.status().reading);
    scale.plug_in();
    CHECK(scale.received(1) == "W");
    scale.send(
        "\x02"
        "00.700\r");
    REQUIRE(eventually("the scale back", [&] {
        auto now = worker.status();
        return now.connected && now.reading && now.reading->grams == 700;
    }));
}

TEST_CASE("scale_worker: a continuous-output scale is listened to, the newest line counts") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice scale(dir.file("scale"));
    ScaleWorker worker(opener(scale.path()), ScaleProtocol::continuous, quick);
    // Opening a port drops what was waiting in it: speak once the worker is listening.
    REQUIRE(eventually("the worker listening", [&] { return worker.status().connected; }));
    scale.send("US,GS,+  0.410kg\r\nST,GS,+  0.415kg\r\n");
    REQUIRE(eventually("the stable line read", [&] {
        auto now = worker.status();
        return now.reading && now.reading->state == ScaleState::stable && now.reading->grams == 415;
    }));
    worker.zero();
    CHECK(scale.received(4) == "MZ\r\n");
}
