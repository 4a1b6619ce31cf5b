// Promotions at the lane and price changes (变价单) with real lane.db and store.db files: a
// promotion flows down with the catalog, prices a sale live, and its saving reaches store.db;
// a price change is created, approved by a second manager and applied at its date; price
// overrides are limited by the approver's role.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "db/store/promotions.hpp"
#include "sync/sync_worker.hpp"
#include "drivers/printer/interpreter.hpp"
#include "pos/actions/pricing/price_changes.hpp"
#include "pos/actions/pricing/promotions.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "pos/actions/access/users.hpp"
#include "tests/support/demo_lane.hpp"
#include "tests/support/sync_lane.hpp"

using nlohmann::json;
using pos::testing::DemoLane;
namespace actions = pos::actions;
namespace db = pos::db;

namespace {

// Water 550ml (101001, 2.00), water 5L (101002, 9.00), jasmine tea (101003, 5.00).
constexpr const char* water = "6921168176748";
constexpr const char* big_water = "6921168861569";
constexpr const char* tea = "6921168498505";

std::unique_ptr<db::StoreDb> store_of(DemoLane& s) {
    auto store = actions::open_store(s.dir.path(), s.files.config);
    REQUIRE(store.ok());
    return std::move(*store);
}

void add_promotions(DemoLane& s, const std::string& file) {
    auto promotions = actions::parse_promotions_json(file);
    REQUIRE(promotions.ok());
    auto store = store_of(s);
    for (const auto& p : *promotions) REQUIRE(db::add_promotion(*store, actions::to_promotion_record(p)).ok());
}

// One sync pass in both directions, as `posctl sync --once` does: records up, catalog down.
void sync(DemoLane& s) {
    auto sink = actions::store_sink_opener(s.dir.path(), s.files.config)();
    REQUIRE(sink.ok());
    pos::sync::SyncOutcome outcome = pos::sync::sync_pass(*s.files.db, **sink, 100, [&] { return s.now; });
    REQUIRE(!outcome.error);
    REQUIRE(pos::sync::refresh_catalog(*s.files.db, **sink, s.now).ok());
}

void selling(DemoLane& s) {
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
}

std::string store_path(DemoLane& s) { return s.dir.path() + "/store.db"; }

}  // namespace

TEST_CASE("promotions: a 3 for 5.00 deal comes down with the catalog and its saving reaches store.db") {
    DemoLane s;
    add_promotions(s, R"({"id":"W3","name":"水3瓶5元","kind":"multi_buy","starts":"2026-11-20","ends":"2026-11-30",
                          "skus":["101001"],"buy":3,"price":"5.00"})");
    selling(s);
    // Not on the lane yet: the lane prices with the promotions of the catalog it has.
    json before = s.ok(std::string(R"({"op":"scan","code":")") + water + R"(","qty":"3"})");
    CHECK(before["total"] == "6.00");
    s.ok(R"({"op":"void_line","line":1,"approver":"9001","pin":"999999"})");
    sync(s);
    json line = s.ok(std::string(R"({"op":"scan","code":")") + water + R"(","qty":"3"})");
    CHECK(line["amount"] == "5.00");
    CHECK(line["discount"] == "1.00");
    CHECK(line["promotion"] == "水3瓶5元");
    CHECK(line["savings"] == "1.00");
    s.ok(std::string(R"({"op":"scan","code":")") + tea + "\"}");  // 5.00, no promotion
    json paid = s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    CHECK(paid["total"] == "10.00");

    auto stored = s.files.db->find_sale(paid["sale_id"].get<std::string>());
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    const db::SaleLineRecord& promoted = (**stored).lines[1];  // line 1 is the voided one
    CHECK(promoted.amount_fen == 500);
    CHECK(promoted.discount_fen == 100);
    CHECK(promoted.promotion == "水3瓶5元");

    sync(s);
    CHECK(pos::testing::query_count(store_path(s),
                                    "SELECT discount_fen FROM sale_lines WHERE promotion = '水3瓶5元'") == 100);
    CHECK(pos::testing::query_count(store_path(s), "SELECT sum(amount_fen) FROM sale_lines WHERE voided = 0") == 1000);
}

TEST_CASE("promotions: the lane re-prices live as lines are voided and quantities change") {
    DemoLane s;
    add_promotions(s,
                   R"([{"id":"MM","name":"饮料任选3件12元","kind":"mix_match","starts":"2026-11-01","ends":"2026-11-30",
                           "skus":["101002","101003"],"buy":3,"price":"12.00"},
                          {"id":"T","name":"茶特价","kind":"price","starts":"2026-11-01","ends":"2026-11-30",
                           "skus":["101003"],"price":"4.50"}])");
    sync(s);
    selling(s);
    s.ok(std::string(R"({"op":"scan","code":")") + big_water + "\"}");  // 9.00
    json two = s.ok(std::string(R"({"op":"scan","code":")") + tea + R"(","qty":"2"})");
    // 9.00 + 5.00 + 5.00 = 19.00 -> 12.00 saves 7.00; the tea price alone would save 1.00.
    CHECK(two["total"] == "12.00");
    CHECK(two["savings"] == "7.00");
    // One tea fewer: no bundle; the tea price applies: 9.00 + 4.50.
    json one = s.ok(R"({"op":"set_qty","line":2,"qty":"1"})");
    CHECK(one["total"] == "13.50");
    CHECK(one["promotion"] == "茶特价");
    // Back to two, then void the big water: 2 x 4.50.
    s.ok(R"({"op":"set_qty","line":2,"qty":"2"})");
    json voided = s.ok(R"({"op":"void_line","line":1,"approver":"9001","pin":"999999"})");
    CHECK(voided["total"] == "9.00");
    CHECK(voided["savings"] == "1.00");
}

