// The print queue over real libusb on a virtual printer: a committed sale's receipt waits out
// a paper-out with its reason, the sale stays in lane.db, and prints exactly once when paper is
// back; unplugged mid-job, the job is kept. Driven by attempt(): no timing in the test.
#include <doctest/doctest.h>

#include <algorithm>
#include <future>

#include <nlohmann/json.hpp>

#include "pos/actions/printing/print_queue.hpp"
#include "pos/actions/printing/printing.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/drivers/printer/usb/virtual_printer.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::actions;
using pos::test::VirtualPrinter;

namespace {

size_t count(const std::vector<uint8_t>& haystack, const std::vector<uint8_t>& needle) {
    size_t found = 0;
    for (auto it = haystack.begin();
         (it = std::search(it, haystack.end(), needle.begin(), needle.end())) != haystack.end(); ++it) {
        ++found;
    }
    return found;
}

struct SoldLane {
    pos::testing::TempDir dir;
    OpenLane files;
    std::unique_ptr<Lane> lane;
    std::string sale_id;

    explicit SoldLane(const char* method) {
        setenv("POS_ASSETS_DIR", POS_SOURCE_DIR "/assets", 1);
        REQUIRE(init_data_dir(dir.path(), true).ok());
        auto opened = open_lane(dir.path());
        REQUIRE(opened.ok());
        files = std::move(*opened);
        files.config.printers = {{0x0416, 0x5011}};
        lane = std::make_unique<Lane>(*files.db, files.config);
        for (std::string line :
             std::vector<std::string>{R"({"op":"login","operator":"1001","pin":"1234"})",
                                      R"({"op":"open_shift","float":"200.00","now":"2026-11-23T08:00:00+08:00"})",
                                      R"({"op":"scan","code":"6921168176748","qty":"3"})",
                                      std::string(R"({"op":"tender","method":")") + method + "\"}"}) {
            nlohmann::json result = apply_action(*lane, nlohmann::json::parse(line),
                                                 [] { return std::string("2026-11-23T09:16:42+08:00"); });
            CAPTURE(result.dump());
            REQUIRE(result["ok"] == true);
            if (result.contains("sale_id") && result["sale_id"].is_string()) sale_id = result["sale_id"];
        }
        REQUIRE_FALSE(sale_id.empty());
    }
};

}  // namespace

TEST_CASE(
    "usb print queue: sale committed, paper out, status shows why, sale intact, paper back: printed exactly once") {
    VirtualPrinter printer(pos::test::winbond_pos58());
    SoldLane s("cash");
    auto profile = configured_printer_profile(s.files.config, POS_SOURCE_DIR "/assets/printers");
    REQUIRE(profile.ok());
    CHECK(profile->id == "winbond-pos58");
    PrintQueue queue(usb_printer_opener(*profile, s.files.config.printers), *profile);
    Printing printing(*s.files.db, s.lane->config(), queue);

    printer.set_status(4, 0x72);  // paper out before the sale is paid
    auto receipt_no = printing.print_sale(s.sale_id);
    REQUIRE(receipt_no.ok());
    std::vector<uint8_t> job = queue.waiting().at(0).bytes;
    CHECK_FALSE(queue.attempt());
    PrintQueueStatus status = printing.status();
    CHECK(status.state == PrinterState::paper_out);
    CHECK(status.reason == "paper out");
    CHECK(status.waiting == 1);
    CHECK(status.drawer_missed == 1);  // the cashier opens the drawer with the key
    CHECK(count(printer.received(), job) == 0);
    auto stored = s.files.db->find_sale(s.sale_id);
    REQUIRE(stored);
    REQUIRE(stored->has_value());
    CHECK((*stored)->receipt_no == *receipt_no);

    CHECK_FALSE(queue.attempt());  // still out: tried again, nothing sent
    printer.set_status(4, 0x12);
    CHECK_FALSE(queue.attempt());
    CHECK(count(printer.received(), job) == 1);
    CHECK(printing.status().state == PrinterState::ready);
    CHECK(printing.status().waiting == 0);
    CHECK_FALSE(queue.attempt());  // an idle status refresh
    CHECK(count(printer.received(), job) == 1);
    CHECK(count(printer.received(), {0x1B, 0x70, 0x00}) == 0);  // no late drawer kick
}

TEST_CASE("usb print queue: unplugged mid-job, the job is kept, card sales never kick the drawer") {
    SoldLane s("card");
    auto profile = configured_printer_profile(s.files.config, POS_SOURCE_DIR "/assets/printers");
    REQUIRE(profile.ok());
    PrintQueue queue(usb_printer_opener(*profile, s.files.config.printers), *profile);
    Printing printing(*s.files.db, s.lane->config(), queue);
    REQUIRE(printing.print_sale(s.sale_id).ok());
    std::vector<uint8_t> job = queue.waiting().at(0).bytes;
    {
        VirtualPrinter printer(pos::test::winbond_pos58());
        printer.unplug_after(9 + job.size() / 2);  // the status query, then half the receipt
        // The bulk write blocks until the device goes, as on real hardware: the pass runs aside.
        auto pass = std::async(std::launch::async, [&queue] { return queue.attempt(); });
        REQUIRE(printer.wait_unplug_point(std::chrono::seconds(5)));
        printer.unplug();
        REQUIRE(pass.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        CHECK_FALSE(pass.get());
        CHECK(printing.status().state == PrinterState::not_connected);
        CHECK(printing.status().reason.find("the device is unplugged") != std::string::npos);
        CHECK(printing.status().waiting == 1);
    }

    VirtualPrinter back(pos::test::winbond_pos58());
    CHECK_FALSE(queue.attempt());
    // The queue (and its libusb handle) must go before the virtual device does.
    struct CloseFirst {
        PrintQueue& queue;
        ~CloseFirst() { queue.stop(); }
    } close_first{queue};
    CHECK(count(back.received(), job) == 1);  // whole, once: the part before the unplug is the paper's loss
    CHECK(count(back.received(), {0x1B, 0x70, 0x00}) == 0);
    CHECK(printing.status().waiting == 0);
}
