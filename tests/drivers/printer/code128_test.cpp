// CODE128 table and check symbol.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "drivers/printer/code128.hpp"

using namespace pos::drivers::printer;

TEST_CASE("code128: every pattern is 11 modules (stop 13) and all are distinct") {
    std::set<std::string> seen;
    for (int value = 0; value <= 106; ++value) {
        std::string_view pattern = code128_pattern(value);
        int sum = 0;
        for (char c : pattern) sum += c - '0';
        CAPTURE(value);
        CHECK(sum == (value == 106 ? 13 : 11));
        CHECK(pattern.size() == (value == 106 ? 7u : 6u));
        CHECK(seen.insert(std::string(pattern)).second);
    }
    CHECK(code128_pattern(107).empty());
}

TEST_CASE("code128: code set C payload, check symbol and stop") {
    // "{C" 01 00 00 00 12: start C (105), then 1, 0, 0, 0, 12.
    const uint8_t payload[] = {'{', 'C', 1, 0, 0, 0, 12};
    auto code = decode_code128_payload(payload);
    REQUIRE(code);
    CHECK(code->text == "0100000012");
    // check = (105 + 1*1 + 0 + 0 + 0 + 12*5) % 103 = 166 % 103 = 63
    CHECK(code->symbols == std::vector<int>{105, 1, 0, 0, 0, 12, 63, 106});
}

TEST_CASE("code128: code set B and the worked example PJJ123C") {
    // 104 + 48×1 + 42×2 + 42×3 + 17×4 + 18×5 + 19×6 + 35×7 = 879; 879 mod 103 = 55.
    const std::string data = "{BPJJ123C";
    auto code = decode_code128_payload(std::span(reinterpret_cast<const uint8_t*>(data.data()), data.size()));
    REQUIRE(code);
    CHECK(code->text == "PJJ123C");
    CHECK(code->symbols == std::vector<int>{104, 48, 42, 42, 17, 18, 19, 35, 55, 106});
    // Modules: 11 per symbol, 13 for the stop, bars and spaces alternating.
    std::vector<int> modules = code128_modules(code->symbols);
    CHECK(modules.size() == 9 * 6 + 7);
    int total = 0;
    for (int m : modules) total += m;
    CHECK(total == 9 * 11 + 13);
}

TEST_CASE("code128: payloads without a code set or with bad values are refused") {
    const uint8_t no_set[] = {'1', '2'};
    CHECK_FALSE(decode_code128_payload(no_set));
    const uint8_t bad_c[] = {'{', 'C', 100};
    CHECK_FALSE(decode_code128_payload(bad_c));
    const uint8_t dangling[] = {'{', 'B', 'a', '{'};
    CHECK_FALSE(decode_code128_payload(dangling));
    CHECK_FALSE(decode_code128_payload({}));
}
