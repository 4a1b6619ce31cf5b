// pos.toml: defaults, the example file, and errors naming the key and line.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "pos/actions/setup/config.hpp"

using namespace pos::actions;

TEST_CASE("config: the shipped example parses to the defaults it documents") {
    std::ifstream file(POS_SOURCE_DIR "/assets/pos.toml.example");
    std::stringstream text;
    text << file.rdbuf();
    auto config = parse_config(text.str(), "pos.toml.example");
    REQUIRE(config.ok());
    CHECK(config->lane == 1);
    CHECK(config->cash_rounding.step == pos::core::CashRounding::Step::jiao);
    CHECK(config->cash_rounding.mode == pos::core::CashRounding::Mode::down);
    REQUIRE(config->nomenclature.scale_formats.size() == 4);
    CHECK(config->nomenclature.scale_formats[3].length == 18);
}

TEST_CASE("config: bad values and unknown keys name the key and line") {
    struct Case {
        const char* toml;
        const char* message;
    };
    for (Case c : {
             Case{"[lane]\nnumber = 0\n", "pos.toml:2: lane.number: must be a whole number from 1 to 999"},
             Case{"[lane]\nlanguage = \"fr\"\n", "pos.toml:2: lane.language: must be \"zh_CN\" or \"en\""},
             Case{"[lane]\nnubmer = 2\n", "pos.toml:2: lane.nubmer: unknown key"},
             Case{"[cash_rounding]\nstep = \"fen\"\n",
                  "pos.toml:2: cash_rounding.step: must be \"none\", \"jiao\" or \"yuan\""},
             Case{"[[barcode.scale]]\nflag = \"22\"\nlength = 13\nfields = [\"plu:5\", \"weight:4\"]\n",
                  "pos.toml:1: barcode.scale[0].fields: flag, fields and check digit make 12 digits but length is 13"},
             Case{"[[barcode.scale]]\nflag = \"22\"\nfields = [\"plu:5\", \"kilos:5\"]\n",
                  "pos.toml:3: barcode.scale[0].fields: each field is \"plu:N\", \"price:N\" or \"weight:N\""},
             Case{"[store]\nname = 5\n", "pos.toml:2: store.name: must be a string"},
             Case{"[[barcode.scale]]\nflag = \"27\"\nkind = \"priced\"\nfields = [\"plu:5\", \"weight:5\"]\n",
                  "pos.toml:1: barcode.scale[0].fields: a priced label needs a \"price:N\" field"},
             Case{"[[barcode.scale]]\nflag = \"23\"\nfields = [\"plu:4\", \"weight:6\"]\n",
                  "pos.toml:1: barcode.scale[0].fields: needs exactly one \"plu:5\" field"},
             Case{"[[barcode.scale]]\nflag = \"23\"\nfields = [\"plu:5\", \"plu:5\"]\n",
                  "pos.toml:1: barcode.scale[0].fields: needs exactly one \"plu:5\" field"},
         }) {
        CAPTURE(std::string(c.toml));
        auto config = parse_config(c.toml, "pos.toml");
        REQUIRE_FALSE(config.ok());
        CHECK(config.error().message == c.message);
    }
    auto syntax = parse_config("[lane\n", "pos.toml");
    REQUIRE_FALSE(syntax.ok());
    CHECK(syntax.error().message.rfind("pos.toml:1:", 0) == 0);
}

TEST_CASE("config: a custom scale format replaces the defaults") {
    auto config = parse_config(
        "[[barcode.scale]]\nflag = \"27\"\nlength = 18\nkind = \"weighed\"\n"
        "fields = [\"plu:5\", \"weight:5\", \"price:5\"]\nweight_decimals = 3\nprice_decimals = 2\n",
        "pos.toml");
    REQUIRE(config.ok());
    REQUIRE(config->nomenclature.scale_formats.size() == 1);
    CHECK(config->nomenclature.scale_formats[0].fields[1].kind == pos::drivers::scanner::ScaleField::Kind::weight);
}
