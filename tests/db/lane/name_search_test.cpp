// F8 search by part of a name: the index of the names' character pairs and single characters finds
// exactly what reading the whole items table found, for Chinese queries of one character and more
// (also queries whose pairs are each common but never together, which the pairs' lists skip past).
#include <doctest/doctest.h>

#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "db/lane/lane_db.hpp"
#include "db/shared/catalog_sync.hpp"
#include "db/lane/name_grams.hpp"
#include "db/lane/tickets.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

// Names built from common product words, so many items share pairs, as in a supermarket.
std::vector<ItemRecord> catalog(int count) {
    static const std::array<const char*, 10> words = {"农夫", "山泉", "纯牛奶", "蒙牛", "酸奶",
                                                      "红烧", "牛肉", "面",     "酱油", "海天"};
    std::vector<ItemRecord> items;
    for (int n = 0; n < count; ++n) {
        ItemRecord item;
        item.sku = fmt::format("{:06}", n + 1);
        item.gtins = {fmt::format("0692{:010}", n)};
        item.name_zh =
            fmt::format("{}{}{} {}号", words[size_t(n % 10)], words[size_t(n / 10 % 10)], n % 7 == 0 ? "礼盒" : "", n);
        item.name_en = n % 5 == 0 ? fmt::format("Gift 牛奶 {}", n) : fmt::format("Item {}", n);
        item.cost_fen = 100;
        item.price_fen = 150;
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<std::string> skus_found(LaneDb& lane, const std::string& query) {
    auto found = search_items(lane, query, 30);
    REQUIRE(found.ok());
    std::vector<std::string> skus;
    for (const ItemRecord& item : *found) skus.push_back(item.sku);
    return skus;
}

void set_index_ready(LaneDb& lane, bool ready) {
    REQUIRE(lane.connection().exec(fmt::format("UPDATE item_name_grams_state SET ready = {}", ready ? 1 : 0)).ok());
}

}  // namespace

TEST_CASE("name search: the pairs of adjacent non-ASCII characters of a name, each once") {
    CHECK(name_grams("农夫山泉 550ml") == std::vector<std::string>{"农夫", "夫山", "山泉"});
    CHECK(name_grams("牛奶牛奶") == std::vector<std::string>{"牛奶", "奶牛"});
    CHECK(name_grams("面 A4 纸").empty());
    CHECK(name_grams("Item 12").empty());
    CHECK(name_grams("").empty());
}

TEST_CASE("name search: the index finds the same items in the same order as reading the whole table") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->replace_catalog(catalog(3000)).ok());
    const std::vector<std::string> queries = {
        "牛奶",       "纯牛奶",    "奶蒙",    "红烧牛肉", "奶酸奶", "礼盒", "盒 1",       "面",     "号",
        "Item 12",    "gift 牛奶", "牛奶 15", "酱油海天", "不存在", "奶%",  "山泉农夫 9", "天然水", "油农夫山",
        "牛肉面礼盒", "盒面",      "奶",      "鱼",       "油 号",  "g牛",  "盒%"};
    for (const std::string& query : queries) {
        CAPTURE(query);
        set_index_ready(**lane, true);
        std::vector<std::string> indexed = skus_found(**lane, query);
        set_index_ready(**lane, false);
        std::vector<std::string> scanned = skus_found(**lane, query);
        CHECK(indexed == scanned);
    }
    set_index_ready(**lane, true);
    CHECK(skus_found(**lane, "红烧牛肉").size() == 30);
    CHECK(skus_found(**lane, "不存在").empty());
    CHECK(skus_found(**lane, "礼").size() == 30);
    CHECK(skus_found(**lane, "鱼").empty());
}

TEST_CASE(
    "name search: one character is found through the index, and a catalog indexed before characters were still by "
    "reading") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->replace_catalog(catalog(50)).ok());
    CHECK(name_characters("农夫 山泉 550ml 农") == std::vector<std::string>{"农", "夫", "山", "泉"});
    CHECK((*lane)->connection().query_text("SELECT count(*) FROM item_name_grams WHERE gram = '礼'")->value_or("") ==
          "1");
    CHECK(skus_found(**lane, "礼").size() == 8);  // every seventh name: 0, 7, ... 49
    // As a lane.db indexed before lane migration 0037 holds it: pairs, no characters.
    REQUIRE((*lane)->connection().exec("DELETE FROM item_name_grams WHERE length(gram) = 1").ok());
    CHECK(skus_found(**lane, "礼").empty());  // the index alone would now find nothing
    REQUIRE((*lane)->connection().exec("UPDATE item_name_grams_state SET characters = 0").ok());
    CHECK(skus_found(**lane, "礼").size() == 8);    // so such a catalog is read as before
    CHECK(skus_found(**lane, "礼盒").size() == 8);  // and its pairs still go through the index
}

TEST_CASE("name search: a catalog replaced again is indexed again, and one from before the index is still found") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->replace_catalog(catalog(50)).ok());
    CHECK(skus_found(**lane, "海天").size() == 5);

    std::vector<ItemRecord> renamed = catalog(50);
    for (ItemRecord& item : renamed) item.name_zh = "金龙鱼大米 " + item.sku;
    REQUIRE((*lane)->replace_catalog(renamed).ok());
    CHECK(skus_found(**lane, "海天").empty());
    CHECK(skus_found(**lane, "龙鱼").size() == 30);

    // A lane.db migrated with a catalog already in it: not indexed until the next replace.
    REQUIRE((*lane)->connection().exec("DELETE FROM item_name_grams").ok());
    set_index_ready(**lane, false);
    CHECK(skus_found(**lane, "龙鱼").size() == 30);
}

TEST_CASE("name search: a catalog that flows down from the store is indexed with it") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->replace_catalog(catalog(50)).ok());
    std::vector<ItemRecord> renamed = catalog(50);
    for (ItemRecord& item : renamed) item.name_zh = "金龙鱼大米 " + item.sku;
    CatalogSnapshot snapshot{{"store-1", 2}, renamed, {}};
    REQUIRE(apply_catalog_snapshot(**lane, snapshot, "2026-12-07T09:00:00+08:00").ok());
    CHECK(skus_found(**lane, "海天").empty());
    CHECK(skus_found(**lane, "龙鱼大").size() == 30);
    CHECK(skus_found(**lane, "鱼大米").front() == "000001");
}

TEST_CASE("name search: a failed catalog replace leaves the items and their index as they were") {
    TempDir dir;
    auto lane = LaneDb::open(dir.file("lane.db"), true);
    REQUIRE(lane.ok());
    REQUIRE((*lane)->replace_catalog(catalog(50)).ok());
    std::vector<ItemRecord> duplicated = catalog(60);
    for (ItemRecord& item : duplicated) item.name_zh = "金龙鱼大米";
    duplicated.back().sku = duplicated.front().sku;  // the second row with this key fails the load
    CHECK_FALSE((*lane)->replace_catalog(duplicated).ok());
    CHECK(skus_found(**lane, "海天").size() == 5);
    CHECK(skus_found(**lane, "龙鱼").empty());
}
