// 挂单/取单, F8 lookup and price overrides through action scripts on the demo store.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/demo_lane.hpp"

using nlohmann::json;
using pos::testing::DemoLane;

namespace {

void start(DemoLane& s) {
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
}

}  // namespace

TEST_CASE("held_ticket: a held ticket survives a restart and comes back as it was") {
    DemoLane s;
    start(s);
    s.ok(R"({"op":"scan","code":"6921168176748","qty":"2"})");
    s.ok(R"({"op":"scan","code":"00101","qty":"0.350"})");
    s.ok(R"({"op":"void_line","line":2,"approver":"9001","pin":"999999"})");
    s.ok(R"({"op":"scan","code":"6921168861569"})");
    json held = s.ok(R"({"op":"suspend"})");
    CHECK(held["lines"] == 3);
    CHECK(held["total"] == "13.00");
    CHECK(s.lane->ticket().lines().empty());
    s.ok(R"({"op":"scan","code":"6921168498505"})");
    s.ok(R"({"op":"tender","method":"cash"})");  // another customer served meanwhile

    // A new Lane on the same lane.db: as after a restart.
    s.lane = std::make_unique<pos::actions::Lane>(*s.files.db, s.files.config);
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");  // the shift is still open
    json list = s.ok(R"({"op":"held"})");
    REQUIRE(list["tickets"].size() == 1);
    json resumed = s.ok(R"({"op":"resume"})");
    CHECK(resumed["ticket"] == held["ticket"]);
    REQUIRE(s.lane->ticket().lines().size() == 3);
    CHECK(s.lane->ticket().lines()[1].voided);
    CHECK(s.lane->ticket().lines()[1].voided_by == "9001");
    CHECK(s.lane->ticket().lines()[0].quantity == pos::core::Quantity::units(2));
    json paid = s.ok(R"({"op":"tender","method":"cash","amount":"20.00"})");
    CHECK(paid["total"] == "13.00");
    CHECK(s.ok(R"({"op":"held"})")["tickets"].empty());
    CHECK(s.run(R"({"op":"resume"})")["error"]["code"] == "not_found");
}

TEST_CASE("held_ticket: holding is refused when empty, paying or full, resuming needs a free lane") {
    DemoLane s;
    start(s);
    CHECK(s.run(R"({"op":"suspend"})")["error"]["code"] == "no_ticket");
    for (int i = 0; i < 5; ++i) {
        s.ok(R"({"op":"scan","code":"6921168176748"})");
        s.ok(R"({"op":"suspend"})");
    }
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    CHECK(s.run(R"({"op":"suspend"})")["error"]["code"] == "bad_input");  // five already held
    CHECK(s.run(R"({"op":"resume"})")["error"]["code"] == "ticket_open");
    s.ok(R"({"op":"tender","method":"card","amount":"1.00","partial":true})");
    s.ok(R"({"op":"tender","method":"cash"})");
    CHECK(s.run(R"({"op":"resume"})")["error"]["code"] == "bad_input");  // several: choose
    json list = s.ok(R"({"op":"held"})");
    std::string first = list["tickets"][0]["ticket"];
    CHECK(s.ok(R"({"op":"resume","ticket":")" + first + "\"}")["ticket"] == first);
    CHECK(s.run(R"({"op":"resume","ticket":")" + first + "\"}")["error"]["code"] == "ticket_open");
}

TEST_CASE("held_ticket: F8 search by pinyin initials, name and SKU") {
    DemoLane s;
    start(s);
    json by_pinyin = s.ok(R"({"op":"search","query":"nfsq"})");
    REQUIRE(by_pinyin["items"].size() >= 3);
    CHECK(by_pinyin["items"][0]["name"].get<std::string>().rfind("农夫山泉", 0) == 0);
    json by_name = s.ok(R"({"op":"search","query":"苹果"})");
    REQUIRE_FALSE(by_name["items"].empty());
    CHECK(by_name["items"][0]["weighed"] == true);
    json by_sku = s.ok(R"({"op":"search","query":"101001","limit":1})");
    REQUIRE(by_sku["items"].size() == 1);
    CHECK(by_sku["items"][0]["sku"] == "101001");
    CHECK(s.ok(R"({"op":"search","query":"n_sq"})")["items"].empty());  // wildcards are literal
    CHECK(s.ok(R"({"op":"search","query":"zzzzzz"})")["items"].empty());
}

TEST_CASE("held_ticket: a price override needs a supervisor and is journaled on the sale line") {
    DemoLane s;
    start(s);
    s.ok(R"({"op":"scan","code":"6921168861569","qty":"2"})");
    CHECK(s.run(R"({"op":"override_price","line":1,"price":"8.00"})")["error"]["code"] == "approval_required");
    CHECK(s.run(R"({"op":"override_price","line":1,"price":"0","approver":"9001","pin":"999999"})")["error"]["code"] ==
          "bad_amount");
    json changed = s.ok(R"({"op":"override_price","line":1,"price":"8.00","approver":"9001","pin":"999999"})");
    CHECK(changed["unit_price"] == "8.00");
    CHECK(changed["amount"] == "16.00");
    json paid = s.ok(R"({"op":"tender","method":"card"})");
    auto sale = s.files.db->find_sale(paid["sale_id"].get<std::string>());
    REQUIRE(sale->has_value());
    const auto& line = (*sale)->lines[0];
    CHECK(line.unit_price_fen == 800);
    REQUIRE(line.original_price_fen.has_value());
    CHECK(*line.original_price_fen == 900);
    CHECK(line.price_set_by == "9001");
}
