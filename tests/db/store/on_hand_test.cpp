// store.db's on-hand table (migration 0049): the triggers on the stock ledger keep it equal to the
// ledger's sums through sales, returns, receipts and counts; the stock queries read it; the day's
// check finds a table that disagrees, rebuilds it from the ledger, and passes the next time.
#include <doctest/doctest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "db/shared/migrations.hpp"
#include "db/store/on_hand_table.hpp"
#include "db/store/report.hpp"
#include "db/store/stock.hpp"
#include "tests/support/sync_records.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

std::unique_ptr<StoreDb> open_store(const std::string& path, bool create = true) {
    auto store = StoreDb::open(path, create, StoreDb::DailyCheck::by_caller);
    REQUIRE(store.ok());
    return std::move(*store);
}

ItemRecord item(const std::string& sku, int64_t low_stock) {
    ItemRecord record;
    record.sku = sku;
    record.name_zh = "商品" + sku;
    record.department = "饮料";
    record.price_fen = 200;
    record.low_stock = low_stock;
    return record;
}

OutboxRecord sale(int64_t seq, const std::string& id, int64_t quantity_milli) {
    SaleRecord record = pos::testing::sync_sale(id, 2, "shift-1");
    record.lines[0].quantity_milli = quantity_milli;  // 101001
    return {seq, "sale", id, pos::testing::sync_sale_json(record), record.completed_at};
}

// A return (红字) of `quantity_milli` of 101001 against sale `original`: goods back in.
OutboxRecord return_of(int64_t seq, const std::string& id, const std::string& original, int64_t quantity_milli) {
    SaleRecord record = pos::testing::sync_sale(id, 2, "shift-1");
    record.completed_at = "2026-11-23T11:00:00+08:00";
    record.lines = {record.lines[0]};
    record.lines[0].quantity_milli = -quantity_milli;
    record.lines[0].amount_fen = -200 * quantity_milli / 1000;
    record.total_fen = record.lines[0].amount_fen;
    record.rounding_fen = 0;
    record.paid_fen = record.total_fen;
    record.change_fen = 0;
    record.item_count_milli = -quantity_milli;
    record.tenders = {TenderRecord{1, "cash", record.total_fen, ""}};
    auto payload = nlohmann::json::parse(pos::testing::sync_sale_json(record));
    payload["kind"] = "return";
    payload["original_sale_id"] = original;
    payload["reason"] = "坏了";
    payload["approved_by"] = "9001";
    return {seq, "sale", id, payload.dump(), record.completed_at};
}

void book_receipt(StoreDb& store, const std::string& number, const std::string& sku, int64_t milli,
                  const std::string& at) {
    StockDocumentRecord note{0,      "receipt", number, "DC", "", "",
                             "open", "1001",    at,     "",   "", {{1, sku, milli, 120, milli, 0, ""}}};
    auto id = create_stock_document(store, note);
    REQUIRE(id.ok());
    std::vector<StockMovementRecord> movements{
        {0, sku, "receipt", "receipt:" + std::to_string(*id), 1, milli, 120, at, ""}};
    auto booked = book_stock_document(store, *id, "9002", at, movements);
    REQUIRE(booked.ok());
    REQUIRE(*booked);
}

// The ledger's own sums, read without the table: what the table must hold.
std::map<std::string, int64_t> ledger_sums(StoreDb& store, const std::string& until = {}) {
    auto statement = store.connection().prepare(
        "SELECT sku, sum(quantity_milli) FROM stock_movements WHERE ?1 = '' OR julianday(at) <= julianday(?1) "
        "GROUP BY sku");
    REQUIRE(statement.ok());
    std::map<std::string, int64_t> sums;
    REQUIRE(each_row((**statement).reset().bind(1, until), [&](const Statement& row) {
                sums[row.column_text(0)] = row.column_int(1);
            }).ok());
    return sums;
}

std::map<std::string, int64_t> table_on_hand(StoreDb& store, const std::string& instant = {}) {
    auto on_hand = stock_on_hand(store, instant);
    REQUIRE(on_hand.ok());
    return *on_hand;
}

