// pos.toml [devices]: the scanner VID:PID list, checked like every other key.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "pos/actions/setup/config.hpp"

using namespace pos::actions;
using pos::drivers::usb::VidPid;

TEST_CASE("config: [devices] scanners is a list of VID:PID") {
    auto config = parse_config("[devices]\nscanners = [\"0c2e:0967\", \"05E0:1200\"]\n", "pos.toml");
    REQUIRE(config.ok());
    CHECK(config->scanners == std::vector<VidPid>{{0x0C2E, 0x0967}, {0x05E0, 0x1200}});
    auto none = parse_config("", "pos.toml");
    REQUIRE(none.ok());
    CHECK(none->scanners.empty());  // no list: every scanner stays a keyboard wedge
}

TEST_CASE("config: the shipped example has an empty scanner list") {
    std::ifstream file(POS_SOURCE_DIR "/assets/pos.toml.example");
    std::stringstream text;
    text << file.rdbuf();
    auto config = parse_config(text.str(), "pos.toml.example");
    REQUIRE(config.ok());
    CHECK(config->scanners.empty());
    CHECK(config->printers.empty());  // the example fits no printer: pos runs as before until one is listed
}

TEST_CASE("config: bad [devices] entries name the key and line") {
    struct Case {
        const char* toml;
        const char* message;
    };
    for (Case c : {
             Case{"[devices]\nscanner = []\n", "pos.toml:2: devices.scanner: unknown key"},
             Case{"[devices]\nscanners = \"0c2e:0967\"\n",
                  "pos.toml:2: devices.scanners: must be a list like [\"0c2e:0967\"]"},
             Case{"[devices]\nscanners = [\n  \"0c2e:0967\",\n  \"0c2e-0967\",\n]\n",
                  "pos.toml:4: devices.scanners: each entry must be a USB VID:PID like \"0c2e:0967\" (see posctl "
                  "devices list)"},
             Case{"[devices]\nscanners = [3118]\n",
                  "pos.toml:2: devices.scanners: each entry must be a USB VID:PID like \"0c2e:0967\" (see posctl "
                  "devices list)"},
         }) {
        CAPTURE(c.toml);
        auto config = parse_config(c.toml, "pos.toml");
        REQUIRE_FALSE(config.ok());
        CHECK(config.error().message == c.message);
    }
}

TEST_CASE("config: [devices] printers and printer_profile") {
    auto config =
        parse_config("[devices]\nprinters = [\"0416:5011\"]\nprinter_profile = \"winbond-pos58\"\n", "pos.toml");
    REQUIRE(config.ok());
    CHECK(config->printers == std::vector<VidPid>{{0x0416, 0x5011}});
    CHECK(config->printer_profile == "winbond-pos58");
    auto none = parse_config("[devices]\nscanners = []\n", "pos.toml");
    REQUIRE(none.ok());
    CHECK(none->printers.empty());  // no printer: pos prints nothing and shows no printer state
    CHECK(none->printer_profile.empty());

    struct Case {
        const char* toml;
        const char* message;
    };
    for (Case c : {
             Case{"[devices]\nprinter = [\"0416:5011\"]\n", "pos.toml:2: devices.printer: unknown key"},
             Case{"[devices]\nprinters = \"0416:5011\"\n",
                  "pos.toml:2: devices.printers: must be a list like [\"0416:5011\"]"},
             Case{"[devices]\nprinters = [\n  \"0416-5011\",\n]\n",
                  "pos.toml:3: devices.printers: each entry must be a USB VID:PID like \"0416:5011\" (see posctl "
                  "devices list)"},
             Case{"[devices]\nprinter_profile = 58\n", "pos.toml:2: devices.printer_profile: must be a string"},
             Case{"[devices]\nprinter_profile = \"Generic 58\"\n",
                  "pos.toml:2: devices.printer_profile: must be a profile name from assets/printers, like "
                  "\"generic-58\" or \"winbond-pos58\""},
         }) {
        CAPTURE(c.toml);
        auto bad = parse_config(c.toml, "pos.toml");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().message == c.message);
    }
}

TEST_CASE("config: [receipt] code and logo") {
    auto defaults = parse_config("", "pos.toml");
    REQUIRE(defaults.ok());
    CHECK(defaults->receipt_code == "qr");
    CHECK(defaults->receipt_logo.empty());
    auto config = parse_config("[receipt]\ncode = \"code128\"\nlogo = \"logo.png\"\n", "pos.toml");
    REQUIRE(config.ok());
    CHECK(config->receipt_code == "code128");
    CHECK(config->receipt_logo == "logo.png");
    struct Case {
        const char* toml;
        const char* message;
    };
    for (Case c : {
             Case{"[receipt]\ncode = \"pdf417\"\n", "pos.toml:2: receipt.code: must be \"qr\" or \"code128\""},
             Case{"[receipt]\nlogo = 1\n", "pos.toml:2: receipt.logo: must be a string"},
             Case{"[receipt]\nbarcode = \"qr\"\n", "pos.toml:2: receipt.barcode: unknown key"},
         }) {
        CAPTURE(c.toml);
        auto bad = parse_config(c.toml, "pos.toml");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().message == c.message);
    }
}
