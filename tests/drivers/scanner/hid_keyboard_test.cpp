// Tests of the boot-keyboard report decoder, on real scanners' reports (tests/fixtures/usb).
#include "drivers/scanner/hid_keyboard.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/support/hid_reports.hpp"

namespace scanner = pos::drivers::scanner;
using pos::test::from_hex;
using pos::test::keyboard_reports;
using pos::test::Report;
using scanner::Decoded;
using scanner::KeyboardDecoder;
using scanner::ReportProblem;

namespace {

// Feeds every report; returns the scans finished, in order, and the problems seen.
struct Run {
    std::vector<std::string> scans;
    std::vector<ReportProblem> problems;
};

Run feed_all(KeyboardDecoder& decoder, const std::vector<Report>& reports) {
    Run run;
    for (const Report& report : reports) {
        Decoded decoded = decoder.feed(report);
        if (decoded.scan) run.scans.push_back(decoded.scan->text());
        if (decoded.problem != ReportProblem::none) run.problems.push_back(decoded.problem);
    }
    return run;
}

Run feed_all(const std::vector<Report>& reports) {
    KeyboardDecoder decoder;
    return feed_all(decoder, reports);
}

}  // namespace

TEST_CASE("hid_keyboard: key usages type US-layout characters") {
    struct Case {
        uint8_t usage;
        bool shift;
        char expected;
    };
    const std::vector<Case> cases{
        {0x04, false, 'a'}, {0x1D, false, 'z'}, {0x04, true, 'A'},  {0x1E, false, '1'},  {0x26, false, '9'},
        {0x27, false, '0'}, {0x1E, true, '!'},  {0x27, true, ')'},  {0x2D, false, '-'},  {0x2D, true, '_'},
        {0x30, false, ']'}, {0x38, false, '/'}, {0x38, true, '?'},  {0x37, false, '.'},  {0x2C, false, ' '},
        {0x59, false, '1'}, {0x62, false, '0'}, {0x63, false, '.'}, {0x28, false, '\r'}, {0x58, false, '\r'},
    };
    for (const Case& c : cases) {
        CAPTURE(c.usage);
        CHECK(scanner::key_character(c.usage, c.shift) == c.expected);
    }
    CHECK_FALSE(scanner::key_character(0x32, false));  // non-US # has no key on a US board
    CHECK_FALSE(scanner::key_character(0x39, false));  // Caps Lock
    CHECK_FALSE(scanner::key_character(0x3A, false));  // F1
    CHECK_FALSE(scanner::key_character(0x00, false));
}

TEST_CASE("hid_keyboard: an EAN-13 with Enter is exactly one scan") {
    Run run = feed_all(keyboard_reports("6901234567892\r"));
    CHECK(run.scans == std::vector<std::string>{"6901234567892"});
    CHECK(run.problems.empty());
}

TEST_CASE("hid_keyboard: repeated digits come from the release between presses") {
    // 11 and 00 twice: the diff sees each press anew after its release report.
    CHECK(feed_all(keyboard_reports("4006381333931\r")).scans == std::vector<std::string>{"4006381333931"});
    CHECK(feed_all(keyboard_reports("1100\r")).scans == std::vector<std::string>{"1100"});
    // A key held over two reports (no release between) is typed once, not twice.
    std::vector<Report> held{from_hex("00 00 1e 00 00 00 00 00"), from_hex("00 00 1e 00 00 00 00 00"),
                             from_hex("00 00 00 00 00 00 00 00"), from_hex("00 00 28 00 00 00 00 00")};
    CHECK(feed_all(held).scans == std::vector<std::string>{"1"});
}