std::vector<std::string> low_skus(StoreDb& store) {
    auto low = low_stock_items(store);
    REQUIRE(low.ok());
    std::vector<std::string> skus;
    for (const LowStockRecord& record : *low) skus.push_back(record.sku);
    return skus;
}

// A store whose ledger has counts, a receipt, sales and a return, for 101001, 101003 and 101004.
void fill(StoreDb& store) {
    REQUIRE(store.replace_catalog({item("101001", 5), item("101003", 2), item("101004", 3)}).ok());
    REQUIRE(set_stock_count(store, "101001", 10000, "2026-11-23T07:00:00+08:00").ok());
    book_receipt(store, "PS-1", "101003", 24000, "2026-11-23T08:00:00+08:00");
    ShiftRecord shift{"shift-1", 2, "1001", "2026-11-23T09:00:00+08:00", 20000, {}};
    std::vector<OutboxRecord> batch{{1, "shift", "shift-1", pos::testing::sync_shift_json(shift), shift.opened_at},
                                    sale(2, "s-1", 3000),
                                    sale(3, "s-2", 4000),
                                    return_of(4, "r-1", "s-1", 1000)};
    auto stored = store.apply_batch(batch, "2026-11-23T12:00:00+08:00");
    REQUIRE(stored.ok());
    for (const Acknowledged& ack : *stored) CHECK_MESSAGE(ack.aside.empty(), ack.ref, ": ", ack.reason);
    // Only sold (never opened, received or counted): not kept, so never "low".
    REQUIRE(store.connection()
                .exec("INSERT INTO stock_movements (sku, kind, document, line_no, quantity_milli, at) VALUES "
                      "('101004', 'sale', 'sale:elsewhere', 1, -1000, '2026-11-23T13:00:00+08:00')")
                .ok());
    REQUIRE(set_stock_count(store, "101003", 2000, "2026-11-23T20:00:00+08:00").ok());
}

}  // namespace

TEST_CASE("store on hand: the table equals the ledger after counts, a receipt, sales and a return") {
    TempDir dir;
    auto store = open_store(dir.file("store.db"));
    fill(*store);
    std::map<std::string, int64_t> expected{
        {"101001", 10000 - 3000 - 4000 + 1000}, {"101003", 2000}, {"101004", -1000}};
    CHECK(ledger_sums(*store) == expected);
    CHECK(table_on_hand(*store) == expected);
    auto disagreements = on_hand_disagreements(store->connection());
    REQUIRE(disagreements.ok());
    CHECK(disagreements->empty());
    // 101001: 4 on hand against a low mark of 5; 101003 at 2 of 2; 101004 below 3 but only ever sold.
    CHECK(low_skus(*store) == std::vector<std::string>{"101001", "101003"});
    // A count posts the difference from what the table holds.
    REQUIRE(set_stock_count(*store, "101001", 9000, "2026-11-23T21:00:00+08:00").ok());
    CHECK(table_on_hand(*store).at("101001") == 9000);
    CHECK(ledger_sums(*store).at("101001") == 9000);
    CHECK(low_skus(*store) == std::vector<std::string>{"101003"});
}

TEST_CASE("store on hand: as of an instant it is the ledger's sum up to then, items not yet moved absent") {
    TempDir dir;
    auto store = open_store(dir.file("store.db"));
    fill(*store);
    for (const char* instant : {"2026-11-23T06:00:00+08:00", "2026-11-23T07:00:00+08:00", "2026-11-23T08:30:00+08:00",
                                "2026-11-23T09:05:00+08:00", "2026-11-23T12:00:00+08:00", "2026-11-24T00:00:00+08:00",
                                "2026-11-23T02:00:00Z"}) {
        CAPTURE(instant);
        CHECK(table_on_hand(*store, instant) == ledger_sums(*store, instant));
    }
    CHECK(table_on_hand(*store, "2026-11-23T06:00:00+08:00").empty());
    CHECK(table_on_hand(*store, "2026-11-23T07:30:00+08:00").count("101003") == 0);
}

