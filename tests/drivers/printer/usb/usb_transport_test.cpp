// The printer over real libusb against virtual printers modelled on tests/fixtures/usb: a receipt
// prints whole, paper out keeps the job, paper back prints it once, unplug keeps it, the
// drawer kick goes only with cash sales.
#include <doctest/doctest.h>

#include <algorithm>
#include <future>

#include "drivers/printer/printer.hpp"
#include "drivers/printer/profile.hpp"
#include "drivers/printer/usb_transport.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "tests/drivers/printer/usb/virtual_printer.hpp"

using namespace pos::drivers::printer;
using pos::test::VirtualPrinter;

namespace {

std::vector<PrinterProfile> profiles() {
    auto loaded = load_profiles(POS_SOURCE_DIR "/assets/printers");
    REQUIRE(loaded);
    return *loaded;
}

pos::db::SaleRecord sale(const char* method) {
    pos::db::SaleRecord sale;
    sale.id = "sale-1";
    sale.receipt_no = 7;
    sale.lane = 1;
    sale.operator_id = "1001";
    sale.completed_at = "2026-11-23T09:16:42+08:00";
    pos::db::SaleLineRecord line;
    line.line_no = 1;
    line.name_zh = "农夫山泉饮用天然水 550ml";
    line.quantity_milli = 3000;
    line.unit_price_fen = 200;
    line.amount_fen = 600;
    sale.lines = {line};
    sale.total_fen = 600;
    sale.paid_fen = std::string(method) == "cash" ? 1000 : 600;
    sale.change_fen = sale.paid_fen - 600;
    sale.item_count_milli = 3000;
    sale.tenders = {{1, method, sale.paid_fen, ""}};
    return sale;
}

std::vector<uint8_t> receipt(const char* method, const PrinterProfile& profile) {
    pos::actions::ReceiptOptions options;
    options.profile = profile;
    return pos::actions::receipt_bytes(sale(method), pos::actions::LaneConfig{}, options);
}

const std::vector<uint8_t> status_requests = {0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04};

size_t count(const std::vector<uint8_t>& haystack, const std::vector<uint8_t>& needle) {
    size_t found = 0;
    for (auto it = haystack.begin();
         (it = std::search(it, haystack.end(), needle.begin(), needle.end())) != haystack.end(); ++it) {
        ++found;
    }
    return found;
}

std::vector<uint8_t> concat(std::vector<uint8_t> a, const std::vector<uint8_t>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("usb printer: a receipt prints whole on printers with different endpoint layouts") {
    for (const auto& spec : {pos::test::winbond_pos58(), pos::test::xprinter_xpt58h(), pos::test::gprinter_zh380(),
                             pos::test::epson_tmt20()}) {
        CAPTURE(spec.vid);
        VirtualPrinter printer(spec);
        auto transport = UsbTransport::open_first(profiles(), 58);
        REQUIRE_MESSAGE(transport, (transport ? "" : transport.error().message));
        CHECK((*transport)->id() == UsbId{spec.vid, spec.pid});
        std::vector<uint8_t> job = receipt("cash", (*transport)->profile());
        PrintOutcome outcome = print_job(**transport, (*transport)->profile(), job);
        CHECK(outcome.printed);
        CHECK(outcome.reason.empty());
        CHECK(printer.received() == concat(status_requests, job));
        uint8_t out = spec.endpoints[0][0] & 0x80 ? spec.endpoints[1][0] : spec.endpoints[0][0];
        for (uint8_t endpoint : printer.out_endpoints()) CHECK(endpoint == out);
        // Winbond hangs on these (Linux usblp d8c6edfa): never sent to any printer.
        CHECK(printer.set_interface_requests() == 0);
        CHECK(printer.clear_halt_requests() == 0);
        CHECK(printer.claims() == 1);
    }
}

TEST_CASE("usb printer: paper out keeps the job with its reason, paper back prints it exactly once") {
    VirtualPrinter printer(pos::test::winbond_pos58());
    auto transport = UsbTransport::open_first(profiles(), 58);
    REQUIRE(transport);
    CHECK((*transport)->profile().id == "winbond-pos58");
    std::vector<uint8_t> job = receipt("cash", (*transport)->profile());
    printer.set_status(4, 0x72);  // DLE EOT 4: roll paper end (python-escpos #143)
    PrintOutcome out = print_job(**transport, (*transport)->profile(), job);
    CHECK_FALSE(out.printed);
    CHECK(out.reason == "paper out");
    CHECK(out.status.paper_out);
    CHECK(printer.received() == status_requests);  // not a byte of the receipt

    printer.set_status(4, 0x12);
    PrintOutcome back = print_job(**transport, (*transport)->profile(), job);
    CHECK(back.printed);
    CHECK(count(printer.received(), job) == 1);
    CHECK(printer.received() == concat(concat(status_requests, status_requests), job));
}

TEST_CASE("usb printer: cover open and near end") {
    VirtualPrinter printer(pos::test::epson_tmt20());
    auto transport = UsbTransport::open_first(profiles(), 80);
    REQUIRE(transport);
    std::vector<uint8_t> job = receipt("card", (*transport)->profile());
    printer.set_status(2, 0x16);  // DLE EOT 2 bit 2: cover open
    PrintOutcome cover = print_job(**transport, (*transport)->profile(), job);
    CHECK_FALSE(cover.printed);
    CHECK(cover.reason == "cover open");
    printer.set_status(2, 0x12);
    printer.set_status(4, 0x1E);  // near end still prints
    PrintOutcome near = print_job(**transport, (*transport)->profile(), job);
    CHECK(near.printed);
    CHECK(near.status.paper_near_end);
}

TEST_CASE("usb printer: a printer silent to DLE EOT is asked GET_PORT_STATUS") {
    VirtualPrinter printer(pos::test::gprinter_zh380());
    printer.set_silent(true);
    printer.set_port_status(0x38);  // bit 5 paper empty
    auto transport = UsbTransport::open_first(profiles(), 80);
    REQUIRE(transport);
    std::vector<uint8_t> job = receipt("cash", (*transport)->profile());
    PrintOutcome out = print_job(**transport, (*transport)->profile(), job);
    CHECK_FALSE(out.printed);
    CHECK(out.reason == "paper out");
    printer.set_port_status(0x18);
    CHECK(print_job(**transport, (*transport)->profile(), job).printed);
}

TEST_CASE("usb printer: unplugged part-way through a job, the job is kept with the reason") {
    VirtualPrinter printer(pos::test::xprinter_xpt58h());
    auto transport = UsbTransport::open_first(profiles(), 58);
    REQUIRE(transport);
    std::vector<uint8_t> job = receipt("cash", (*transport)->profile());
    printer.unplug_after(status_requests.size() + 100);
    auto printing =
        std::async(std::launch::async, [&] { return print_job(**transport, (*transport)->profile(), job); });
    REQUIRE(printer.wait_unplug_point(std::chrono::seconds(5)));
    printer.unplug();
    REQUIRE(printing.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    PrintOutcome out = printing.get();
    CHECK_FALSE(out.printed);
    CHECK(out.reason.find("the device is unplugged") != std::string::npos);
    CHECK(printer.received().size() == status_requests.size() + 100);
}

TEST_CASE("usb printer: the drawer kick goes out with cash sales only") {
    const std::vector<uint8_t> kick = {0x1B, 0x70, 0x00, 0x19, 0xFA};
    for (const char* method : {"cash", "card", "mobile"}) {
        CAPTURE(method);
        VirtualPrinter printer(pos::test::epson_tmt20());
        auto transport = UsbTransport::open_first(profiles(), 80);
        REQUIRE(transport);
        REQUIRE(print_job(**transport, (*transport)->profile(), receipt(method, (*transport)->profile())).printed);
        CHECK(count(printer.received(), kick) == (std::string(method) == "cash" ? 1u : 0u));
    }
}

TEST_CASE("usb printer: no printer is a clear error") {
    UMockdevTestbed* testbed = umockdev_testbed_new();  // an empty bus
    auto transport = UsbTransport::open_first(profiles(), 58);
    REQUIRE_FALSE(transport);
    CHECK(transport.error().code == pos::drivers::usb::UsbErrorCode::not_found);
    CHECK(transport.error().message == "no USB receipt printer found; check the cable and the printer's power");
    g_object_unref(testbed);
}
