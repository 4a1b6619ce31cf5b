// 称重 by keys on a lane whose pos.toml has a [scale] on a pseudo-terminal playing a counter scale
// with continuous output: the weighing panel takes only a stable weight, sends tare and zero, and a
// weight typed by hand waits for a supervisor; lane.db records grams and where they came from.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "db/lane/lane_db.hpp"
#include "pos/actions/devices/lane_scale.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/checkout/driver.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/pty_device.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

using ui::Key;

namespace {

// A demo store whose pos.toml names the scale at `port`.
std::string demo_with_scale(const TempDir& dir, const std::string& port) {
    setenv("POS_ASSETS_DIR", POS_SOURCE_DIR "/assets", 1);
    std::string data = dir.file("lane");
    REQUIRE(actions::init_data_dir(data, true).ok());
    std::ofstream toml(data + "/pos.toml", std::ios::app);
    // 2 s of silence before "the scale sends nothing": the test speaks only when it has something to say.
    toml << "\n[scale]\nkind = \"continuous\"\nport = \"" << port << "\"\nline = \"9600 8N1\"\ntimeout_ms = 2000\n";
    return data;
}

// The scale sends `line` until the lane's scale has read it as `state` with `grams`.
bool scale_reads(PtyDevice& device, actions::LaneScale& scale, const std::string& line,
                 drivers::scale::ScaleState state, int64_t grams) {
    return eventually("the scale's line read", [&] {
        device.send(line);
        auto status = scale.status();
        return status.reading && status.reading->state == state && status.reading->grams == grams;
    });
}

}  // namespace

TEST_CASE("checkout: a weighed PLU is sold from the scale's stable weight, a typed one with a supervisor") {
    using drivers::scale::ScaleState;
    TempDir dir;
    PtyDevice device(dir.file("scale"));
    CheckoutDriver till(demo_with_scale(dir, device.path()));
    REQUIRE(till.lane().config().scale.has_value());
    actions::LaneScale scale(*till.lane().config().scale);
    till.checkout().set_scale(&scale);
    REQUIRE(eventually("the scale port open", [&] { return scale.status().connected; }));
    till.log_in_and_open_shift();

    till.keys("00101{Enter}");  // 红富士苹果, 12.80/kg: the weighing panel, nothing on the ticket yet
    REQUIRE(till.state().sale.weigh.open);
    CHECK(till.lane().ticket().lines().empty());
    REQUIRE(scale_reads(device, scale, "US,GS,+  0.340kg\r\n", ScaleState::motion, 340));
    till.press(Key::enter);  // still moving: not taken
    CHECK(till.state().sale.weigh.open);
    CHECK(till.state().sale.weigh.notice.text == till.tr()("weigh.unstable"));
    CHECK(till.lane().ticket().lines().empty());

    till.press(Key::f3);  // tare goes to the scale
    CHECK(device.received(4) == "MT\r\n");
    REQUIRE(scale_reads(device, scale, "ST,NT,+  0.350kg\r\n", ScaleState::stable, 350));
    till.press(Key::enter);
    CHECK_FALSE(till.state().sale.weigh.open);
    REQUIRE(till.lane().ticket().lines().size() == 1);
    const core::TicketLine& apples = till.lane().ticket().lines()[0];
    CHECK(apples.quantity == core::Quantity::grams(350));
    CHECK(apples.from_scale);
    CHECK(till.state().sale.selected_line == 1);

    // Typed by hand: the panel keeps the weight and asks for a supervisor.
    till.keys("1.2*00102{Enter}");
    REQUIRE(till.state().sale.weigh.open);
    CHECK(till.state().sale.weigh.weight.text == "1.2");
    CHECK(till.state().sale.weigh.field == ui::WeighForm::Field::approver);
    CHECK(till.lane().ticket().lines().size() == 1);
    till.keys("1002{Enter}2345{Enter}");  // a cashier cannot approve it
    CHECK(till.state().sale.weigh.open);
    CHECK(till.state().sale.weigh.approver.empty());
    till.keys("9001{Enter}999999{Enter}");
    CHECK_FALSE(till.state().sale.weigh.open);
    REQUIRE(till.lane().ticket().lines().size() == 2);
    CHECK(till.lane().ticket().lines()[1].weight_keyed_by == "9001");

    till.keys("00103{Enter}");  // opened, zeroed, then cancelled: nothing added
    REQUIRE(till.state().sale.weigh.open);
    till.press(Key::f1);
    CHECK(device.received(4) == "MZ\r\n");
    till.press(Key::escape);
    CHECK_FALSE(till.state().sale.weigh.open);
    CHECK(till.lane().ticket().lines().size() == 2);

    till.keys("{Enter}100{Enter}");
    REQUIRE(till.state().tender.done.has_value());
    auto sale = till.lane().find_returnable(std::to_string(till.state().tender.done->receipt_no));
    REQUIRE(sale.ok());
    auto db = db::LaneDb::open(dir.file("lane") + "/lane.db", false);
    REQUIRE(db.ok());
    auto weights = (*db)->sale_line_weights(sale->sale.id);
    REQUIRE(weights.ok());
    CHECK(*weights == std::vector<db::SaleLineWeight>{{1, 350, "scale", ""}, {2, 1200, "keyed", "9001"}});
}

