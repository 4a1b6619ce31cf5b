// lane.db: migrations, integrity check at open, and the one-transaction sale commit.
#include <doctest/doctest.h>

#include <fstream>

#include "db/lane/lane_db.hpp"
#include "db/shared/migrations.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

ItemRecord water() {
    ItemRecord item;
    item.sku = "101001";
    item.gtins = {"06921168176748", "06921168936533"};
    item.name_zh = "农夫山泉饮用天然水";
    item.name_en = "Nongfu Spring";
    item.cost_fen = 147;
    item.price_fen = 200;
    return item;
}

SaleRecord sale_of(const std::string& id, const std::string& shift_id) {
    SaleRecord sale;
    sale.id = id;
    sale.lane = 1;
    sale.shift_id = shift_id;
    sale.operator_id = "1001";
    sale.completed_at = "2026-11-23T09:05:00+08:00";
    sale.total_fen = 400;
    sale.paid_fen = 500;
    sale.change_fen = 100;
    sale.item_count_milli = 2000;
    SaleLineRecord line;
    line.line_no = 1;
    line.sku = "101001";
    line.name_zh = "农夫山泉饮用天然水";
    line.quantity_milli = 2000;
    line.unit_price_fen = 200;
    line.amount_fen = 400;
    sale.lines.push_back(line);
    sale.tenders.push_back(TenderRecord{1, "cash", 500, ""});
    return sale;
}

std::unique_ptr<LaneDb> open_with_shift(const std::string& path) {
    auto lane = LaneDb::open(path, true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->open_shift(ShiftRecord{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}}, "{}").ok());
    return std::move(*lane);
}

int64_t count(LaneDb& lane, const std::string& table) {
    auto answer = lane.connection().query_text("SELECT count(*) FROM " + table);
    REQUIRE(answer.ok());
    return std::stoll(answer->value_or("-1"));
}

auto payload = [](const SaleRecord& sale) { return "{\"receipt_no\":" + std::to_string(sale.receipt_no) + "}"; };

}  // namespace

TEST_CASE("lane_db: migrations set the schema version and are idempotent") {
    TempDir dir;
    {
        auto lane = LaneDb::open(dir.file("lane.db"), true);
        REQUIRE(lane.ok());
        CHECK(*schema_version((*lane)->connection()) == lane_migrations().back().number);
        auto mode = (*lane)->connection().query_text("PRAGMA journal_mode");
        CHECK(mode->value_or("") == "wal");
        auto sync = (*lane)->connection().query_text("PRAGMA synchronous");
        CHECK(sync->value_or("") == "2");  // FULL
    }
    auto again = LaneDb::open(dir.file("lane.db"), false);
    REQUIRE(again.ok());
    CHECK(*schema_version((*again)->connection()) == lane_migrations().back().number);
}

TEST_CASE("lane_db: a schema newer than the program is refused") {
    TempDir dir;
    {
        auto lane = LaneDb::open(dir.file("lane.db"), true);
        REQUIRE(lane.ok());
        REQUIRE((*lane)->connection().exec("PRAGMA user_version = 999").ok());
    }
    auto newer = LaneDb::open(dir.file("lane.db"), false);
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.error().code == DbErrorCode::schema);
    CHECK(newer.error().message.find("newer than this program") != std::string::npos);
}

TEST_CASE("lane_db: a missing file is not created without asking") {
    TempDir dir;
    auto missing = LaneDb::open(dir.file("nope.db"), false);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == DbErrorCode::not_found);
    CHECK_FALSE(std::filesystem::exists(dir.file("nope.db")));
}

TEST_CASE("lane_db: a file that is not a database is refused and left untouched") {
    TempDir dir;
    std::string path = dir.file("lane.db");
    std::string junk(8192, 'x');
    std::ofstream(path, std::ios::binary) << junk;
    auto opened = LaneDb::open(path, false);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == DbErrorCode::corrupt);
    CHECK(opened.error().message.find("nothing will be written to it") != std::string::npos);
    CHECK(std::filesystem::file_size(path) == junk.size());
}

