// The print queue on a recording transport: jobs wait with their reason, print once when the
// printer is back, drawer kicks are now or never; and a committed sale's receipt through it.
#include <doctest/doctest.h>

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "drivers/printer/escpos.hpp"
#include "drivers/printer/text.hpp"
#include "pos/actions/printing/print_queue.hpp"
#include "pos/actions/printing/printing.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/shift/shift_report.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/support/demo_lane.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::actions;
namespace printer = pos::drivers::printer;

namespace {

// The queue owns its transport; the test keeps the RecordingTransport and this forwards to it.
// Unplugged, every call fails as libusb does for a device that went away.
struct Wire {
    printer::RecordingTransport recording;
    bool unplugged = false;
    int opens = 0;
    bool can_open = true;

    // The three DLE EOT replies (1, 2, 4) a printer sends per status query.
    void answer(uint8_t paper = 0x12, uint8_t offline = 0x12) {
        recording.replies.insert(recording.replies.end(), {{0x12}, {offline}, {paper}});
    }
};

class Forward final : public printer::Transport {
public:
    explicit Forward(Wire& wire) : wire_(wire) {}
    printer::UsbResult<pos::support::Done> write(std::span<const uint8_t> bytes) override {
        if (wire_.unplugged) return printer::UsbError{printer::UsbErrorCode::no_device, "the device is unplugged"};
        return wire_.recording.write(bytes);
    }
    printer::UsbResult<std::vector<uint8_t>> read(size_t max, std::chrono::milliseconds timeout) override {
        if (wire_.unplugged) return printer::UsbError{printer::UsbErrorCode::no_device, "the device is unplugged"};
        return wire_.recording.read(max, timeout);
    }
    printer::UsbResult<std::optional<uint8_t>> port_status() override { return std::optional<uint8_t>{}; }

private:
    Wire& wire_;
};

PrinterOpener opener(Wire& wire) {
    return [&wire]() -> printer::UsbResult<std::unique_ptr<printer::Transport>> {
        ++wire.opens;
        if (!wire.can_open || wire.unplugged) {
            return printer::UsbError{printer::UsbErrorCode::not_found, "no USB receipt printer found"};
        }
        return std::unique_ptr<printer::Transport>(std::make_unique<Forward>(wire));
    };
}

const std::vector<uint8_t> status_query = {0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04};

size_t count(const std::vector<uint8_t>& haystack, const std::vector<uint8_t>& needle) {
    size_t found = 0;
    for (auto it = haystack.begin();
         (it = std::search(it, haystack.end(), needle.begin(), needle.end())) != haystack.end(); ++it) {
        ++found;
    }
    return found;
}

std::vector<uint8_t> concat(std::initializer_list<std::vector<uint8_t>> parts) {
    std::vector<uint8_t> all;
    for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
    return all;
}

const std::vector<uint8_t> kick = {0x1B, 0x70, 0x00};

}  // namespace

TEST_CASE("print_queue: a job prints whole after a status query, and leaves the queue") {
    Wire wire;
    PrintQueue queue(opener(wire), printer::generic_profile(58));
    std::vector<uint8_t> job = {'h', 'i', 0x0A};
    queue.submit(PrintKind::receipt, 7, job);
    CHECK(queue.status().waiting == 1);
    CHECK(queue.is_waiting(7));
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(wire.recording.written == concat({status_query, job}));
    PrintQueueStatus status = queue.status();
    CHECK(status.state == PrinterState::ready);
    CHECK(status.waiting == 0);
    CHECK(status.printed == 1);
    CHECK(status.reason.empty());
    CHECK_FALSE(queue.is_waiting(7));
}

TEST_CASE("print_queue: paper out keeps the job with its reason, paper back prints it exactly once") {
    Wire wire;
    PrintQueue queue(opener(wire), printer::generic_profile(58));
    std::vector<uint8_t> job = {'r', 'e', 'c', 'e', 'i', 'p', 't', 0x0A};
    queue.submit(PrintKind::receipt, 1, job);
    for (int tries = 0; tries < 3; ++tries) {
        wire.answer(0x72);  // DLE EOT 4: roll paper end
        CHECK_FALSE(queue.attempt());
    }
    PrintQueueStatus out = queue.status();
    CHECK(out.state == PrinterState::paper_out);
    CHECK(out.reason == "paper out");
    CHECK(out.waiting == 1);
    CHECK(count(wire.recording.written, job) == 0);

    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, job) == 1);
    CHECK(queue.status().state == PrinterState::ready);
    CHECK(queue.status().waiting == 0);
    // Nothing waits any more: later passes only ask the status.
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, job) == 1);
    CHECK(wire.recording.written.size() == 5 * status_query.size() + job.size());
}

