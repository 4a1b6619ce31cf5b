// Tests of the HID POS scanned-data decoder, on a real Honeywell 1602g report chain (tests/fixtures/usb).
#include "drivers/scanner/hid_pos.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/support/hid_reports.hpp"

namespace scanner = pos::drivers::scanner;
using pos::test::hid_pos_reports;
using pos::test::Report;
using scanner::Decoded;
using scanner::HidPosDecoder;
using scanner::ReportProblem;
using scanner::Scan;

namespace {

// tests/fixtures/usb/honeywell-voyager1602g-hidpos-reports.txt: the reply to REVINF., six chained reports.
const std::vector<Report> voyager_revinf{
    {2,   56,  93,  88,  48, 80, 114, 111, 100, 117, 99, 116, 32, 78,  97,  109, 101, 58, 32,  86,  111, 121,
     97,  103, 101, 114, 32, 49, 54,  48,  50,  103, 13, 10,  66, 111, 111, 116, 32,  82, 101, 118, 105, 115,
     105, 111, 110, 58,  32, 58, 32,  56,  57,  57,  50, 13,  10, 83,  111, 102, 116, 63, 0,   1},
    {2,  56, 93,  88,  48,  119, 97,  114, 101, 32, 80, 97, 114, 116, 32,  78,  117, 109, 98,  101, 114, 58,
     32, 67, 87,  48,  48,  48,  48,  56,  50,  66, 66, 65, 13,  10,  83,  111, 102, 116, 119, 97,  114, 101,
     32, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 36, 80,  114, 111, 106, 101, 63,  0,   1},
    {2,  56, 93, 88, 48,  99,  116, 82, 101, 118, 105, 115, 105, 111, 110, 58,  32,  49, 54, 51, 52, 53,
     32, 13, 10, 83, 101, 114, 105, 97, 108, 32,  78,  117, 109, 98,  101, 114, 58,  32, 49, 53, 50, 51,
     50, 66, 49, 70, 48,  67,  13,  10, 83,  117, 112, 112, 111, 114, 116, 101, 100, 63, 0,  1},
    {2,  56, 93, 88,  48,  32,  73,  70,  58, 32,  66,  108, 117, 101, 116, 111, 111, 116, 104, 13, 10, 80,
     67, 66, 32, 65,  115, 115, 101, 109, 98, 108, 121, 32,  73,  68,  58,  32,  48,  48,  48,  48, 48, 48,
     13, 10, 69, 110, 103, 105, 110, 101, 32, 70,  105, 114, 109, 119, 97,  114, 101, 63,  0,   1},
    {2,   56,  93,  88,  48, 32, 84, 121, 112, 101, 58, 32, 78,  47,  65,  32,  32,  32,  82, 101, 118, 105,
     115, 105, 111, 110, 58, 32, 78, 47,  65,  32,  32, 32, 83,  101, 114, 105, 97,  108, 32, 78,  117, 109,
     98,  101, 114, 58,  32, 78, 47, 65,  32,  32,  32, 67, 104, 101, 99,  107, 115, 63,  0,  1},
    {2, 9, 93, 88, 48, 117, 109, 58, 32, 78, 47, 65, 13, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0,
     0, 0, 0,  0,  0,  0,   0,   0,  0,  0,  0,  0,  0,  0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 63, 0, 0},
};

// The same file: the command echo that closes a reply, "]Z6" + "REVINF" + ACK + ".".
const Report voyager_ack{2, 8, 93, 90, 54, 82, 69, 86, 73, 78, 70, 6, 46, 0, 0, 0, 0, 0,  0, 0, 0, 0,
                         0, 0, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0, 0,  0, 0, 0, 0, 0,  0, 0, 0, 0,
                         0, 0, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0, 0,  0, 0, 0, 0, 54, 0, 0};

struct Run {
    std::vector<Scan> scans;
    std::vector<ReportProblem> problems;
};

Run feed_all(HidPosDecoder& decoder, const std::vector<Report>& reports) {
    Run run;
    for (const Report& report : reports) {
        Decoded decoded = decoder.feed(report);
        if (decoded.scan) run.scans.push_back(*decoded.scan);
        if (decoded.problem != ReportProblem::none) run.problems.push_back(decoded.problem);
    }
    return run;
}

Run feed_all(const std::vector<Report>& reports) {
    HidPosDecoder decoder;
    return feed_all(decoder, reports);
}

}  // namespace

TEST_CASE("hid_pos: an EAN-13 in one report, with its AIM id") {
    Run run = feed_all(hid_pos_reports("]E0", "6901234567892"));
    REQUIRE(run.scans.size() == 1);
    CHECK(run.scans[0].aim == "]E0");
    CHECK(run.scans[0].data == "6901234567892");
    CHECK(run.scans[0].text() == "]E06901234567892");
    CHECK(run.problems.empty());
}

TEST_CASE("hid_pos: AIM symbology ids pass through as sent") {
    for (const char* aim : {"]E0", "]E4", "]C1", "]e0", "]Q1", "]d2", "]X0"}) {
        CAPTURE(aim);
        Run run = feed_all(hid_pos_reports(aim, "0123"));
        REQUIRE(run.scans.size() == 1);
        CHECK(run.scans[0].aim == aim);
    }
    // Symbology ids switched off in the scanner: three zero bytes, no AIM.
    Run plain = feed_all(hid_pos_reports("", "6901234567892"));
    REQUIRE(plain.scans.size() == 1);
    CHECK(plain.scans[0].aim.empty());
}

