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

TEST_CASE("config: [display] and [scale] on serial ports") {
    using pos::drivers::serial::Parity;
    auto none = parse_config("", "pos.toml");
    REQUIRE(none.ok());
    CHECK_FALSE(none->display.has_value());  // no [display]: the lane has no customer display
    CHECK_FALSE(none->scale.has_value());

    auto led8 = parse_config("[display]\nkind = \"led8\"\nport = \"/dev/ttyUSB0\"\n", "pos.toml");
    REQUIRE(led8.ok());
    REQUIRE(led8->display.has_value());
    CHECK(led8->display->model == pos::drivers::display::DisplayModel::led8);
    CHECK(led8->display->port == "/dev/ttyUSB0");
    CHECK(led8->display->line.baud == 2400);  // the LED8's usual factory setting
    CHECK(led8->display->timeout_ms == 500);
    CHECK(led8->display->led8.lamp_codes == pos::drivers::display::LampCodes::ascii);

    auto vfd = parse_config(
        "[display]\nkind = \"vfd\"\nport = \"/dev/ttyS1\"\nline = \"19200\"\ntimeout_ms = 300\n"
        "idle_text = \"欢迎光临\"\ncommands = \"epson\"\ncharset = \"ascii\"\n",
        "pos.toml");
    REQUIRE(vfd.ok());
    REQUIRE(vfd->display.has_value());
    CHECK(vfd->display->model == pos::drivers::display::DisplayModel::vfd);
    CHECK(vfd->display->line.baud == 19200);
    CHECK(vfd->display->timeout_ms == 300);
    CHECK(vfd->display->idle_text == "欢迎光临");
    CHECK(vfd->display->vfd.commands == pos::drivers::display::VfdCommands::epson);
    CHECK(vfd->display->vfd.charset == pos::drivers::display::VfdCharset::ascii);

    auto off = parse_config("[display]\nkind = \"none\"\n[scale]\nkind = \"none\"\n", "pos.toml");
    REQUIRE(off.ok());
    CHECK_FALSE(off->display.has_value());
    CHECK_FALSE(off->scale.has_value());

    auto toledo = parse_config("[scale]\nkind = \"toledo8217\"\nport = \"/dev/ttyUSB1\"\n", "pos.toml");
    REQUIRE(toledo.ok());
    REQUIRE(toledo->scale.has_value());
    CHECK(toledo->scale->protocol == pos::drivers::scale::ScaleProtocol::toledo8217);
    CHECK(toledo->scale->line.baud == 9600);  // 8217's own 9600 7E1
    CHECK(toledo->scale->line.data_bits == 7);
    CHECK(toledo->scale->line.parity == Parity::even);
    CHECK(toledo->scale->min_grams == 20);
    CHECK(toledo->scale->max_grams == 15000);

    auto counter = parse_config(
        "[scale]\nkind = \"continuous\"\nport = \"/dev/ttyUSB1\"\ntimeout_ms = 800\n"
        "min_grams = 5\nmax_grams = 30000\n",
        "pos.toml");
    REQUIRE(counter.ok());
    CHECK(counter->scale->protocol == pos::drivers::scale::ScaleProtocol::continuous);
    CHECK(counter->scale->line.data_bits == 8);
    CHECK(counter->scale->timeout_ms == 800);
    CHECK(counter->scale->min_grams == 5);
    CHECK(counter->scale->max_grams == 30000);
}