TEST_CASE("store on hand: a movement deleted or changed by hand moves the table with it") {
    TempDir dir;
    auto store = open_store(dir.file("store.db"));
    fill(*store);
    REQUIRE(store->connection()
                .exec("UPDATE stock_movements SET sku = '101005', kind = 'count' WHERE sku = '101004'")
                .ok());
    REQUIRE(store->connection().exec("DELETE FROM stock_movements WHERE kind = 'return'").ok());
    CHECK(table_on_hand(*store) == ledger_sums(*store));
    CHECK(table_on_hand(*store).count("101004") == 0);
    auto disagreements = on_hand_disagreements(store->connection());
    REQUIRE(disagreements.ok());
    CHECK(disagreements->empty());
}

TEST_CASE("store on hand: migration 0049 fills the table from the ledger already there") {
    TempDir dir;
    {
        auto connection = Connection::open(dir.file("store.db"), true);
        REQUIRE(connection.ok());
        std::vector<Migration> before;
        for (const Migration& migration : store_migrations()) {
            if (migration.number < 49) before.push_back(migration);
        }
        REQUIRE(migrate(**connection, before).ok());
        REQUIRE((*connection)
                    ->exec("INSERT INTO stock_movements (sku, kind, document, line_no, quantity_milli, at) VALUES "
                           "('A', 'opening', 'opening', 0, 7000, '2026-11-20T21:00:00+08:00'), "
                           "('A', 'sale', 'sale:1', 1, -2000, '2026-11-21T10:00:00+08:00'), "
                           "('B', 'sale', 'sale:1', 2, -500, '2026-11-21T10:00:00+08:00')")
                    .ok());
    }
    auto store = open_store(dir.file("store.db"), false);
    CHECK(table_on_hand(*store) == std::map<std::string, int64_t>{{"A", 5000}, {"B", -500}});
    CHECK(store->connection().query_text("SELECT kept_movements FROM stock_on_hand WHERE sku = 'B'")->value_or("") ==
          "0");
    auto disagreements = on_hand_disagreements(store->connection());
    REQUIRE(disagreements.ok());
    CHECK(disagreements->empty());
}

TEST_CASE("store on hand: the day's check finds a table that disagrees with the ledger, rebuilds it, then passes") {
    TempDir dir;
    std::string path = dir.file("store.db");
    {
        auto store = open_store(path);
        fill(*store);
        // What a bug or a hand edit could leave: a wrong sum, a missing row, a row with no movement.
        REQUIRE(store->connection()
                    .exec("UPDATE stock_on_hand SET on_hand_milli = on_hand_milli + 1 WHERE sku = '101003';"
                          "DELETE FROM stock_on_hand WHERE sku = '101004';"
                          "INSERT INTO stock_on_hand VALUES ('999999', 5000, 1, 1);"
                          "INSERT OR REPLACE INTO integrity_checked (id, checked_at) VALUES (1, datetime('now', '-25 "
                          "hours'))")
                    .ok());
        auto found = on_hand_disagreements(store->connection());
        REQUIRE(found.ok());
        REQUIRE(found->size() == 3);
        CHECK((*found)[0].sku == "101003");
        REQUIRE((*found)[0].table.has_value());
        CHECK((*found)[0].table->on_hand_milli == 2001);
        CHECK((*found)[0].ledger->on_hand_milli == 2000);
        CHECK((*found)[1].sku == "101004");
        CHECK_FALSE((*found)[1].table.has_value());
        CHECK((*found)[2].sku == "999999");
        CHECK_FALSE((*found)[2].ledger.has_value());
    }
    auto store = open_store(path, false);
    auto checked = store->check_whole_file_daily({});
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().code == DbErrorCode::corrupt);
    CHECK(checked.error().message.find("3 item(s) disagreed with the stock ledger (first: sku 101003") !=
          std::string::npos);
    CHECK(checked.error().message.find("rebuilt from the ledger") != std::string::npos);
    CHECK(table_on_hand(*store) == ledger_sums(*store));
    // Not recorded as passed, so the next check runs, and finds them agreeing.
    CHECK(store->connection()
              .query_text("SELECT julianday('now') - julianday(checked_at) > 1 FROM integrity_checked")
              ->value_or("") == "1");
    REQUIRE(store->check_whole_file_daily({}).ok());
    CHECK(store->connection()
              .query_text("SELECT julianday('now') - julianday(checked_at) < 0.01 FROM integrity_checked")
              ->value_or("") == "1");
}