TEST_CASE("hid_pos: the Voyager 1602g chain of six reports is one reply") {
    HidPosDecoder decoder;
    for (size_t i = 0; i + 1 < voyager_revinf.size(); ++i) {
        Decoded decoded = decoder.feed(voyager_revinf[i]);
        CHECK_FALSE(decoded.scan);
        CHECK(decoded.problem == ReportProblem::none);
        CHECK(decoder.pending());
    }
    Decoded last = decoder.feed(voyager_revinf.back());
    REQUIRE(last.scan);
    CHECK(last.scan->aim == "]X0");
    CHECK(last.scan->data.size() == 5 * 56 + 9);
    CHECK(last.scan->data.starts_with("Product Name: Voyager 1602g\r\nBoot Revision: "));
    CHECK(last.scan->data.ends_with("Checksum: N/A\r\n"));
    CHECK_FALSE(decoder.pending());

    Run ack = feed_all(decoder, {voyager_ack});
    REQUIRE(ack.scans.size() == 1);
    CHECK(ack.scans[0].aim == "]Z6");
    CHECK(ack.scans[0].data == "REVINF\x06.");
}

TEST_CASE("hid_pos: a GS1-128 code split across two reports is reassembled") {
    std::string data =
        "0106901234567892"
        "\x1d"
        "10BATCH-0001"
        "\x1d"
        "17261231"
        "3103000350"
        "\x1d"
        "21SERIAL12345678";
    REQUIRE(data.size() > 56);
    std::vector<Report> reports = hid_pos_reports("]C1", data);
    REQUIRE(reports.size() == 2);
    CHECK(reports[0][63] == 1);
    Run run = feed_all(reports);
    REQUIRE(run.scans.size() == 1);
    CHECK(run.scans[0].aim == "]C1");
    CHECK(run.scans[0].data == data);
    // Exactly 56 bytes fits one report; 57 needs two.
    CHECK(feed_all(hid_pos_reports("]Q1", std::string(56, 'x'))).scans.at(0).data.size() == 56);
    CHECK(feed_all(hid_pos_reports("]Q1", std::string(57, 'x'))).scans.at(0).data.size() == 57);
}

TEST_CASE("hid_pos: malformed reports are ignored and named") {
    Report good = hid_pos_reports("]E0", "6901234567892")[0];
    struct Case {
        const char* name;
        Report report;
        ReportProblem problem;
    };
    Report short_report(good.begin(), good.begin() + 63);
    Report long_report = good;
    long_report.push_back(0);
    Report other_id = good;
    other_id[0] = 0x04;
    Report bad_length = good;
    bad_length[1] = 57;
    Report bad_aim = good;
    bad_aim[2] = 'E';
    Report control_aim = good;
    control_aim[4] = 0x01;
    Report empty_scan(64, 0);
    empty_scan[0] = 2;
    const std::vector<Case> cases{
        {"63 bytes", short_report, ReportProblem::wrong_length},
        {"65 bytes", long_report, ReportProblem::wrong_length},
        {"no bytes", Report{}, ReportProblem::wrong_length},
        {"report id 4", other_id, ReportProblem::unknown_report},
        {"length 57", bad_length, ReportProblem::bad_length_field},
        {"AIM without ]", bad_aim, ReportProblem::bad_aim},
        {"AIM with a control byte", control_aim, ReportProblem::bad_aim},
        {"no data", empty_scan, ReportProblem::empty},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        HidPosDecoder decoder;
        Decoded decoded = decoder.feed(c.report);
        CHECK(decoded.problem == c.problem);
        CHECK_FALSE(decoded.scan);
        CHECK_FALSE(decoded.detail.empty());
        // The decoder reads the next good report as if nothing happened.
        Run after = feed_all(decoder, {good});
        CHECK(after.scans.size() == 1);
    }
}

TEST_CASE("hid_pos: a bad report inside a chain drops the whole code") {
    std::vector<Report> reports = hid_pos_reports("]C1", std::string(100, '5'));
    Report broken = reports[1];
    broken[1] = 200;
    HidPosDecoder decoder;
    Run run = feed_all(decoder, {reports[0], broken});
    CHECK(run.scans.empty());
    CHECK(run.problems == std::vector<ReportProblem>{ReportProblem::bad_length_field});
    CHECK_FALSE(decoder.pending());
    // Its real tail, arriving late, is a short code on its own, not glued to the dropped head.
    Run tail = feed_all(decoder, {reports[1]});
    REQUIRE(tail.scans.size() == 1);
    CHECK(tail.scans[0].data == std::string(44, '5'));
}

TEST_CASE("hid_pos: the exact wording of a log detail") {
    HidPosDecoder decoder;
    CHECK(decoder.feed(Report(10, 0)).detail == "report of 10 bytes, HID POS sends 64");
    Report other(64, 0);
    other[0] = 5;
    CHECK(decoder.feed(other).detail == "report id 5 is not scanned data; ignored");
}

TEST_CASE("hid_pos: discard_pending drops a code waiting for its last part") {
    std::vector<Report> reports = hid_pos_reports("]Q1", std::string(60, 'q'));
    HidPosDecoder decoder;
    CHECK(feed_all(decoder, {reports[0]}).scans.empty());
    CHECK(decoder.pending());
    CHECK(decoder.discard_pending() == std::string(56, 'q'));
    CHECK_FALSE(decoder.pending());
    CHECK(feed_all(decoder, hid_pos_reports("]E0", "123")).scans.at(0).data == "123");
}