TEST_CASE("print_queue: cover open and offline are reasons too, jobs print in order") {
    Wire wire;
    PrintQueue queue(opener(wire), printer::generic_profile(80));
    queue.submit(PrintKind::receipt, 1, {'1', 0x0A});
    queue.submit(PrintKind::report, 0, {'2', 0x0A});
    wire.answer(0x12, 0x16);  // DLE EOT 2 bit 2: cover open
    CHECK_FALSE(queue.attempt());
    CHECK(queue.status().state == PrinterState::cover_open);
    CHECK(queue.status().reason == "cover open");
    CHECK(queue.status().waiting == 2);
    wire.answer();
    CHECK(queue.attempt());  // printed one, another waits
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(wire.recording.written == concat({status_query, status_query, {'1', 0x0A}, status_query, {'2', 0x0A}}));
    CHECK(queue.status().printed == 2);
}

TEST_CASE("print_queue: no printer, then unplugged mid-way: the job is kept and printed after the printer is back") {
    Wire wire;
    wire.can_open = false;
    PrintQueue queue(opener(wire), printer::generic_profile(58));
    queue.submit(PrintKind::receipt, 3, {'x', 0x0A});
    CHECK_FALSE(queue.attempt());
    CHECK(queue.status().state == PrinterState::not_connected);
    CHECK(queue.status().reason == "no USB receipt printer found");
    CHECK(queue.status().waiting == 1);

    wire.can_open = true;
    wire.unplugged = true;
    CHECK_FALSE(queue.attempt());
    CHECK(queue.status().state == PrinterState::not_connected);

    wire.unplugged = false;
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, {'x', 0x0A}) == 1);
    CHECK(queue.status().state == PrinterState::ready);

    // Unplugged while connected: the transport is dropped and opened afresh.
    int opens = wire.opens;
    queue.submit(PrintKind::receipt, 4, {'y', 0x0A});
    wire.unplugged = true;
    CHECK_FALSE(queue.attempt());
    CHECK(queue.status().state == PrinterState::not_connected);
    CHECK(queue.status().reason == "the device is unplugged");
    CHECK(queue.is_waiting(4));
    wire.unplugged = false;
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(wire.opens == opens + 1);
    CHECK(count(wire.recording.written, {'y', 0x0A}) == 1);
}

TEST_CASE("print_queue: a drawer kick goes ahead of waiting jobs and is dropped when it cannot be sent") {
    Wire wire;
    PrintQueue queue(opener(wire), printer::generic_profile(58));
    queue.submit(PrintKind::receipt, 1, {'a', 0x0A});
    queue.submit(PrintKind::drawer, 0, drawer_kick_bytes());
    CHECK(queue.status().waiting == 1);  // kicks are not counted as waiting
    wire.answer(0x72);                   // paper out: neither the kick nor the receipt
    wire.answer(0x72);
    CHECK_FALSE(queue.attempt());
    CHECK(queue.status().drawer_missed == 1);
    CHECK(count(wire.recording.written, kick) == 0);
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, kick) == 0);  // not sent later, when paper is loaded
    CHECK(count(wire.recording.written, {'a', 0x0A}) == 1);

    queue.submit(PrintKind::drawer, 0, drawer_kick_bytes());
    queue.submit(PrintKind::receipt, 2, {'b', 0x0A});
    wire.answer();
    wire.answer();
    CHECK_FALSE(queue.attempt());
    std::vector<uint8_t> tail(
        wire.recording.written.end() - static_cast<long>(2 * status_query.size() + drawer_kick_bytes().size() + 2),
        wire.recording.written.end());
    CHECK(tail == concat({status_query, drawer_kick_bytes(), status_query, {'b', 0x0A}}));
    CHECK(queue.status().drawer_missed == 1);
}

TEST_CASE("print_queue: the worker thread prints and reports through status and notify") {
    Wire wire;
    PrintQueue queue(opener(wire), printer::generic_profile(58),
                     PrintQueue::Timing{std::chrono::milliseconds(5), std::chrono::milliseconds(5)});
    pos::testing::Signal notified;
    queue.set_notify([&notified] { notified.notify(); });
    for (int i = 0; i < 40; ++i) wire.answer();
    queue.submit(PrintKind::receipt, 9, {'z', 0x0A});
    queue.start();
    CHECK(notified.wait_until("the job printed", [&queue] { return queue.status().printed == 1; }));
    queue.stop();
    CHECK(queue.status().printed == 1);
    CHECK(queue.status().waiting == 0);
    CHECK(notified.count() > 0);
    CHECK(count(wire.recording.written, {'z', 0x0A}) == 1);
}

// [SECTION] A committed sale through Printing

namespace {

struct PrintingLane : pos::testing::DemoLane {
    PrintingLane() : DemoLane("2026-11-23T09:16:42+08:00") {}

    // Logged in, shift open, one sale paid: its id.
    std::string sell(const char* method) {
        ok(R"({"op":"scan","code":"6921168176748","qty":"3"})");
        nlohmann::json paid = ok(fmt::format(R"({{"op":"tender","method":"{}"}})", method));
        return paid["sale_id"].get<std::string>();
    }

    void open_shift() {
        ok(R"({"op":"login","operator":"1001","pin":"1234"})");
        ok(R"({"op":"open_shift","float":"200.00","now":"2026-11-23T08:00:00+08:00"})");
    }
};

}  // namespace

