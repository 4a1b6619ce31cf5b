// Printer hotplug through the shared USB context (drivers/usb UsbContext), on a virtual
// printer: unplugged, the status says "printer disconnected" at once; plugged back, the job
// that waited prints once, woken by the arrival (the retry timer is set to a minute so that
// only hotplug can have printed it in time).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>

#include "drivers/printer/printer_watch.hpp"
#include "drivers/usb/usb_context.hpp"
#include "pos/actions/printing/print_queue.hpp"
#include "pos/actions/printing/printing.hpp"
#include "tests/drivers/printer/usb/virtual_printer.hpp"

using namespace std::chrono_literals;
using pos::test::VirtualPrinter;
namespace printer = pos::drivers::printer;
namespace usb = pos::drivers::usb;
namespace actions = pos::actions;

namespace {

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit = 5000ms) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

size_t count(const std::vector<uint8_t>& haystack, const std::vector<uint8_t>& needle) {
    size_t found = 0;
    for (auto it = haystack.begin(); (it = std::search(it, haystack.end(), needle.begin(), needle.end())) != haystack.end(); ++it) {
        ++found;
    }
    return found;
}

}  // namespace

TEST_CASE("printer hotplug: unplug shows printer disconnected, replug prints the waiting job once") {
    VirtualPrinter device(pos::test::winbond_pos58());
    auto profiles = printer::load_profiles(POS_SOURCE_DIR "/assets/printers");
    REQUIRE(profiles);
    printer::PrinterProfile profile = printer::match_profile(*profiles, {0x0416, 0x5011}, 58);
    CHECK(profile.id == "winbond-pos58");
    printer::PrinterWatch watch({profile}, 58);
    actions::PrintQueue queue(actions::watched_printer_opener(watch), profile,
                              actions::PrintQueue::Timing{std::chrono::minutes(1), std::chrono::minutes(1)});
    watch.set_on_change([&queue](bool present) { queue.printer_changed(present); });
    auto context = usb::UsbContext::open();
    REQUIRE(context);
    REQUIRE((*context)->start({&watch}));
    // Stops the worker (and closes the printer) before the USB thread and the device go.
    struct StopFirst {
        actions::PrintQueue& queue;
        usb::UsbContext& context;
        ~StopFirst() {
            queue.stop();
            context.stop();
        }
    } stop_first{queue, **context};
    REQUIRE(eventually([&] { return watch.present(); }));
    queue.start();

    const std::vector<uint8_t> first = {0x1B, 0x40, 'O', 'N', 'E', 0x0A};
    queue.submit(actions::PrintKind::receipt, 1, first);
    REQUIRE(eventually([&] { return queue.status().printed == 1; }));
    CHECK(count(device.received(), first) == 1);

    device.unplug();
    REQUIRE(eventually([&] { return queue.status().state == actions::PrinterState::not_connected; }));
    CHECK(queue.status().reason == "printer disconnected");
    CHECK_FALSE(watch.present());

    const std::vector<uint8_t> second = {0x1B, 0x40, 'T', 'W', 'O', 0x0A};
    queue.submit(actions::PrintKind::receipt, 2, second);
    std::this_thread::sleep_for(200ms);  // the worker tries once: nothing to open
    CHECK(queue.status().waiting == 1);
    CHECK(queue.status().reason == "printer disconnected");
    CHECK(count(device.received(), second) == 0);

    device.plug();
    REQUIRE(eventually([&] { return queue.status().printed == 2; }));
    CHECK(queue.status().waiting == 0);
    CHECK(queue.status().state == actions::PrinterState::ready);
    std::this_thread::sleep_for(200ms);
    CHECK(count(device.received(), second) == 1);
    CHECK(count(device.received(), first) == 1);
    CHECK(device.claims() == 2);  // opened once per plug-in, never re-searched
}
