// Printer hotplug through the shared USB context (drivers/usb UsbContext), on a virtual
// printer: unplugged, the status says "printer disconnected" at once; plugged back, the job
// that waited prints once, woken by the arrival (the retry timer is set to a minute so that
// only hotplug can have printed it in time).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string_view>

#include "drivers/printer/printer_watch.hpp"
#include "drivers/usb/usb_context.hpp"
#include "pos/actions/printing/print_queue.hpp"
#include "pos/actions/printing/printing.hpp"
#include "tests/drivers/printer/usb/virtual_printer.hpp"
#include "tests/support/eventually.hpp"

using namespace std::chrono_literals;
using pos::test::VirtualPrinter;
namespace printer = pos::drivers::printer;
namespace usb = pos::drivers::usb;
namespace actions = pos::actions;

namespace {

size_t count(const std::vector<uint8_t>& haystack, const std::vector<uint8_t>& needle) {
    size_t found = 0;
    for (auto it = haystack.begin();
         (it = std::search(it, haystack.end(), needle.begin(), needle.end())) != haystack.end(); ++it) {
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
    // Every time the worker looks for the printer: the test waits on these, not on the clock.
    pos::testing::Signal opens;
    actions::PrinterOpener open_watched = actions::watched_printer_opener(watch);
    auto opener = [&opens, open_watched] {
        auto opened = open_watched();
        opens.notify();
        return opened;
    };
    actions::PrintQueue queue(opener, profile,
                              actions::PrintQueue::Timing{std::chrono::minutes(1), std::chrono::minutes(1)});
    // Every change of the queue's status (on the worker thread, after the change).
    pos::testing::Signal status_changed;
    queue.set_notify([&status_changed] { status_changed.notify(); });
    using Wanted = std::function<bool(const actions::PrintQueueStatus&)>;
    auto status_becomes = [&](std::string_view what, const Wanted& wanted) {
        return status_changed.wait_until(what, [&] { return wanted(queue.status()); });
    };
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
    REQUIRE(pos::testing::eventually("the printer watch to see the printer", [&] { return watch.present(); }));
    queue.start();

    const std::vector<uint8_t> first = {0x1B, 0x40, 'O', 'N', 'E', 0x0A};
    queue.submit(actions::PrintKind::receipt, 1, first);
    REQUIRE(status_becomes("the first job printed", [](const auto& status) { return status.printed == 1; }));
    CHECK(count(device.received(), first) == 1);

    int opened_before_unplug = opens.count();
    device.unplug();
    REQUIRE(status_becomes("the printer not connected",
                           [](const auto& status) { return status.state == actions::PrinterState::not_connected; }));
    CHECK(queue.status().reason == "printer disconnected");
    CHECK_FALSE(watch.present());

    const std::vector<uint8_t> second = {0x1B, 0x40, 'T', 'W', 'O', 0x0A};
    // The worker drops the printer's handle and looks for it again: nothing to open.
    REQUIRE(opens.wait_count("the worker to look for the unplugged printer", opened_before_unplug + 1));
    int opened_before_job = opens.count();
    queue.submit(actions::PrintKind::receipt, 2, second);
    REQUIRE(opens.wait_count("the worker to try the job once", opened_before_job + 1));  // nothing to open
    CHECK(queue.status().waiting == 1);
    CHECK(queue.status().reason == "printer disconnected");
    CHECK(count(device.received(), second) == 0);

    device.plug();
    REQUIRE(status_becomes("the waiting job printed", [](const auto& status) { return status.printed == 2; }));
    CHECK(queue.status().waiting == 0);
    CHECK(queue.status().state == actions::PrinterState::ready);
    // Jobs print in order: once a third has printed, a second copy of the second would be there.
    const std::vector<uint8_t> third = {0x1B, 0x40, 'T', 'H', 'R', 'E', 'E', 0x0A};
    queue.submit(actions::PrintKind::receipt, 3, third);
    REQUIRE(status_becomes("the third job printed", [](const auto& status) { return status.printed == 3; }));
    CHECK(count(device.received(), third) == 1);
    CHECK(count(device.received(), second) == 1);
    CHECK(count(device.received(), first) == 1);
    CHECK(device.claims() == 2);  // opened once per plug-in, never re-searched
}