TEST_CASE("printing: sale committed, receipt queued, paper out, sale intact, paper back: printed exactly once") {
    PrintingLane s;
    s.open_shift();
    Wire wire;
    PrintQueue queue(opener(wire), printer::generic_profile(58));
    Printing printing(*s.files.db, s.lane->config(), queue);

    std::string sale_id = s.sell("cash");
    auto receipt_no = printing.print_sale(sale_id);
    REQUIRE(receipt_no.ok());
    auto jobs = queue.waiting();
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].kind == PrintKind::receipt);
    CHECK(jobs[0].receipt_no == *receipt_no);
    CHECK(count(jobs[0].bytes, kick) == 0);  // the kick is its own job

    wire.answer(0x72);  // the kick's status query: paper out
    wire.answer(0x72);  // the receipt's
    CHECK_FALSE(queue.attempt());
    PrintQueueStatus status = printing.status();
    CHECK(status.state == PrinterState::paper_out);
    CHECK(status.reason == "paper out");
    CHECK(status.waiting == 1);
    CHECK(status.drawer_missed == 1);
    auto stored = s.files.db->find_sale(sale_id);
    REQUIRE(stored);
    REQUIRE(stored->has_value());
    CHECK((*stored)->receipt_no == *receipt_no);
    CHECK((*stored)->total_fen == 600);

    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, jobs[0].bytes) == 1);
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, jobs[0].bytes) == 1);
    CHECK(printing.status().waiting == 0);
}

TEST_CASE("printing: the drawer opens for cash and no-sale, never for card, reprints are marked and never kick") {
    PrintingLane s;
    s.open_shift();
    Wire wire;
    PrintQueue queue(opener(wire), printer::generic_profile(58));
    Printing printing(*s.files.db, s.lane->config(), queue);

    REQUIRE(printing.print_sale(s.sell("card")).ok());
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, kick) == 0);

    REQUIRE(printing.print_sale(s.sell("cash")).ok());
    for (int i = 0; i < 2; ++i) wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, kick) == 1);

    printing.open_drawer();
    wire.answer();
    CHECK_FALSE(queue.attempt());
    CHECK(count(wire.recording.written, kick) == 2);

    auto last = printing.reprint(std::nullopt, "2026-11-23T10:00:00+08:00");
    REQUIRE(last.ok());
    CHECK(*last == *last_receipt_no(*s.files.db));
    auto jobs = queue.waiting();
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].kind == PrintKind::reprint);
    CHECK(count(jobs[0].bytes, kick) == 0);
    std::string reprint_mark = "\xD6\xD8\xB4\xF2\xD0\xA1\xC6\xB1";  // 重打小票 in GB18030
    CHECK(count(jobs[0].bytes, std::vector<uint8_t>(reprint_mark.begin(), reprint_mark.end())) == 1);

    auto missing = printing.reprint(999999, "2026-11-23T10:00:00+08:00");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "no sale with receipt number 999999 on this lane");
}

TEST_CASE("printing: nothing sold yet: no last receipt") {
    PrintingLane s;
    auto last = last_receipt_no(*s.files.db);
    REQUIRE_FALSE(last.ok());
    CHECK(last.error().code == pos::core::ErrorCode::not_found);
}

TEST_CASE("printing: the X report prints through the report lines at the printer's width") {
    PrintingLane s;
    s.open_shift();
    (void)s.sell("cash");
    auto report = s.lane->shift_report(s.lane->shift()->id);
    REQUIRE(report.ok());
    for (int paper : {58, 80}) {
        printer::PrinterProfile profile = printer::generic_profile(paper);
        std::vector<uint8_t> bytes = shift_report_bytes(*report, s.lane->config(), profile);
        std::vector<uint8_t> expected = printer::Encoder().initialize().chinese_mode(true).take();
        REQUIRE(bytes.size() > expected.size());
        CHECK(std::equal(expected.begin(), expected.end(), bytes.begin()));
        for (const std::string& line : shift_report_lines(*report, s.lane->config(), profile.columns)) {
            CHECK(pos::drivers::printer::print_columns(line) <= profile.columns);
        }
        CHECK(count(bytes, kick) == 0);
    }
}

TEST_CASE("printing: the configured profile, the printer's own, or generic-58, unknown names listed") {
    const std::string dir = POS_SOURCE_DIR "/assets/printers";
    LaneConfig config;
    auto generic = configured_printer_profile(config, dir);
    REQUIRE(generic.ok());
    CHECK(generic->id == "generic-58");
    config.printers = {{0x0416, 0x5011}};
    auto winbond = configured_printer_profile(config, dir);
    REQUIRE(winbond.ok());
    CHECK(winbond->id == "winbond-pos58");
    config.printer_profile = "generic-80";
    auto named = configured_printer_profile(config, dir);
    REQUIRE(named.ok());
    CHECK(named->columns == 48);
    config.printer_profile = "tm-t99";
    auto unknown = configured_printer_profile(config, dir);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.find("devices.printer_profile: no profile \"tm-t99\"") == 0);
    CHECK(unknown.error().message.find("generic-58") != std::string::npos);
}
