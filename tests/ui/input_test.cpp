// The key-script parser behind `pos --input`, and the ordered input queue.
#include <doctest/doctest.h>

#include "pos/ui/input.hpp"

using pos::ui::InputEvent;
using pos::ui::InputQueue;
using pos::ui::Key;
using pos::ui::parse_key_script;

TEST_CASE("input: a key script types characters and presses named keys in order") {
    auto events = parse_key_script("10{Enter}*{F12}{{");
    REQUIRE(events.ok());
    REQUIRE(events->size() == 6);
    CHECK((*events)[0].ch == U'1');
    CHECK((*events)[1].ch == U'0');
    CHECK((*events)[2].is(Key::enter));
    CHECK((*events)[3].ch == U'*');
    CHECK((*events)[4].is(Key::f12));
    CHECK((*events)[5].ch == U'{');
}

TEST_CASE("input: a key script decodes UTF-8 and refuses unknown keys") {
    auto chinese = parse_key_script("苹果");
    REQUIRE(chinese.ok());
    REQUIRE(chinese->size() == 2);
    CHECK((*chinese)[0].ch == U'苹');
    CHECK(parse_key_script("{Return}").error().message ==
          "key script: unknown key {Return}, e.g. {Enter}, {Esc}, {F12}");
    CHECK(parse_key_script("{Enter").error().message == "key script: '{' without a closing '}'");
}

TEST_CASE("input: the queue hands events out first in, first out") {
    InputQueue queue;
    queue.push(InputEvent::of_char(U'1'));
    queue.push(InputEvent::of_key(Key::enter));
    queue.push_front(InputEvent::of_key(Key::escape));
    CHECK(queue.next()->is(Key::escape));
    CHECK(queue.next()->ch == U'1');
    CHECK(queue.next()->is(Key::enter));
    CHECK_FALSE(queue.next().has_value());
    CHECK(queue.empty());
}
