// A store's own keys (pos.toml [keys]): the sale screen takes the moved key for its action, the
// vacated key does nothing, and the hint bar names the moved key. Headless.
#include <doctest/doctest.h>

#include <imgui.h>

#include "pos/actions/setup/key_bindings.hpp"
#include "pos/ui/keymap.hpp"
#include "pos/ui/screens.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
using pos::testing::Headless;
using pos::testing::only;

namespace {

std::map<std::string, std::string> with(std::initializer_list<std::pair<const std::string, std::string>> moved) {
    auto bindings = pos::actions::default_key_bindings();
    for (const auto& [action, key] : moved) bindings[action] = key;
    return bindings;
}

ui::SaleView one_line() {
    ui::SaleView view;
    view.lines.push_back(ui::LineView{1, "Water", "550ml", "1", "2.00", "2.00", false});
    view.item_count = "1";
    view.has_live_lines = true;
    return view;
}

}  // namespace

TEST_CASE("keymap: every default and bindable key name is a key the screens know") {
    for (const pos::actions::KeyAction& action : pos::actions::key_actions()) {
        CAPTURE(std::string(action.default_key));
        CHECK(ui::key_named(action.default_key).has_value());
    }
    for (std::string_view key : pos::actions::bindable_keys()) {
        CAPTURE(std::string(key));
        CHECK(ui::key_named(key).has_value());
    }
}

TEST_CASE("keymap: nothing moved gives no table, so keys pass untouched") {
    ui::KeyMap keys(pos::actions::default_key_bindings());
    CHECK(keys.table("sale") == nullptr);
    CHECK(keys.table("tender") == nullptr);
}

TEST_CASE("keymap: a swap turns each key into the other's action, per screen") {
    ui::KeyMap keys(with({{"void_line", "F6"}, {"hold", "Delete"}}));
    const ui::KeyTable* sale = keys.table("sale");
    REQUIRE(sale != nullptr);
    CHECK(sale->translate(ui::InputEvent::of_key(ui::Key::f6))->key == ui::Key::del);
    CHECK(sale->translate(ui::InputEvent::of_key(ui::Key::del))->key == ui::Key::f6);
    CHECK(sale->translate(ui::InputEvent::of_key(ui::Key::f8))->key == ui::Key::f8);
    CHECK(sale->translate(ui::InputEvent::of_char(U'7'))->ch == U'7');
    CHECK(std::string(sale->cap(ui::Key::del)) == "F6");
    CHECK(std::string(sale->cap(ui::Key::f6)) == "Del");
    CHECK(sale->cap(ui::Key::f8) == nullptr);
    CHECK(keys.table("tender") == nullptr);  // F6 and Delete mean nothing there
}

TEST_CASE("keymap: the sale screen voids on the moved key and ignores the vacated one") {
    Headless ui_test;
    ui::KeyMap keys(with({{"void_line", "F1"}}));
    ui_test.input.use_keys(keys.table("sale"));
    ui::SaleForm form;
    ui::SaleView view = one_line();
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    (void)ui_test.type("{Delete}", draw);
    CHECK_FALSE(form.approval.open);
    (void)ui_test.type("{F1}", draw);
    CHECK(form.approval.open);
    CHECK(form.approval.line == 1);
}

TEST_CASE("keymap: a tapped hint is the screen's own key and is not moved again") {
    ui::KeyMap keys(with({{"void_line", "F6"}, {"hold", "Delete"}}));
    ui::InputQueue queue;
    queue.use_keys(keys.table("sale"));
    ui::InputEvent tapped = ui::InputEvent::of_key(ui::Key::del);
    tapped.mapped = true;
    queue.push(tapped);
    CHECK(queue.next()->key == ui::Key::del);
}
