// Waiting print jobs survive pos exiting: kept in a real lane.db (print_jobs), restored by the
// next queue ahead of new jobs, printed once, and gone from lane.db once printed.
#include <doctest/doctest.h>

#include <algorithm>

#include "db/lane/print_jobs.hpp"
#include "drivers/printer/transport.hpp"
#include "pos/actions/printing/print_journal.hpp"
#include "pos/actions/printing/print_queue.hpp"
#include "pos/actions/printing/printing.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/support/demo_lane.hpp"

using namespace pos::actions;
namespace printer = pos::drivers::printer;

namespace {

// A printer that is there or not; the test keeps what it received.
struct Bench {
    std::vector<uint8_t> received;
    bool present = false;
};

class Kept final : public printer::Transport {
public:
    explicit Kept(Bench& bench) : bench_(bench) {}
    printer::UsbResult<pos::support::Done> write(std::span<const uint8_t> bytes) override {
        bench_.received.insert(bench_.received.end(), bytes.begin(), bytes.end());
        return pos::support::Done{};
    }
    printer::UsbResult<std::vector<uint8_t>> read(size_t, std::chrono::milliseconds) override {
        return std::vector<uint8_t>{0x12};  // every DLE EOT: all fine
    }
    printer::UsbResult<std::optional<uint8_t>> port_status() override { return std::optional<uint8_t>{}; }

private:
    Bench& bench_;
};

PrinterOpener opener(Bench& bench) {
    return [&bench]() -> printer::UsbResult<std::unique_ptr<printer::Transport>> {
        if (!bench.present) return printer::UsbError{printer::UsbErrorCode::not_found, "no USB receipt printer found"};
        return std::unique_ptr<printer::Transport>(std::make_unique<Kept>(bench));
    };
}

size_t count(const std::vector<uint8_t>& haystack, const std::vector<uint8_t>& needle) {
    size_t found = 0;
    for (auto it = haystack.begin();
         (it = std::search(it, haystack.end(), needle.begin(), needle.end())) != haystack.end(); ++it) {
        ++found;
    }
    return found;
}

std::string journal_clock() { return "2026-11-23T10:05:00+08:00"; }

std::string lane_db(const pos::testing::DemoLane& demo) { return demo.files.db->connection().path(); }

}  // namespace

TEST_CASE("print_journal: a receipt waiting when pos stops prints once at the next start") {
    pos::testing::DemoLane demo;
    demo.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    demo.ok(R"({"op":"open_shift","float":"200.00"})");
    demo.ok(R"({"op":"scan","code":"6921168176748","qty":"2"})");
    std::string sale_id = demo.ok(R"({"op":"tender","method":"cash"})")["sale_id"];
    Bench bench;  // no printer: unplugged, or never there

    std::vector<uint8_t> receipt, report = {0x1B, 0x40, 'Z', 0x0A};
    {
        auto journal = LanePrintJournal::open(lane_db(demo), journal_clock);
        REQUIRE(journal.ok());
        auto restored = (*journal)->waiting();
        REQUIRE(restored.ok());
        CHECK(restored->empty());
        PrintQueue queue(opener(bench), printer::generic_profile(58));
        queue.set_journal(journal->get(), std::move(*restored));
        Printing printing(*demo.files.db, demo.lane->config(), queue);
        REQUIRE(printing.print_sale(sale_id).ok());
        queue.submit(PrintKind::report, 0, report);
        receipt = queue.waiting().at(0).bytes;
        CHECK_FALSE(queue.attempt());
        CHECK(queue.status().state == PrinterState::not_connected);
        CHECK(queue.status().waiting == 2);
        CHECK(queue.status().drawer_missed == 1);
        CHECK(queue.status().journal_error.empty());
    }  // pos exits with two jobs waiting

    // On disk, in order, as the exact bytes; the drawer kick was not kept.
    auto store = pos::db::PrintJobStore::open(lane_db(demo));
    REQUIRE(store);
    auto rows = (*store)->waiting();
    REQUIRE(rows);
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[0].kind == "receipt");
    CHECK((*rows)[0].receipt_no == 1);
    CHECK((*rows)[0].bytes == receipt);
    CHECK((*rows)[0].queued_at == journal_clock());
    CHECK((*rows)[1].kind == "report");
    CHECK((*rows)[1].bytes == report);

    // The next start, with the lane's database opened afresh and the printer back.
    auto reopened = open_lane(demo.dir.path());
    REQUIRE(reopened.ok());
    bench.present = true;
    {
        auto journal = LanePrintJournal::open(reopened->db->connection().path(), journal_clock);
        REQUIRE(journal.ok());
        auto restored = (*journal)->waiting();
        REQUIRE(restored.ok());
        REQUIRE(restored->size() == 2);
        PrintQueue queue(opener(bench), printer::generic_profile(58));
        queue.set_journal(journal->get(), std::move(*restored));
        CHECK(queue.status().waiting == 2);
        uint64_t next = queue.submit(PrintKind::report, 0, {0x1B, 0x40, 'X', 0x0A});
        CHECK(next == (*rows)[1].id + 1);  // new ids continue after the kept ones
        CHECK(queue.attempt());
        CHECK(queue.attempt());
        CHECK_FALSE(queue.attempt());
        CHECK(queue.status().waiting == 0);
        CHECK(queue.status().printed == 3);
        // The kept jobs first, in their order, then the new one.
        auto receipt_at = std::search(bench.received.begin(), bench.received.end(), receipt.begin(), receipt.end());
        auto report_at = std::search(bench.received.begin(), bench.received.end(), report.begin(), report.end());
        CHECK(receipt_at < report_at);
        CHECK(count(bench.received, {0x1B, 0x70, 0x00}) == 0);  // no drawer springing open at start-up
    }
    CHECK(count(bench.received, receipt) == 1);
    CHECK(count(bench.received, report) == 1);
    auto left = (*store)->waiting();
    REQUIRE(left);
    CHECK(left->empty());

    // A third start has nothing to print.
    auto journal = LanePrintJournal::open(lane_db(demo), journal_clock);
    REQUIRE(journal.ok());
    auto restored = (*journal)->waiting();
    REQUIRE(restored.ok());
    CHECK(restored->empty());
}

TEST_CASE("print_journal: a lane.db that cannot be written leaves the job printing from memory, with the reason") {
    pos::testing::DemoLane demo;
    auto journal = LanePrintJournal::open(lane_db(demo), journal_clock);
    REQUIRE(journal.ok());
    Bench bench;
    PrintQueue queue(opener(bench), printer::generic_profile(58));
    queue.set_journal(journal->get(), {});
    REQUIRE(demo.files.db->connection().exec("DROP TABLE print_jobs"));
    queue.submit(PrintKind::report, 0, {0x1B, 0x40});
    CHECK(queue.status().journal_error.find("print job not saved in lane.db") != std::string::npos);
    CHECK(queue.status().waiting == 1);
    bench.present = true;
    CHECK_FALSE(queue.attempt());
    CHECK(queue.status().printed == 1);
}
