// pos.toml [keys]: moving a checkout action to another key, and the errors a technician sees.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "pos/actions/setup/config.hpp"
#include "pos/actions/setup/key_bindings.hpp"

using namespace pos::actions;

TEST_CASE("key bindings: without a keys section every action keeps its default key") {
    auto config = parse_config("[lane]\nnumber = 2\n", "pos.toml");
    REQUIRE(config.ok());
    CHECK(config->keys.at("void_line") == "Delete");
    CHECK(config->keys.at("hold") == "F6");
    CHECK(config->keys.at("card") == "F3");
    CHECK(config->keys.at("reprint") == "F4");
    CHECK(config->keys.size() == 13);  // reprint is one action on two screens
}

TEST_CASE("key bindings: no two actions of one screen share a default key") {
    for (const KeyAction& action : key_actions()) {
        for (const KeyAction& other : key_actions()) {
            if (&action == &other || action.context != other.context) continue;
            CAPTURE(std::string(action.name));
            CHECK(action.default_key != other.default_key);
        }
        CHECK(bindable_key(action.default_key) == std::string(action.default_key));
    }
}

TEST_CASE("key bindings: a keys section moves actions, key names in any case") {
    auto config = parse_config("[keys]\nvoid_line = \"f6\"\nhold = \"F1\"\nmobile = \"PageDown\"\n", "pos.toml");
    REQUIRE(config.ok());
    CHECK(config->keys.at("void_line") == "F6");
    CHECK(config->keys.at("hold") == "F1");
    CHECK(config->keys.at("mobile") == "PageDown");
    CHECK(config->keys.at("lookup") == "F8");
}

TEST_CASE("key bindings: the same key on two screens is fine") {
    // F4 reprints on the sale screen and pays by mobile on the payment screen by default;
    // moving card to F9 (return on the sale screen) is just as fine.
    auto config = parse_config("[keys]\ncard = \"F9\"\n", "pos.toml");
    REQUIRE(config.ok());
    CHECK(config->keys.at("card") == "F9");
}

TEST_CASE("key bindings: mistakes name the line and say what to do") {
    struct Case {
        const char* toml;
        const char* message;
    };
    for (Case c : {
             Case{"[keys]\nvoid = \"F6\"\n",
                  "pos.toml:2: keys.void: unknown action; the actions are account, card, hold, lock, lookup, member, "
                  "mobile, "
                  "no_sale, pay_in_out, reprint, return, shift_menu, void_line (docs/keys.md)"},
             Case{"[keys]\nvoid_line = \"F13\"\n",
                  "pos.toml:2: keys.void_line: \"F13\" is not a key an action can have; use one of F1, F2, F3, F4, F5, "
                  "F6, "
                  "F7, F8, F9, F10, F11, F12, Delete, Home, PageUp, PageDown, like void_line = \"F6\""},
             Case{"[keys]\nvoid_line = \"Enter\"\n",
                  "pos.toml:2: keys.void_line: \"Enter\" is not a key an action can have; use one of F1, F2, F3, F4, "
                  "F5, F6, "
                  "F7, F8, F9, F10, F11, F12, Delete, Home, PageUp, PageDown, like void_line = \"F6\""},
             Case{"[keys]\nvoid_line = 6\n",
                  "pos.toml:2: keys.void_line: must be a key name in quotes; use one of F1, F2, F3, F4, F5, F6, "
                  "F7, F8, F9, F10, F11, F12, Delete, Home, PageUp, PageDown, like void_line = \"F6\""},
             Case{"[keys]\n\nvoid_line = \"F6\"\n",
                  "pos.toml:3: keys.void_line: F6 is already the key of hold on the sale screen (its default); give "
                  "one of "
                  "them another key, e.g. hold = \"F1\" (free there: F1, F3, F7, F10, Delete, PageUp, PageDown)"},
             Case{"[keys]\nlookup = \"F1\"\nmember = \"F1\"\n",
                  "pos.toml:3: keys.member: F1 is already the key of lookup on the sale screen (also set); give one of "
                  "them "
                  "another key, e.g. lookup = \"F2\" (free there: F2, F3, F7, F8, F10, PageUp, PageDown)"},
             Case{"keys = \"F6\"\n", "pos.toml:1: keys: must be a [keys] table of action = \"KEY\" lines"},
         }) {
        CAPTURE(std::string(c.toml));
        auto config = parse_config(c.toml, "pos.toml");
        REQUIRE_FALSE(config.ok());
        CHECK(config.error().message == c.message);
    }
}