TEST_CASE("promotions: a promotion ended by the manager stops at the next sync") {
    DemoLane s;
    add_promotions(s, R"({"id":"T","name":"茶特价","kind":"price","starts":"2026-11-01","ends":"2026-11-30",
                          "skus":["101003"],"price":"4.50"})");
    sync(s);
    {
        auto store = store_of(s);
        auto ended = db::end_promotion(*store, "T", "2026-11-23");
        REQUIRE(ended.ok());
        CHECK(*ended);
        auto missing = db::end_promotion(*store, "NOPE", "2026-11-23");
        REQUIRE(missing.ok());
        CHECK(!*missing);
    }
    sync(s);
    selling(s);
    json line = s.ok(std::string(R"({"op":"scan","code":")") + tea + "\"}");
    CHECK(line["total"] == "5.00");
}

TEST_CASE("price changes: created, refused to its creator, approved by another manager, applied at its date") {
    DemoLane s;
    REQUIRE(actions::add_user(*s.files.db, {"8001", "赵敏", "manager", "800101"}, 1).ok());
    REQUIRE(actions::add_user(*s.files.db, {"8002", "钱军", "manager", "800202"}, 1).ok());
    auto store = store_of(s);
    actions::Lane& lane = *s.lane;
    // Years ahead of the wall clock, which a sync uses to apply what is due.
    std::string today = "2036-11-23T18:00:00+08:00";
    actions::PriceChangeRequest request{"sku,old_price,new_price\n101001,2.00,2.20\n101003,5.00,4.80\n",
                                        "2036-11-24",
                                        "供应商调价",
                                        {"8001", "800101"}};

    auto wrong_old = request;
    wrong_old.csv = "sku,old_price,new_price\n101001,1.90,2.20\n";
    auto refused_old = actions::create_price_change(lane, *s.files.db, *store, wrong_old, today);
    REQUIRE(!refused_old.ok());
    CHECK(refused_old.error().message ==
          "row 2: old_price 1.90 is not the catalog's price of 101001 (农夫山泉饮用天然水): the catalog is 2.00");

    auto by_cashier = request;
    by_cashier.by = {"1001", "1234"};
    CHECK(actions::create_price_change(lane, *s.files.db, *store, by_cashier, today).error().code ==
          pos::core::ErrorCode::not_permitted);

    auto created = actions::create_price_change(lane, *s.files.db, *store, request, today);
    REQUIRE(created.ok());
    CHECK(created->items.size() == 2);
    CHECK(created->items[0].old_price_fen == 200);

    auto self = actions::approve_price_change(lane, *s.files.db, *store, created->id, {"8001", "800101"}, today);
    REQUIRE(!self.ok());
    CHECK(self.error().code == pos::core::ErrorCode::not_permitted);
    CHECK(self.error().message.find("approving price change 1") == 0);

    auto supervisor = actions::approve_price_change(lane, *s.files.db, *store, created->id, {"9001", "999999"}, today);
    CHECK(supervisor.error().code == pos::core::ErrorCode::not_permitted);

    auto approved = actions::approve_price_change(lane, *s.files.db, *store, created->id, {"8002", "800202"}, today);
    REQUIRE(approved.ok());
    CHECK(approved->approved_by == "8002");

    // Today is the 23rd: not due, the lane still sells at 2.00 after a sync.
    auto early = actions::apply_due_price_changes(*s.files.db, *store, 1, today);
    REQUIRE(early.ok());
    CHECK(early->empty());
    sync(s);
    selling(s);
    CHECK(s.ok(std::string(R"({"op":"scan","code":")") + water + "\"}")["amount"] == "2.00");
    s.ok(R"({"op":"void_line","line":1,"approver":"9001","pin":"999999"})");

    // The 24th: applied, the catalog version moves, the lane gets 2.20 at its next sync.
    auto due = actions::apply_due_price_changes(*s.files.db, *store, 1, "2036-11-24T07:00:00+08:00");
    REQUIRE(due.ok());
    CHECK(*due == std::vector<int64_t>{created->id});
    auto shown = db::find_price_change(*store, created->id);
    REQUIRE(shown.ok());
    CHECK((*shown)->applied_at == "2036-11-24T07:00:00+08:00");
    CHECK((*shown)->created_by == "8001");
    sync(s);
    CHECK(s.ok(std::string(R"({"op":"scan","code":")") + water + "\"}")["amount"] == "2.20");
    CHECK(s.ok(std::string(R"({"op":"scan","code":")") + tea + "\"}")["amount"] == "4.80");

    // Applied once only.
    auto again = actions::apply_due_price_changes(*s.files.db, *store, 1, "2036-11-25T07:00:00+08:00");
    REQUIRE(again.ok());
    CHECK(again->empty());
    // Acts at the store: in the store's own chain, not the lane's.
    CHECK(pos::testing::query_count(s.dir.path() + "/store.db",
                                    "SELECT count(*) FROM store_audit WHERE kind LIKE 'price_change_%'") == 3);
    CHECK(pos::testing::query_count(s.dir.path() + "/lane.db",
                                    "SELECT count(*) FROM audit WHERE kind LIKE 'price_change_%'") == 0);
}