TEST_CASE("checkout: with the scale unplugged the panel says why and takes nothing") {
    TempDir dir;
    PtyDevice device(dir.file("scale"));
    CheckoutDriver till(demo_with_scale(dir, device.path()));
    actions::LaneScale scale(*till.lane().config().scale);
    till.checkout().set_scale(&scale);
    till.log_in_and_open_shift();
    device.unplug();
    REQUIRE(eventually("the scale seen gone", [&] { return !scale.status().connected; }));
    till.keys("00101{Enter}{Enter}");
    CHECK(till.state().sale.weigh.open);
    CHECK(till.state().sale.weigh.notice.text == till.tr()("weigh.no_reading"));
    CHECK(till.lane().ticket().lines().empty());
    till.press(Key::escape);  // the cashier goes on with the sale
    till.keys("6921168176748{Enter}");
    CHECK(till.lane().ticket().lines().size() == 1);
}

TEST_CASE(
    "checkout: a scale that never settles sells nothing from the pan, the sale goes on by a supervisor's typed "
    "weight") {
    using drivers::scale::ScaleState;
    TempDir dir;
    PtyDevice device(dir.file("scale"));
    CheckoutDriver till(demo_with_scale(dir, device.path()));
    actions::LaneScale scale(*till.lane().config().scale);
    till.checkout().set_scale(&scale);
    till.log_in_and_open_shift();
    till.keys("00101{Enter}");
    REQUIRE(till.state().sale.weigh.open);
    // The pan keeps moving (a draught, a hand on it): every Enter is refused with the reason.
    for (int grams : {340, 360, 350}) {
        std::string line = "US,GS,+  0." + std::to_string(grams) + "kg\r\n";
        REQUIRE(scale_reads(device, scale, line, ScaleState::motion, grams));
        till.press(Key::enter);
        CHECK(till.state().sale.weigh.open);
        CHECK(till.state().sale.weigh.notice.text == till.tr()("weigh.unstable"));
        CHECK(till.lane().ticket().lines().empty());
    }
    till.press(Key::escape);
    CHECK_FALSE(till.state().sale.weigh.open);
    till.keys("0.35*00101{Enter}9001{Enter}999999{Enter}");
    CHECK_FALSE(till.state().sale.weigh.open);
    REQUIRE(till.lane().ticket().lines().size() == 1);
    CHECK(till.lane().ticket().lines()[0].weight_keyed_by == "9001");
}

TEST_CASE("checkout: a scale unplugged while the panel shows a stable weight takes nothing until it is back") {
    using drivers::scale::ScaleState;
    TempDir dir;
    PtyDevice device(dir.file("scale"));
    CheckoutDriver till(demo_with_scale(dir, device.path()));
    actions::LaneScale scale(*till.lane().config().scale);
    till.checkout().set_scale(&scale);
    till.log_in_and_open_shift();
    till.keys("00101{Enter}");
    REQUIRE(scale_reads(device, scale, "ST,GS,+  0.350kg\r\n", ScaleState::stable, 350));
    device.unplug();  // the cable pulled between the reading and Enter: the reading goes with it
    REQUIRE(eventually("the scale seen gone", [&] { return !scale.status().connected; }));
    till.press(Key::enter);
    CHECK(till.state().sale.weigh.open);
    CHECK(till.state().sale.weigh.notice.text == till.tr()("weigh.no_reading"));
    CHECK(till.lane().ticket().lines().empty());
    device.plug_in();
    REQUIRE(eventually("the scale back", [&] { return scale.status().connected; }));
    REQUIRE(scale_reads(device, scale, "ST,GS,+  0.420kg\r\n", ScaleState::stable, 420));
    till.press(Key::enter);
    CHECK_FALSE(till.state().sale.weigh.open);
    REQUIRE(till.lane().ticket().lines().size() == 1);
    CHECK(till.lane().ticket().lines()[0].quantity == core::Quantity::grams(420));
    CHECK(till.lane().ticket().lines()[0].from_scale);
}

}  // namespace pos::testing