TEST_CASE("config: [display] window = true, alone or beside a serial display") {
    auto window = parse_config("[display]\nwindow = true\nidle_text = \"欢迎光临\"\n", "pos.toml");
    REQUIRE(window.ok());
    CHECK_FALSE(window->display.has_value());  // no kind: a dual-screen till with no serial display
    REQUIRE(window->customer_window.has_value());
    CHECK(window->customer_window->idle_text == "欢迎光临");

    auto both = parse_config("[display]\nwindow = true\nkind = \"led8\"\nport = \"/dev/ttyUSB0\"\n", "pos.toml");
    REQUIRE(both.ok());
    CHECK(both->display.has_value());
    CHECK(both->customer_window.has_value());

    auto off = parse_config("[display]\nwindow = false\nkind = \"led8\"\nport = \"/dev/ttyUSB0\"\n", "pos.toml");
    REQUIRE(off.ok());
    CHECK(off->display.has_value());
    CHECK_FALSE(off->customer_window.has_value());

    auto bad = parse_config("[display]\nkind = \"led8\"\nport = \"/dev/ttyUSB0\"\nwindow = \"yes\"\n", "pos.toml");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message ==
          "pos.toml:4: display.window: must be true (a dual-screen till: the customer's window on the second monitor) "
          "or false");
}

TEST_CASE("config: bad [display] and [scale] entries name the key and line") {
    struct Case {
        const char* toml;
        const char* message;
    };
    for (Case c : {
             Case{"[display]\nkind = \"led8\"\nport = \"/dev/ttyUSB0\"\nbaud = 9600\n",
                  "pos.toml:4: display.baud: unknown key"},
             Case{"[display]\nport = \"/dev/ttyUSB0\"\n",
                  "pos.toml:1: display.kind: is required: \"led8\", \"vfd\" or \"none\""},
             Case{"[display]\nkind = \"lcd\"\n", "pos.toml:2: display.kind: must be \"led8\", \"vfd\" or \"none\""},
             Case{"[display]\nkind = \"vfd\"\n",
                  "pos.toml:1: display.port: is required: the device's serial port, like \"/dev/ttyUSB0\" (see "
                  "posctl devices list)"},
             Case{"[display]\nkind = \"vfd\"\nport = \"ttyUSB0\"\n",
                  "pos.toml:3: display.port: must be the full path of the serial port, like \"/dev/ttyUSB0\" or "
                  "\"/dev/ttyS0\""},
             Case{"[display]\nkind = \"led8\"\nport = \"/dev/ttyUSB0\"\nline = \"2400 8X1\"\n",
                  "pos.toml:4: display.line: serial settings \"2400 8X1\": write the baud rate and, if not 8N1, the "
                  "frame, e.g. \"9600 7E1\" or \"2400\""},
             Case{"[display]\nkind = \"led8\"\nport = \"/dev/ttyUSB0\"\ntimeout_ms = 0\n",
                  "pos.toml:4: display.timeout_ms: must be a whole number from 50 to 10000 (milliseconds)"},
             Case{"[display]\nkind = \"vfd\"\nport = \"/dev/ttyUSB0\"\nlamp_codes = \"binary\"\n",
                  "pos.toml:4: display.lamp_codes: is for kind = \"led8\" displays only"},
             Case{"[display]\nkind = \"vfd\"\nport = \"/dev/ttyUSB0\"\ncharset = \"big5\"\n",
                  "pos.toml:4: display.charset: must be \"gb2312\" or \"ascii\""},
             Case{"display = \"led8\"\n", "pos.toml:1: display: must be a [display] table"},
             Case{"[scale]\nkind = \"toledo\"\nport = \"/dev/ttyUSB1\"\n",
                  "pos.toml:2: scale.kind: must be \"toledo8217\", \"continuous\" or \"none\""},
             Case{"[scale]\nkind = \"toledo8217\"\nport = \"/dev/ttyUSB1\"\nmax_gram = 6000\n",
                  "pos.toml:4: scale.max_gram: unknown key"},
             Case{"[scale]\nkind = \"toledo8217\"\nport = \"/dev/ttyUSB1\"\nmin_grams = \"20\"\n",
                  "pos.toml:4: scale.min_grams: must be a whole number from 1 to 100000 (grams)"},
             Case{"[scale]\nkind = \"continuous\"\nport = \"/dev/ttyUSB1\"\nmin_grams = 50\nmax_grams = 40\n",
                  "pos.toml:5: scale.max_grams: (40) must be more than min_grams (50)"},
         }) {
        CAPTURE(c.toml);
        auto bad = parse_config(c.toml, "pos.toml");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().message == c.message);
    }
}
