// Typed fields: which characters each kind takes, length limits, and defaults that typing replaces.
#include <doctest/doctest.h>

#include "pos/ui/state.hpp"

using pos::ui::Entry;
using pos::ui::EntryKind;

TEST_CASE("state: a digits field takes digits only, up to its length") {
    Entry pin{EntryKind::digits, 4, {}, false};
    for (char32_t ch : {U'1', U'a', U'2', U'.', U'3', U'4', U'5'}) (void)pin.type(ch);
    CHECK(pin.text == "1234");
    pin.backspace();
    CHECK(pin.text == "123");
}

TEST_CASE("state: a decimal field takes one point") {
    Entry amount{EntryKind::decimal, 10, {}, false};
    for (char32_t ch : {U'1', U'2', U'.', U'5', U'.', U'0'}) (void)amount.type(ch);
    CHECK(amount.text == "12.50");
}

TEST_CASE("state: a code field takes printable ASCII, not spaces or Chinese") {
    Entry code{EntryKind::code, 48, {}, false};
    for (char32_t ch : {U']', U'E', U'0', U' ', U'苹', U'6', U'*'}) (void)code.type(ch);
    CHECK(code.text == "]E06*");
}

TEST_CASE("state: a default is replaced by the first key, or cleared by backspace") {
    Entry typed{EntryKind::decimal, 10, "200.00", true};
    CHECK(typed.type(U'5'));
    CHECK(typed.text == "5");
    Entry erased{EntryKind::decimal, 10, "200.00", true};
    erased.backspace();
    CHECK(erased.text.empty());
    CHECK_FALSE(erased.replace_on_type);
}
