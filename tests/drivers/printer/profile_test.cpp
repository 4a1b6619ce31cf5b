// Printer profiles: the shipped files and errors naming the key.
#include <doctest/doctest.h>

#include "drivers/printer/profile.hpp"

using namespace pos::drivers::printer;

TEST_CASE("profile: every shipped profile loads and fits its paper") {
    auto profiles = load_profiles(POS_SOURCE_DIR "/assets/printers");
    REQUIRE(profiles);
    REQUIRE(profiles->size() >= 6);
    for (const PrinterProfile& profile : *profiles) {
        CAPTURE(profile.id);
        CHECK(profile.columns * 12 <= profile.dots);
        CHECK((profile.paper_mm == 58 || profile.paper_mm == 80));
        CHECK_FALSE(profile.notes.empty());
    }
    auto winbond = match_profile(*profiles, {0x0416, 0x5011}, 80);
    CHECK(winbond.id == "winbond-pos58");
    CHECK(winbond.quirks.no_set_interface);
    CHECK(winbond.quirks.no_clear_halt);
    CHECK(match_profile(*profiles, {0x04b8, 0x0e03}, 58).quirks.unsolicited_asb);
    auto unknown = match_profile(*profiles, {0x1234, 0x5678}, 80);
    CHECK(unknown.id == "generic-80");
    CHECK(unknown.columns == 48);
    CHECK(unknown.dots == 576);
    CHECK(generic_profile(58).columns == 32);
    CHECK(generic_profile(58).dots == 384);
}

TEST_CASE("profile: bad files name the key") {
    struct Case {
        const char* json;
        const char* message;
    };
    for (Case c : {Case{"[]", "x.json: not a JSON object"}, Case{"{\"colums\": 32}", "x.json: colums: unknown key"},
                   Case{"{\"columns\": 70}", "x.json: columns: must be a whole number from 16 to 64"},
                   Case{"{\"paper_mm\": 76}", "x.json: paper_mm: must be 58 or 80"},
                   Case{"{\"cut\": \"half\"}", "x.json: cut: must be \"partial\", \"full\" or \"none\""},
                   Case{"{\"usb\": [{\"vid\": \"416\", \"pid\": \"5011\"}]}",
                        "x.json: usb.vid: must be 4 hex digits, got \"416\""},
                   Case{"{\"quirks\": {\"no_reset\": true}}", "x.json: quirks.no_reset: unknown quirk"},
                   Case{"{\"columns\": 48}", "x.json: columns: 48 columns of 12 dots do not fit in 384 dots"}}) {
        CAPTURE(std::string(c.json));
        auto profile = parse_profile(c.json, "x");
        REQUIRE_FALSE(profile);
        CHECK(profile.error() == c.message);
    }
    auto ok = parse_profile("{\"paper_mm\": 80, \"columns\": 42, \"chunk_bytes\": 64}", "x");
    REQUIRE(ok);
    CHECK(ok->columns == 42);
    CHECK(ok->dots == 576);
    CHECK(ok->chunk_bytes == 64);
}
