// Catalog flow-down in direct mode: the store's catalog version moves with every change and a
// lane with an older replica replaces it whole, once.
#include <doctest/doctest.h>

#include "db/shared/catalog_sync.hpp"
#include "sync/sync_worker.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using namespace pos::sync;
using pos::testing::TempDir;

namespace {

ItemRecord item(const std::string& sku, const std::string& gtin, int64_t price_fen) {
    ItemRecord record;
    record.sku = sku;
    record.gtins = {gtin};
    record.name_zh = "商品" + sku;
    record.name_en = "Item " + sku;
    record.unit = "个";
    record.department = "杂货";
    record.cost_fen = price_fen / 2;
    record.price_fen = price_fen;
    return record;
}

}  // namespace

TEST_CASE("catalog sync: a lane fetches the store's newer catalog once and replaces its own whole") {
    TempDir dir;
    auto store = StoreDb::open(dir.file("store.db"), true);
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(store.ok());
    REQUIRE(lane.ok());
    REQUIRE((*lane)->replace_catalog({item("1", "00000000000017", 100), item("9", "00000000000093", 900)}).ok());
    auto before = store_catalog_version(**store);
    REQUIRE(before.ok());
    REQUIRE((*store)->replace_catalog({item("1", "00000000000017", 120), item("2", "00000000000024", 200)}).ok());
    auto after = store_catalog_version(**store);
    REQUIRE(after.ok());
    CHECK(after->number == before->number + 1);
    CHECK(after->store_id == before->store_id);
    CHECK(after->store_id.size() == 32);

    DirectStoreSink sink(std::move(*store));
    auto refreshed = refresh_catalog(**lane, sink, "2026-11-23T10:00:00+08:00");
    REQUIRE(refreshed.ok());
    CHECK(*refreshed);
    auto items = (*lane)->all_items();
    REQUIRE(items.ok());
    REQUIRE(items->size() == 2);
    CHECK((*items)[0].price_fen == 120);
    CHECK((*items)[1].sku == "2");
    auto found = (*lane)->find_item_by_gtin("00000000000093");
    REQUIRE(found.ok());
    CHECK_FALSE(found->has_value());  // item 9 is gone with its barcode
    auto version = applied_catalog_version(**lane);
    REQUIRE(version.ok());
    CHECK(version->number == after->number);
    CHECK(version->store_id == after->store_id);

    auto again = refresh_catalog(**lane, sink, "2026-11-23T10:01:00+08:00");
    REQUIRE(again.ok());
    CHECK_FALSE(*again);
}

TEST_CASE("catalog sync: a lane set up from another store's catalog fetches this store's even at a lower version") {
    TempDir dir;
    auto first_store = StoreDb::open(dir.file("first.db"), true);
    auto second_store = StoreDb::open(dir.file("second.db"), true);
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(first_store.ok());
    REQUIRE(second_store.ok());
    REQUIRE(lane.ok());
    for (int n = 0; n < 3; ++n) REQUIRE((*first_store)->replace_catalog({item("1", "00000000000017", 100 + n)}).ok());
    DirectStoreSink first(std::move(*first_store));
    REQUIRE(refresh_catalog(**lane, first, "2026-11-23T10:00:00+08:00").ok());
    REQUIRE((*second_store)->replace_catalog({item("5", "00000000000055", 500)}).ok());
    DirectStoreSink second(std::move(*second_store));
    auto refreshed = refresh_catalog(**lane, second, "2026-11-23T10:05:00+08:00");
    REQUIRE(refreshed.ok());
    CHECK(*refreshed);
    auto items = (*lane)->all_items();
    REQUIRE(items.ok());
    REQUIRE(items->size() == 1);
    CHECK((*items)[0].sku == "5");
}

TEST_CASE("catalog sync: a sink without a catalog leaves the lane's as it is") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->replace_catalog({item("1", "00000000000017", 100)}).ok());
    struct NoCatalog final : StoreSink {
        DbResult<std::vector<Acknowledged>> deliver(const std::vector<OutboxRecord>&, const std::string&) override {
            return std::vector<Acknowledged>{};
        }
    } sink;
    auto refreshed = refresh_catalog(**lane, sink, "2026-11-23T10:00:00+08:00");
    REQUIRE(refreshed.ok());
    CHECK_FALSE(*refreshed);
    auto items = (*lane)->all_items();
    REQUIRE(items.ok());
    CHECK(items->size() == 1);
}
