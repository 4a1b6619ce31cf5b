// Benchmark: the customer display's update after each scan, against baselines in the same run.
// A demo lane scans items (Lane::scan) with a two-line VFD on a pseudo-terminal (the line total
// changes at every scan, so every scan is an update); per scan:
//   scan alone: the lane's own work (the baseline);
//   hand-off: the scene worked out and given to the display worker (CustomerDisplay::follow), the
//     only display cost on the cashier's thread;
//   scan to written: from the scan until the worker has written the update to the port;
//   bare port write: the same number of bytes written to the port directly (the device baseline).
// DISPLAY_BENCH_SCANS (default 1000).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "pos/actions/devices/customer_display.hpp"
#include "tests/support/demo_lane.hpp"
#include "tests/support/pty_device.hpp"

using Clock = std::chrono::steady_clock;

namespace {

struct Percentiles {
    double p50_us = 0;
    double p99_us = 0;
};

Percentiles percentiles(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    return {at(0.50), at(0.99)};
}

double us_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::micro>(to - from).count();
}

constexpr const char* water = "6921168176748";  // 农夫山泉 550ml, 2.00 in the demo catalog

}  // namespace

TEST_CASE("bench: customer display update per scan") {
    const char* scans_text = std::getenv("DISPLAY_BENCH_SCANS");
    const int scans = scans_text ? std::max(1, std::atoi(scans_text)) : 1000;
    pos::testing::DemoLane lane;
    lane.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    lane.ok(R"({"op":"open_shift","float":"200.00"})");
    pos::testing::PtyDevice device(lane.dir.file("vfd"));
    pos::actions::DisplayConfig config;
    config.model = pos::drivers::display::DisplayModel::vfd;
    config.port = device.path();
    pos::actions::CustomerDisplay display(config, {}, "欢迎光临");

    std::mutex mutex;
    std::condition_variable written;
    uint64_t shown = 0;
    display.set_notify([&] {
        uint64_t now = display.status().shown;
        std::lock_guard lock(mutex);
        shown = now;
        written.notify_all();
    });
    auto wait_shown = [&](uint64_t count) {
        std::unique_lock lock(mutex);
        REQUIRE(written.wait_for(lock, std::chrono::seconds(10), [&] { return shown >= count; }));
    };

    std::vector<double> scan_us;
    std::vector<double> handoff_us;
    std::vector<double> to_written_us;
    size_t bytes_per_update = 0;
    uint64_t expected = 0;
    for (int i = 0; i < scans; ++i) {
        auto start = Clock::now();
        auto line = lane.lane->scan(water, std::nullopt);
        auto scanned = Clock::now();
        REQUIRE(line);
        pos::actions::CustomerMoment moment;
        moment.ticket = &lane.lane->ticket();
        moment.rounding = lane.lane->config().cash_rounding;
        moment.selected_line = int(lane.lane->ticket().lines().size());
        display.follow(pos::actions::customer_scene(moment));
        auto handed = Clock::now();
        wait_shown(++expected);
        auto shown_at = Clock::now();
        scan_us.push_back(us_between(start, scanned));
        handoff_us.push_back(us_between(scanned, handed));
        to_written_us.push_back(us_between(start, shown_at));
        size_t read = device.pending().size();  // the device takes it all (the first: with the start-up bytes)
        if (i > 0) bytes_per_update = std::max(bytes_per_update, read);
        if (i % 20 == 19) {  // the basket is paid and a new one starts; not timed
            lane.ok(R"({"op":"tender","method":"cash","amount":"100.00"})");
        }
    }

    // The device baseline: the same number of bytes written straight to a port of its own.
    pos::testing::PtyDevice bare_device(lane.dir.file("bare"));
    auto port = pos::drivers::serial::SerialPort::open(bare_device.path(), config.line);
    REQUIRE(port);
    std::vector<uint8_t> bytes(std::max<size_t>(bytes_per_update, 1), 'x');
    std::vector<double> bare_us;
    for (int i = 0; i < scans; ++i) {
        auto start = Clock::now();
        REQUIRE(port->write(bytes, std::chrono::milliseconds(500)));
        bare_us.push_back(us_between(start, Clock::now()));
        (void)bare_device.received(bytes.size());
    }

    Percentiles scan = percentiles(scan_us);
    Percentiles handoff = percentiles(handoff_us);
    Percentiles to_written = percentiles(to_written_us);
    Percentiles bare = percentiles(bare_us);
    std::printf("\ncustomer display (VFD on a pseudo-terminal), %d scans, %zu bytes per update (us)\n", scans,
                bytes_per_update);
    std::printf("%-40s %10s %10s %12s\n", "case", "p50", "p99", "p99 ratio");
    std::printf("%-40s %10.0f %10.0f %12.2f\n", "scan alone (Lane::scan)", scan.p50_us, scan.p99_us, 1.0);
    std::printf("%-40s %10.0f %10.0f %12.2f\n", "display hand-off on the lane thread", handoff.p50_us, handoff.p99_us,
                handoff.p99_us / scan.p99_us);
    std::printf("%-40s %10.0f %10.0f %12.2f\n", "scan to update written", to_written.p50_us, to_written.p99_us,
                to_written.p99_us / scan.p99_us);
    std::printf("%-40s %10.0f %10.0f %12s\n", "bare port write, same bytes", bare.p50_us, bare.p99_us, "");
    std::printf("%-40s %10.2f %10.2f\n", "written minus scan, vs bare write",
                (to_written.p50_us - scan.p50_us) / bare.p50_us, (to_written.p99_us - scan.p99_us) / bare.p99_us);
}
