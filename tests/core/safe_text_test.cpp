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

TEST_CASE("shown_safely: a peer's text reaches a terminal without its escape sequences") {
    using pos::core::shown_safely;
    CHECK(shown_safely("找零 sale-42") == "找零 sale-42");
    // ESC [2J clears the screen; CR rewrites the line; BEL rings.
    CHECK(shown_safely("a\x1b[2Jb\rc\x07") == "a\\x1b[2Jb\\x0dc\\x07");
    CHECK(shown_safely("\x7f") == "\\x7f");
    CHECK(shown_safely("\xc2\x9b"
                       "31m") == "\\xc2\\x9b31m");  // C1 CSI, in UTF-8
    CHECK(shown_safely("\xe2\x80\xae"
                       "gnp.exe") == "\\xe2\\x80\\xaegnp.exe");  // right-to-left override
    CHECK(shown_safely("\xff\xfe") == "\\xff\\xfe");             // not UTF-8
    CHECK(shown_safely("\xe6\x89") == "\\xe6\\x89");             // a character cut short
    // A backslash typed as such is doubled, so it never reads as an escaped byte.
    CHECK(shown_safely("\\x1b") == "\\\\x1b");
}
