// Free text checks: UTF-8, control characters and length, each refusal naming the field.
#include <doctest/doctest.h>

#include <string>

#include "pos/core/safe_text.hpp"

using namespace pos::core;

TEST_CASE("safe_text: ordinary text passes, Chinese counted in characters") {
    CHECK(check_text("the reason", "", 10).ok());
    CHECK(check_text("the reason", "找零 \"quotes\" ' ; -- DROP TABLE sales", 40).ok());
    CHECK(check_text("the reason", "供应商付款供应商付款", 10).ok());
    CHECK_FALSE(check_text("the reason", "供应商付款供应商付款供", 10).ok());
}

TEST_CASE("safe_text: each refusal says what is wrong and where") {
    struct Case {
        std::string text;
        std::string message;
    };
    const Case cases[] = {
        {"ab\xff", "the reason is not valid UTF-8 text (at byte 3): type it again"},
        {"\xc0\xaf", "the reason is not valid UTF-8 text (at byte 1): type it again"},      // overlong '/'
        {"\xed\xa0\x80", "the reason is not valid UTF-8 text (at byte 1): type it again"},  // surrogate
        {"\xe6\x89", "the reason is not valid UTF-8 text (at byte 1): type it again"},      // cut short
        {"line\nbreak",
         "the reason has a control character (line break, tab or other invisible character) at character 5: remove it"},
        {"esc\x1b[2J",
         "the reason has a control character (line break, tab or other invisible character) at character 4: remove it"},
        {"c1\xc2\x85",
         "the reason has a control character (line break, tab or other invisible character) at character 3: remove it"},
        {std::string(201, 'x'), "the reason is 201 characters long: at most 200 are kept"},
    };
    for (const Case& c : cases) {
        auto refused = check_text("the reason", c.text, 200);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::bad_input);
        CHECK(refused.error().message == c.message);
    }
}
