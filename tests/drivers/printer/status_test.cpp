// Status replies: DLE EOT bytes from the fixtures (escpos-generic-dle-eot-status-replies.txt),
// Epson ASB blocks and GET_PORT_STATUS.
#include <doctest/doctest.h>

#include <vector>

#include "drivers/printer/status.hpp"

using namespace pos::drivers::printer;

namespace {
PrinterStatus after(StatusQuery query, std::vector<uint8_t> reply, PrinterStatus start = {}) {
    auto status = apply_dle_eot_reply(start, query, reply);
    REQUIRE(status);
    return *status;
}
}  // namespace

TEST_CASE("status: DLE EOT replies seen on real printers") {
    // Epson answers DLE EOT 1 with 0x16 (drawer pin high) or 0x12: online.
    CHECK(after(StatusQuery::printer, {0x16}).online);
    CHECK(after(StatusQuery::printer, {0x12}).ready());
    CHECK_FALSE(after(StatusQuery::printer, {0x1A}).online);  // bit 3: offline
    // DLE EOT 4: 0x12 paper fine, 0x1E near end (still prints), 0x72 (114) roll paper out.
    CHECK(after(StatusQuery::paper_sensor, {0x12}) == PrinterStatus{});
    PrinterStatus near = after(StatusQuery::paper_sensor, {0x1E});
    CHECK(near.paper_near_end);
    CHECK(near.ready());
    PrinterStatus out = after(StatusQuery::paper_sensor, {0x72});
    CHECK(out.paper_out);
    CHECK_FALSE(out.ready());
    CHECK(describe(out) == "paper out");
    // DLE EOT 2: bit 2 cover open, bit 5 paper end stop, bit 6 error.
    PrinterStatus cover = after(StatusQuery::offline_cause, {0x16});
    CHECK(cover.cover_open);
    CHECK(describe(cover) == "cover open");
    CHECK(after(StatusQuery::offline_cause, {0x52}).error);
    CHECK(after(StatusQuery::error_cause, {0x1A}).error);  // bit 3 autocutter
    // Paper back: a later 0x12 clears paper out.
    CHECK_FALSE(after(StatusQuery::paper_sensor, {0x12}, out).paper_out);
}

TEST_CASE("status: only the first byte is read and it must look like a status") {
    CHECK(after(StatusQuery::paper_sensor, {0x72, 0x12}).paper_out);
    auto none = apply_dle_eot_reply({}, StatusQuery::printer, {});
    REQUIRE_FALSE(none);
    CHECK(none.error() == StatusError::no_reply);
    const uint8_t junk[] = {0xFF};
    auto bad = apply_dle_eot_reply({}, StatusQuery::printer, junk);
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == StatusError::not_a_status);
    CHECK(status_error_message(StatusError::not_a_status) == "the printer's answer is not a status byte");
}

TEST_CASE("status: Epson Automatic Status Back blocks (TM-T20)") {
    const uint8_t fine[] = {0x10, 0x00, 0x60, 0x6F};
    auto ok = parse_asb(fine);
    REQUIRE(ok);
    CHECK(ok->ready());
    const uint8_t paper_end_cover[] = {0x30, 0x00, 0x6C, 0x6F};
    auto bad = parse_asb(paper_end_cover);
    REQUIRE(bad);
    CHECK(bad->cover_open);
    CHECK(bad->paper_out);
    const uint8_t short_block[] = {0x10, 0x00};
    CHECK(parse_asb(short_block).error() == StatusError::too_short);
    const uint8_t not_asb[] = {0x12, 0x00, 0x60, 0x6F};
    CHECK(parse_asb(not_asb).error() == StatusError::not_a_status);
}

TEST_CASE("status: USB GET_PORT_STATUS byte") {
    CHECK(parse_port_status(0x18).ready());       // selected, no error
    CHECK(parse_port_status(0x38).paper_out);     // paper empty
    CHECK_FALSE(parse_port_status(0x08).online);  // not selected
    CHECK(parse_port_status(0x10).error);         // bit 3 clear = error
}
