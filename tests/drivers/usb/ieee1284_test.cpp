// IEEE 1284 device IDs as printers send them to GET_DEVICE_ID.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "drivers/usb/ieee1284.hpp"

using namespace pos::drivers::usb;

namespace {

std::vector<uint8_t> reply(const std::string& text, bool little_endian = false) {
    size_t length = text.size() + 2;
    std::vector<uint8_t> out = {static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length & 0xFF)};
    if (little_endian) std::swap(out[0], out[1]);
    out.insert(out.end(), text.begin(), text.end());
    return out;
}

}  // namespace

TEST_CASE("ieee1284: the Epson TM-T88V's real device ID") {
    // tests/fixtures/usb/epson-tmt88v-printerclass.txt
    auto id = parse_ieee1284_id(
        reply("MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V-JPN;CLS:PRINTER;DES:EPSON TM-T88V;CID:EpsonTM00000101;"));
    REQUIRE(id);
    CHECK(id->manufacturer == "EPSON");
    CHECK(id->model == "TM-T88V-JPN");
    CHECK(id->command_set == "ESC/POS");
    CHECK(id->description == "EPSON TM-T88V");
    CHECK(id->fields.at("CLS") == "PRINTER");
    CHECK(id->fields.at("CID") == "EpsonTM00000101");
    CHECK(id->name() == "EPSON TM-T88V-JPN");
}

TEST_CASE("ieee1284: long key names, lower case, spaces, a little-endian length, padding after the string") {
    std::vector<uint8_t> bytes = reply("manufacturer: Xprinter ;COMMAND SET:ESC/POS;model:XP-58 ;", true);
    bytes.insert(bytes.end(), {0, 0, 0});
    auto id = parse_ieee1284_id(bytes);
    REQUIRE(id);
    CHECK(id->manufacturer == "Xprinter");
    CHECK(id->model == "XP-58");
    CHECK(id->command_set == "ESC/POS");
    CHECK(id->name() == "Xprinter XP-58");
}

TEST_CASE("ieee1284: a model that repeats the maker is not doubled, a length past the reply is not trusted") {
    std::vector<uint8_t> bytes = reply("MFG:EPSON;MDL:EPSON TM-T20;");
    bytes[0] = 0x7F;  // 32,5xx: longer than what arrived, either way round
    auto id = parse_ieee1284_id(bytes);
    REQUIRE(id);
    CHECK(id->name() == "EPSON TM-T20");
}

TEST_CASE("ieee1284: replies that are not device IDs are errors") {
    CHECK(parse_ieee1284_id(std::vector<uint8_t>{0x00}).error() == "device ID reply shorter than its 2-byte length");
    CHECK(parse_ieee1284_id(reply("")).error() == "device ID has no KEY:value; pairs");
    CHECK(parse_ieee1284_id(reply("garbage without colons")).error() == "device ID has no KEY:value; pairs");
}