TEST_CASE("hid_keyboard: the release after Enter is consumed, the next scan starts clean") {
    KeyboardDecoder decoder;
    Run first = feed_all(decoder, keyboard_reports("123\r"));
    CHECK(first.scans == std::vector<std::string>{"123"});
    CHECK(decoder.pending().empty());
    Run second = feed_all(decoder, keyboard_reports("456\r"));
    CHECK(second.scans == std::vector<std::string>{"456"});
    // Enter held into the next key's press report (no release in between) still ends only once.
    KeyboardDecoder rolled;
    std::vector<Report> reports{from_hex("00 00 1e 00 00 00 00 00"), from_hex("00 00 28 00 00 00 00 00"),
                                from_hex("00 00 1f 00 00 00 00 00"), from_hex("00 00 28 00 00 00 00 00")};
    CHECK(feed_all(rolled, reports).scans == std::vector<std::string>{"1", "2"});
}

TEST_CASE("hid_keyboard: shift from either shift key, and letters with an AIM prefix") {
    CHECK(feed_all(keyboard_reports("]E0ABC12\r")).scans == std::vector<std::string>{"]E0ABC12"});
    std::vector<Report> right_shift{from_hex("20 00 04 00 00 00 00 00"), from_hex("00 00 00 00 00 00 00 00"),
                                    from_hex("00 00 28 00 00 00 00 00")};
    CHECK(feed_all(right_shift).scans == std::vector<std::string>{"A"});
}

TEST_CASE("hid_keyboard: several keys in one report are read in array order") {
    std::vector<Report> reports{from_hex("00 00 1e 1f 20 00 00 00"), from_hex("00 00 00 00 00 00 00 00"),
                                from_hex("00 00 28 00 00 00 00 00"), from_hex("00 00 00 00 00 00 00 00")};
    CHECK(feed_all(reports).scans == std::vector<std::string>{"123"});
}

TEST_CASE("hid_keyboard: Alt+numpad codes from the generic scanner fixture read SIP-4-1") {
    // tests/fixtures/usb/generic-scanner-hidkbd-altnumpad-reports.txt, verbatim.
    std::vector<Report> reports;
    for (const char* hex :
         {"04 00 62 60 5b 00 00 00", "00 00 00 00 00 00 00 00", "04 00 62 5f 5b 00 00 00", "00 00 00 00 00 00 00 00",
          "04 00 62 60 62 00 00 00", "00 00 00 00 00 00 00 00", "04 00 62 5c 5d 00 00 00", "00 00 00 00 00 00 00 00",
          "04 00 62 5d 5a 00 00 00", "00 00 00 00 00 00 00 00", "04 00 62 5c 5d 00 00 00", "00 00 00 00 00 00 00 00",
          "04 00 62 5c 61 00 00 00", "00 00 00 00 00 00 00 00", "00 00 28 00 00 00 00 00", "00 00 00 00 00 00 00 00"}) {
        reports.push_back(from_hex(hex));
    }
    Run run = feed_all(reports);
    CHECK(run.scans == std::vector<std::string>{"SIP-4-1"});
    CHECK(run.problems.empty());
}

TEST_CASE("hid_keyboard: GS1 separators typed as Ctrl and right bracket, or Alt+029") {
    std::vector<Report> reports{from_hex("00 00 1e 00 00 00 00 00"), from_hex("01 00 30 00 00 00 00 00"),
                                from_hex("00 00 00 00 00 00 00 00"), from_hex("04 00 62 5a 61 00 00 00"),
                                from_hex("00 00 00 00 00 00 00 00"), from_hex("00 00 1f 00 00 00 00 00"),
                                from_hex("00 00 28 00 00 00 00 00")};
    CHECK(feed_all(reports).scans == std::vector<std::string>{"1\x1d\x1d"
                                                              "2"});
}

