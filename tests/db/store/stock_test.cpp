// store.db's stock ledger: on hand is the sum of movements; a sale filed from a lane posts its
// movement once however often it is delivered; migration 0016 turns the old on-hand number into an
// opening balance; documents are booked once, in one transaction.
#include <doctest/doctest.h>

#include "db/shared/migrations.hpp"
#include "db/store/report.hpp"
#include "db/store/stock.hpp"
#include "tests/support/sync_records.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

std::unique_ptr<StoreDb> open_store(const TempDir& dir) {
    auto store = StoreDb::open(dir.file("store.db"), true);
    REQUIRE(store.ok());
    return std::move(*store);
}

int64_t on_hand(StoreDb& store, const std::string& sku) {
    auto all = stock_on_hand(store);
    REQUIRE(all.ok());
    return all->count(sku) ? all->at(sku) : 0;
}

}  // namespace

TEST_CASE("store stock: a sale delivered twice posts its movement once, voided lines none") {
    TempDir dir;
    auto store = open_store(dir);
    REQUIRE(set_stock_count(*store, "101001", 10000, "2026-11-23T07:00:00+08:00").ok());
    OutboxRecord sale{1, "sale", "s-1", pos::testing::sync_sale_json(pos::testing::sync_sale("s-1", 2, "shift-1")),
                      "2026-11-23T09:05:00+08:00"};
    REQUIRE(store->apply_batch({sale}, "2026-11-23T09:06:00+08:00").ok());
    REQUIRE(store->apply_batch({sale}, "2026-11-23T09:07:00+08:00").ok());
    CHECK(on_hand(*store, "101001") == 8000);  // 10 − 2
    CHECK(on_hand(*store, "101002") == 0);     // its line was voided
    auto movements = stock_movements(*store, "101001");
    REQUIRE(movements.ok());
    REQUIRE(movements->size() == 2);
    CHECK((*movements)[1].kind == "sale");
    CHECK((*movements)[1].document == "sale:s-1");
    CHECK((*movements)[1].quantity_milli == -2000);
    CHECK((*movements)[1].at == "2026-11-23T09:05:00+08:00");
}

TEST_CASE("store stock: migration 0016 turns each counted on-hand number into an opening balance at catalog cost") {
    TempDir dir;
    {
        auto connection = Connection::open(dir.file("store.db"), true);
        REQUIRE(connection.ok());
        std::vector<Migration> before;
        for (const Migration& migration : store_migrations()) {
            if (migration.number < 16) before.push_back(migration);
        }
        REQUIRE(migrate(**connection, before).ok());
        REQUIRE((*connection)
                    ->exec("INSERT INTO items (sku, name_zh, cost_fen, price_fen, sale_unit) VALUES "
                           "('A', 'a', 150, 200, 'piece'), ('B', 'b', 1200, 0, 'weight');"
                           "INSERT INTO stock VALUES ('A', 7000, '2026-11-20T21:00:00+08:00'), "
                           "('B', 2350, '2026-11-20T21:00:00+08:00')")
                    .ok());
    }
    auto store = open_store(dir);
    CHECK(on_hand(*store, "A") == 7000);
    CHECK(on_hand(*store, "B") == 2350);  // grams
    auto movements = stock_movements(*store, "B");
    REQUIRE(movements.ok());
    REQUIRE(movements->size() == 1);
    CHECK((*movements)[0].kind == "opening");
    CHECK((*movements)[0].unit_cost_fen == 1200);
    CHECK(store->connection().query_text("SELECT count(*) FROM sqlite_master WHERE name = 'stock'")->value_or("") ==
          "0");
}

TEST_CASE("store stock: a document is booked once with its movements, and a second number is refused") {
    TempDir dir;
    auto store = open_store(dir);
    StockDocumentRecord note{0,      "receipt", "PS-1",
                             "DC",   "",        "",
                             "open", "1001",    "2026-11-23T08:00:00+08:00",
                             "",     "",        {{1, "101001", 24000, 120, 24000, 0, ""}}};
    auto id = create_stock_document(*store, note);
    REQUIRE(id.ok());
    auto again = create_stock_document(*store, note);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == DbErrorCode::constraint);
    std::vector<StockMovementRecord> movements{
        {0, "101001", "receipt", "receipt:" + std::to_string(*id), 1, 24000, 120, "2026-11-23T08:30:00+08:00", ""}};
    auto booked = book_stock_document(*store, *id, "9002", "2026-11-23T08:30:00+08:00", movements);
    REQUIRE(booked.ok());
    CHECK(*booked);
    auto twice = book_stock_document(*store, *id, "9002", "2026-11-23T08:31:00+08:00", movements);
    REQUIRE(twice.ok());
    CHECK_FALSE(*twice);
    CHECK(on_hand(*store, "101001") == 24000);
    auto found = find_stock_document(*store, *id);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->status == "booked");
    CHECK((*found)->approved_by == "9002");
}