TEST_CASE("price overrides: limited by the approver's role, refusals logged") {
    DemoLane s;
    REQUIRE(actions::add_user(*s.files.db, {"8001", "赵敏", "manager", "800101"}, 1).ok());
    s.files.config.override_supervisor_percent = 20;  // pos.toml [approvals] override_supervisor_percent = 20
    s.lane = std::make_unique<actions::Lane>(*s.files.db, s.files.config);
    selling(s);
    s.ok(std::string(R"({"op":"scan","code":")") + tea + "\"}");  // 5.00
    // A supervisor may move a price by 20%: 5.00 -> 3.90 is 22%.
    json refused = s.run(R"({"op":"override_price","line":1,"price":"3.90","approver":"9001","pin":"999999"})");
    CHECK(refused["error"]["code"] == "not_permitted");
    CHECK(refused["error"]["message"] ==
          "a supervisor may change a price by at most 20%: 5.00 to 3.90 is 22.0%. Ask someone with a higher limit to "
          "approve it");
    json within = s.ok(R"({"op":"override_price","line":1,"price":"4.00","approver":"9001","pin":"999999"})");
    CHECK(within["amount"] == "4.00");
    // The limit is against the catalog price, not the earlier override: 5.00 -> 3.00 is 40%.
    CHECK(s.run(R"({"op":"override_price","line":1,"price":"3.00","approver":"9001","pin":"999999"})")["ok"] == false);
    json manager = s.ok(R"({"op":"override_price","line":1,"price":"3.00","approver":"8001","pin":"800101"})");
    CHECK(manager["amount"] == "3.00");
    CHECK(pos::testing::query_count(s.dir.path() + "/lane.db",
                                    "SELECT count(*) FROM audit WHERE kind = 'override_refused'") == 2);
}

TEST_CASE("price overrides: the limits are read from pos.toml with their key named on a bad value") {
    auto config = actions::parse_config(
        "[approvals]\noverride_supervisor_percent = 15\noverride_manager_percent = 50\n", "pos.toml");
    REQUIRE(config.ok());
    CHECK(config->override_supervisor_percent == 15);
    CHECK(config->override_manager_percent == 50);
    CHECK(config->override_cashier_percent == 0);
    auto bad = actions::parse_config("[approvals]\noverride_supervisor_percent = 120\n", "pos.toml");
    REQUIRE(!bad.ok());
    CHECK(bad.error().message.find("approvals.override_supervisor_percent") != std::string::npos);
    CHECK(bad.error().message.find("must be a whole number from 0 to 100 (percent)") != std::string::npos);
}

TEST_CASE("promotions: the receipt prints each saving under its line and the total saved") {
    DemoLane s;
    add_promotions(s, R"({"id":"W3","name":"水3瓶5元","kind":"multi_buy","starts":"2026-11-20","ends":"2026-11-30",
                          "skus":["101001"],"buy":3,"price":"5.00"})");
    sync(s);
    selling(s);
    s.ok(std::string(R"({"op":"scan","code":")") + water + R"(","qty":"3"})");
    s.ok(std::string(R"({"op":"scan","code":")") + tea + "\"}");
    json paid = s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    auto sale = actions::find_sale_for_receipt(*s.files.db, paid["sale_id"].get<std::string>(), std::nullopt);
    REQUIRE(sale.ok());
    for (const char* language : {"zh_CN", "en"}) {
        actions::ReceiptOptions options;
        options.language = language;
        auto document = pos::drivers::printer::interpret(actions::receipt_bytes(*sale, s.files.config, options));
        REQUIRE(document.ok());
        std::string text = pos::drivers::printer::to_text(*document, 32);
        CAPTURE(text);
        bool zh = std::string(language) == "zh_CN";
        // The line at its price (3 x 2.00 = 6.00), then the saving, then 共节省 in the totals.
        CHECK(text.find("3×2.00     6.00") != std::string::npos);
        CHECK(text.find(zh ? "  优惠 水3瓶5元" : "  Saving 水3瓶5元") != std::string::npos);
        CHECK(text.find("-1.00") != std::string::npos);
        CHECK(text.find(zh ? "共节省" : "You saved") != std::string::npos);
    }
}
