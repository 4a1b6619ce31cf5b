// Weighing at the till: which scale readings may be sold, and the Lane selling a weighed item from
// the scale or from a weight typed by hand, with lane.db recording the grams and where they came from.
#include <doctest/doctest.h>

#include "pos/actions/devices/weighing.hpp"
#include "pos/actions/lane.hpp"
#include "tests/support/demo_lane.hpp"

using namespace pos::actions;
using pos::core::ErrorCode;
using pos::core::Quantity;
using pos::drivers::scale::ScaleReading;
using pos::drivers::scale::ScaleState;

namespace {

ScaleConfig range_20g_to_15kg() {
    ScaleConfig scale;
    scale.port = "/dev/ttyUSB1";
    return scale;  // min 20 g, max 15000 g
}

// A demo lane whose pos.toml has a [scale], cashier 1001 logged in with a shift open.
void with_scale(pos::testing::DemoLane& s) {
    LaneConfig config = s.files.config;
    config.scale = range_20g_to_15kg();
    s.lane = std::make_unique<Lane>(*s.files.db, config);
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
}

}  // namespace

TEST_CASE("weighing: only a stable, positive weight within the range is taken") {
    ScaleConfig scale = range_20g_to_15kg();
    struct Case {
        std::optional<ScaleReading> reading;
        WeighVerdict verdict;
    };
    for (const Case& c : {
             Case{std::nullopt, WeighVerdict::no_reading},
             Case{ScaleReading{ScaleState::no_weight, 0, false, false}, WeighVerdict::no_reading},
             Case{ScaleReading{ScaleState::motion, 350, false, false}, WeighVerdict::unstable},
             Case{ScaleReading{ScaleState::over_capacity, 0, false, false}, WeighVerdict::too_heavy},
             Case{ScaleReading{ScaleState::under_zero, 0, false, false}, WeighVerdict::not_positive},
             Case{ScaleReading{ScaleState::stable, 0, false, true}, WeighVerdict::not_positive},
             Case{ScaleReading{ScaleState::stable, -5, true, false}, WeighVerdict::not_positive},
             Case{ScaleReading{ScaleState::stable, 19, false, false}, WeighVerdict::too_light},
             Case{ScaleReading{ScaleState::stable, 20, false, false}, WeighVerdict::take},
             Case{ScaleReading{ScaleState::stable, 350, true, false}, WeighVerdict::take},  // net, after a tare
             Case{ScaleReading{ScaleState::stable, 15000, false, false}, WeighVerdict::take},
             Case{ScaleReading{ScaleState::stable, 15001, false, false}, WeighVerdict::too_heavy},
         }) {
        CAPTURE(c.reading ? c.reading->grams : -1);
        CHECK(judge_reading(c.reading, scale) == c.verdict);
    }
}

TEST_CASE("weighing: a weighed PLU is weighed, counted items and scale labels are not") {
    pos::testing::DemoLane s;
    with_scale(s);
    auto apples = s.lane->item_to_weigh("00101");
    REQUIRE(apples.ok());
    REQUIRE(apples->has_value());
    CHECK((*apples)->name_zh == "红富士苹果");
    auto water = s.lane->item_to_weigh("6921168176748");
    REQUIRE(water.ok());
    CHECK_FALSE(water->has_value());
    auto label = s.lane->item_to_weigh("2200101003506");  // 22 + PLU 00101 + 350 g: the label weighs
    REQUIRE(label.ok());
    CHECK_FALSE(label->has_value());
}

TEST_CASE("weighing: the scale's weight is sold and lane.db records its grams and source") {
    pos::testing::DemoLane s;
    with_scale(s);
    auto weighed = s.lane->scan_weighed("00101", Quantity::grams(350), s.now);
    REQUIRE(weighed.ok());
    CHECK(weighed->after.from_scale);
    CHECK(weighed->after.quantity == Quantity::grams(350));
    CHECK(weighed->subtotal == pos::core::Money::fen(448));  // 12.80/kg x 0.350 kg

    // Out of range, or not a weighed item: refused, nothing added.
    CHECK(s.lane->scan_weighed("00102", Quantity::grams(15001), s.now).error().code == ErrorCode::bad_amount);
    CHECK(s.lane->scan_weighed("6921168176748", Quantity::grams(350), s.now).error().code == ErrorCode::bad_input);
    // A weighed line's weight is the scale's: not changed by hand.
    CHECK(s.lane->set_quantity(1, Quantity::grams(500), s.now).error().code == ErrorCode::bad_line);

    // Typed by hand on a lane with a scale: a supervisor approves, and it is recorded as keyed.
    auto refused = s.lane->scan("00102", Quantity::grams(1200), s.now);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::approval_required);
    CHECK_FALSE(s.lane->scan_keyed_weight("00102", Quantity::grams(1200), Approval{"1002", "2345"}, s.now).ok());
    CHECK(s.lane->ticket().lines().size() == 1);  // a cashier cannot approve it
    auto keyed = s.lane->scan_keyed_weight("00102", Quantity::grams(1200), Approval{"9001", "999999"}, s.now);
    REQUIRE(keyed.ok());
    CHECK(keyed->after.weight_keyed_by == "9001");
    CHECK_FALSE(keyed->after.from_scale);
    REQUIRE(s.lane->scan("2200101003506", std::nullopt, s.now).ok());  // a label still sells as before
    REQUIRE(s.lane->scan("6921168176748", std::nullopt, s.now).ok());

    auto paid = s.lane->tender(TenderRequest{}, s.now);
    REQUIRE(paid.ok());
    REQUIRE(paid->sale_id.has_value());
    auto weights = s.files.db->sale_line_weights(*paid->sale_id);
    REQUIRE(weights.ok());
    CHECK(*weights == std::vector<pos::db::SaleLineWeight>{
                          {1, 350, "scale", ""}, {2, 1200, "keyed", "9001"}, {3, 350, "label", ""}});
}

TEST_CASE("weighing: without a scale a typed weight sells as before, recorded as keyed") {
    pos::testing::DemoLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    s.ok(R"({"op":"scan","code":"00101","qty":"0.350"})");
    CHECK(s.lane->scan_weighed("00101", Quantity::grams(350), s.now).error().code == ErrorCode::bad_input);
    auto paid = s.lane->tender(TenderRequest{}, s.now);
    REQUIRE(paid.ok());
    auto weights = s.files.db->sale_line_weights(*paid->sale_id);
    REQUIRE(weights.ok());
    CHECK(*weights == std::vector<pos::db::SaleLineWeight>{{1, 350, "keyed", ""}});
}