TEST_CASE("lane_db: a damaged page fails quick_check at open") {
    TempDir dir;
    std::string path = dir.file("lane.db");
    {
        auto lane = open_with_shift(path);
        std::vector<ItemRecord> many;
        for (int i = 0; i < 300; ++i) {
            ItemRecord item = water();
            item.sku = std::to_string(200000 + i);
            item.gtins = {std::to_string(10000000000000 + i)};
            many.push_back(item);
        }
        REQUIRE(lane->replace_catalog(many).ok());
        REQUIRE(lane->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    // Overwrite the middle of the file (an index or table page) with garbage.
    auto size = std::filesystem::file_size(path);
    REQUIRE(size > 16384);
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(std::streamoff(size / 2));
    std::string garbage(4096, '\x5a');
    file.write(garbage.data(), std::streamsize(garbage.size()));
    file.close();
    auto opened = LaneDb::open(path, false);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == DbErrorCode::corrupt);
}

TEST_CASE("lane_db: a sale commits whole with its outbox row and receipt number") {
    TempDir dir;
    auto lane = open_with_shift(dir.file("lane.db"));
    auto first = lane->commit_sale(sale_of("sale-1", "shift-1"), payload);
    REQUIRE(first.ok());
    CHECK(*first == 1);
    auto second = lane->commit_sale(sale_of("sale-2", "shift-1"), payload);
    CHECK(*second == 2);

    auto stored = lane->find_sale("sale-2");
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->receipt_no == 2);
    CHECK((*stored)->lines.size() == 1);
    CHECK((*stored)->lines[0].name_zh == "农夫山泉饮用天然水");
    CHECK((*stored)->tenders[0].amount_fen == 500);

    auto outbox = lane->unsynced(10);
    REQUIRE(outbox->size() == 3);  // the shift and two sales
    CHECK((*outbox)[2].kind == "sale");
    CHECK((*outbox)[2].ref == "sale-2");
    CHECK((*outbox)[2].payload == "{\"receipt_no\":2}");
}

TEST_CASE("lane_db: a sale that fails half-way leaves nothing behind") {
    TempDir dir;
    auto lane = open_with_shift(dir.file("lane.db"));
    SaleRecord broken = sale_of("sale-x", "shift-1");
    broken.lines.push_back(broken.lines[0]);  // same line number twice: the second insert fails
    auto failed = lane->commit_sale(broken, payload);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == DbErrorCode::constraint);
    CHECK(count(*lane, "sales") == 0);
    CHECK(count(*lane, "sale_lines") == 0);
    CHECK(count(*lane, "sale_tenders") == 0);
    CHECK(count(*lane, "outbox WHERE kind = 'sale'") == 0);

    auto duplicate_id = lane->commit_sale(sale_of("sale-y", "shift-1"), payload);
    REQUIRE(duplicate_id.ok());
    CHECK_FALSE(lane->commit_sale(sale_of("sale-y", "shift-1"), payload).ok());
    CHECK(count(*lane, "sales") == 1);
}

TEST_CASE("lane_db: one open shift per lane") {
    TempDir dir;
    auto lane = open_with_shift(dir.file("lane.db"));
    auto second = lane->open_shift(ShiftRecord{"shift-2", 1, "1002", "2026-11-23T10:00:00+08:00", 0, {}}, "{}");
    CHECK_FALSE(second.ok());
    auto open = lane->find_open_shift(1);
    REQUIRE(open->has_value());
    CHECK((*open)->id == "shift-1");
    CHECK(count(*lane, "outbox") == 1);
}

TEST_CASE("lane_db: catalog replace and lookups by barcode, PLU and SKU") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    ItemRecord apple;
    apple.sku = "107001";
    apple.plu = "00101";
    apple.name_zh = "红富士苹果";
    apple.sale_unit = "weight";
    apple.price_per_kg_fen = 1280;
    REQUIRE((*lane)->replace_catalog({water(), apple}).ok());
    CHECK((*(*lane)->find_item_by_gtin("06921168936533"))->sku == "101001");
    CHECK((*(*lane)->find_item_by_plu("00101"))->name_zh == "红富士苹果");
    CHECK((*(*lane)->find_item_by_sku("101001"))->gtins.size() == 2);
    CHECK_FALSE((*lane)->find_item_by_gtin("00000000000000")->has_value());
    auto all = (*lane)->all_items();
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].gtins == std::vector<std::string>{"06921168176748", "06921168936533"});
    CHECK((*all)[1].plu == "00101");

    // A duplicate barcode fails the whole replace: the old catalog stays.
    ItemRecord clash = water();
    clash.sku = "999999";
    CHECK_FALSE((*lane)->replace_catalog({water(), clash}).ok());
    CHECK((*lane)->all_items()->size() == 2);
}