TEST_CASE("hid_keyboard: malformed reports are ignored and named") {
    struct Case {
        const char* name;
        Report report;
        ReportProblem problem;
    };
    const std::vector<Case> cases{
        {"7 bytes", from_hex("00 00 1e 00 00 00 00"), ReportProblem::wrong_length},
        {"9 bytes", from_hex("00 00 1e 00 00 00 00 00 00"), ReportProblem::wrong_length},
        {"empty", Report{}, ReportProblem::wrong_length},
        {"rollover", from_hex("00 00 01 01 01 01 01 01"), ReportProblem::rollover},
        {"F1", from_hex("00 00 3a 00 00 00 00 00"), ReportProblem::unknown_usage},
        {"Ctrl+A", from_hex("01 00 04 00 00 00 00 00"), ReportProblem::unknown_usage},
        {"Alt+A", from_hex("04 00 04 00 00 00 00 00"), ReportProblem::unknown_usage},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        KeyboardDecoder decoder;
        CHECK(feed_all(decoder, keyboard_reports("12")).problems.empty());
        Decoded decoded = decoder.feed(c.report);
        CHECK(decoded.problem == c.problem);
        CHECK_FALSE(decoded.detail.empty());
        CHECK_FALSE(decoded.scan);
        // The scan in progress survives the bad report.
        CHECK(feed_all(decoder, {from_hex("00 00 00 00 00 00 00 00"), from_hex("00 00 20 00 00 00 00 00"),
                                 from_hex("00 00 28 00 00 00 00 00")})
                  .scans == std::vector<std::string>{"123"});
    }
}

TEST_CASE("hid_keyboard: the exact wording of a log detail") {
    KeyboardDecoder decoder;
    CHECK(decoder.feed(from_hex("00 00 1e")).detail == "report of 3 bytes, a boot keyboard sends 8");
    CHECK(decoder.feed(from_hex("00 00 3a 00 00 00 00 00")).detail == "usage 0x3a types nothing in a barcode; ignored");
}

TEST_CASE("hid_keyboard: a rollover report leaves the held keys as they were") {
    // Without care the phantom report would look like a release, and the 1 would type twice.
    std::vector<Report> reports{from_hex("00 00 1e 00 00 00 00 00"), from_hex("00 00 01 01 01 01 01 01"),
                                from_hex("00 00 1e 00 00 00 00 00"), from_hex("00 00 00 00 00 00 00 00"),
                                from_hex("00 00 28 00 00 00 00 00")};
    CHECK(feed_all(reports).scans == std::vector<std::string>{"1"});
}

TEST_CASE("hid_keyboard: Enter alone, bad Alt codes and over-long scans") {
    CHECK(feed_all(keyboard_reports("\r\r")).scans.empty());
    Run alt = feed_all({from_hex("04 00 5a 5e 5e 00 00 00"), from_hex("00 00 00 00 00 00 00 00"),
                        from_hex("00 00 1e 00 00 00 00 00"), from_hex("00 00 28 00 00 00 00 00")});
    CHECK(alt.scans == std::vector<std::string>{"1"});
    CHECK(alt.problems == std::vector<ReportProblem>{ReportProblem::bad_alt_code});  // Alt+255

    std::string long_code(KeyboardDecoder::max_scan_length + 1, '7');
    KeyboardDecoder decoder;
    Run too_long = feed_all(decoder, keyboard_reports(long_code + "\r"));
    CHECK(too_long.scans.empty());
    CHECK(too_long.problems == std::vector<ReportProblem>{ReportProblem::too_long});
    CHECK(feed_all(decoder, keyboard_reports("42\r")).scans == std::vector<std::string>{"42"});
}

TEST_CASE("hid_keyboard: discard_pending drops a scan that never got its Enter") {
    KeyboardDecoder decoder;
    CHECK(feed_all(decoder, keyboard_reports("690123")).scans.empty());
    CHECK(decoder.pending() == "690123");
    CHECK(decoder.discard_pending() == "690123");
    CHECK(feed_all(decoder, keyboard_reports("42\r")).scans == std::vector<std::string>{"42"});
    // reset() forgets a held key: after a replug the same key's press is new.
    CHECK(decoder.feed(from_hex("00 00 1e 00 00 00 00 00")).problem == ReportProblem::none);
    decoder.reset();
    CHECK(feed_all(decoder, {from_hex("00 00 1e 00 00 00 00 00"), from_hex("00 00 28 00 00 00 00 00")}).scans ==
          std::vector<std::string>{"1"});
}
