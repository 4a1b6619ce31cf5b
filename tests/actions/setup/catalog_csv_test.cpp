// Tests for pos/actions/setup/catalog_csv.hpp: exact values, exact problems per row and column, round trip.
#include "pos/actions/setup/catalog_csv.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using pos::actions::catalog_csv_header;
using pos::actions::CatalogCsvParse;
using pos::actions::CatalogCsvProblem;
using pos::actions::format_catalog_csv;
using pos::actions::parse_catalog_csv;
using pos::core::CatalogItem;
using pos::core::Money;
using pos::core::SaleUnit;
namespace scanner = pos::drivers::scanner;

namespace {

const std::string header = std::string(catalog_csv_header) + "\n";

// A good piece row and a good weighed row, to put bad rows after.
const std::string good_piece = "A1001,6901234567892,,矿泉水,Water,550ml,瓶,饮料,1.20,2.00,,piece,24,ksq\n";
const std::string good_weight = "P2001,,00123,散装苹果,Apples,,kg,生鲜,5.00,,12.80,weight,0,sgpg\n";

CatalogCsvParse parse_ok(std::string_view text) {
    auto result = parse_catalog_csv(text, scanner::default_nomenclature());
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().message));
    return std::move(result).value();
}

std::string describe(const std::vector<CatalogCsvProblem>& problems) {
    std::string out;
    for (const auto& p : problems) out += "row " + std::to_string(p.row) + " [" + p.column + "] " + p.message + "\n";
    return out;
}

// The one problem a file with a single bad row 3 must give.
void check_one_problem(const std::string& bad_row, int row, const std::string& column, const std::string& message) {
    auto parsed = parse_ok(header + good_piece + bad_row);
    INFO(describe(parsed.problems));
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].row == row);
    CHECK(parsed.problems[0].column == column);
    CHECK(parsed.problems[0].message == message);
    CHECK(parsed.items.size() == 1);  // the good row still parses; the bad one is left out
}

// A piece row with one cell replaced, the rest good: cells in header order.
std::string piece_row_with(size_t column, const std::string& value) {
    std::vector<std::string> cells = {"B1",   "6901234567908", "",     "茶", "Tea",   "500ml", "瓶",
                                      "饮料", "2.00",          "3.50", "",   "piece", "10",    "c"};
    cells[column] = value;
    std::string line;
    for (size_t c = 0; c < cells.size(); ++c) line += (c ? "," : "") + cells[c];
    return line + "\n";
}

std::string repeat(std::string_view unit, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += unit;
    return out;
}

void check_same(const CatalogItem& a, const CatalogItem& b) {
    CHECK(a.sku == b.sku);
    CHECK(a.barcodes == b.barcodes);
    CHECK(a.plu == b.plu);
    CHECK(a.name_zh == b.name_zh);
    CHECK(a.name_en == b.name_en);
    CHECK(a.spec == b.spec);
    CHECK(a.unit == b.unit);
    CHECK(a.department == b.department);
    CHECK(a.cost == b.cost);
    CHECK(a.price == b.price);
    CHECK(a.price_per_kg == b.price_per_kg);
    CHECK(a.sale_unit == b.sale_unit);
    CHECK(a.low_stock == b.low_stock);
    CHECK(a.pinyin == b.pinyin);
}

}  // namespace

TEST_CASE("catalog_csv: a good file parses to exact values") {
    std::string text =
        "\xEF\xBB\xBF" + std::string(catalog_csv_header) + "\r\n" +
        "A1001,6901234567892|96385074,,农夫山泉 饮用天然水,Nongfu Spring "
        "Water,550ml,瓶,饮料,1.20,2.00,,piece,24,NFSQ\r\n"
        "P2001,,00123,散装苹果,Loose Apples,,kg,生鲜,5.00,,12.80,weight,0,sgpg\r\n"
        "U3001,036000291452|10012345678902,,\"宝洁 \"\"飘柔\"\", 洗发水\",,400ml,瓶,日化,18,29.9,0,piece,,plrx\r\n";
    auto parsed = parse_ok(text);
    INFO(describe(parsed.problems));
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.items.size() == 3);

    const CatalogItem& water = parsed.items[0];
    CHECK(water.sku == "A1001");
    CHECK(water.barcodes == std::vector<std::string>{"06901234567892", "00000096385074"});
    CHECK(water.plu == "");
    CHECK(water.name_zh == "农夫山泉 饮用天然水");
    CHECK(water.name_en == "Nongfu Spring Water");
    CHECK(water.spec == "550ml");
    CHECK(water.unit == "瓶");
    CHECK(water.department == "饮料");
    CHECK(water.cost == Money::fen(120));
    CHECK(water.price == Money::fen(200));
    CHECK(water.price_per_kg == Money::fen(0));
    CHECK(water.sale_unit == SaleUnit::piece);
    CHECK(water.low_stock == 24);
    CHECK(water.pinyin == "nfsq");  // lower-cased on import

    const CatalogItem& apples = parsed.items[1];
    CHECK(apples.sku == "P2001");
    CHECK(apples.barcodes.empty());
    CHECK(apples.plu == "00123");
    CHECK(apples.price == Money::fen(0));
    CHECK(apples.price_per_kg == Money::fen(1280));
    CHECK(apples.sale_unit == SaleUnit::weight);
    CHECK(apples.low_stock == 0);

    const CatalogItem& shampoo = parsed.items[2];
    CHECK(shampoo.barcodes == std::vector<std::string>{"00036000291452", "10012345678902"});
    CHECK(shampoo.name_zh == "宝洁 \"飘柔\", 洗发水");
    CHECK(shampoo.name_en == "");
    CHECK(shampoo.cost == Money::fen(1800));
    CHECK(shampoo.price == Money::fen(2990));
    CHECK(shampoo.low_stock == 0);  // empty means 0
}

TEST_CASE("catalog_csv: text that is not CSV is an error, not a problem list") {
    auto result = parse_catalog_csv(header + "A1,\"unclosed\n", scanner::default_nomenclature());
    REQUIRE(!result.ok());
    CHECK(result.error().code == pos::core::ErrorCode::bad_input);
    CHECK(result.error().message == "row 2, column 2: quote not closed — check the cell for a stray \" character");
}

TEST_CASE("catalog_csv: a wrong header is one problem at row 1 naming the expected header") {
    const std::string expected = "the first row must be exactly the header " + std::string(catalog_csv_header);
    struct Case {
        std::string text;
        std::string column;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"", "sku", expected + " — column 1 (sku) is missing"},
        {"sku,barcodes,PLU\n" + good_piece, "plu", expected + " — column 3 is \"PLU\", expected plu"},
        {"sku,barcodes,plu\n" + good_piece, "name_zh", expected + " — column 4 (name_zh) is missing"},
        {std::string(catalog_csv_header) + ",extra\n" + good_piece, "", expected + " — it has 15 columns, expected 14"},
        {" " + header + good_piece, "sku", expected + " — column 1 is \" sku\", expected sku"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto parsed = parse_ok(c.text);
        REQUIRE(parsed.problems.size() == 1);
        CHECK(parsed.problems[0].row == 1);
        CHECK(parsed.problems[0].column == c.column);
        CHECK(parsed.problems[0].message == c.message);
        CHECK(parsed.items.empty());
    }
}

TEST_CASE("catalog_csv: a header-only file is an empty catalog") {
    auto parsed = parse_ok(header);
    CHECK(parsed.items.empty());
    CHECK(parsed.problems.empty());
}

TEST_CASE("catalog_csv: a row with the wrong number of cells names its count") {
    check_one_problem("B1,6901234567908,,茶\n", 3, "",
                      "row has 4 cells; a catalog row has 14, in the order of the header");
    check_one_problem(piece_row_with(13, "c,extra"), 3, "",
                      "row has 15 cells; a catalog row has 14, in the order of the header");
    check_one_problem("x\n", 3, "", "row has 1 cell; a catalog row has 14, in the order of the header");
}

TEST_CASE("catalog_csv: blank rows are skipped but still counted") {
    auto parsed = parse_ok(header + "\n,,,,,,,,,,,,,\n" + good_piece + "\n" + piece_row_with(0, ""));
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].row == 6);
    CHECK(parsed.items.size() == 1);
}

TEST_CASE("catalog_csv: each bad cell gives its problem with row and column") {
    struct Case {
        size_t column_index;
        std::string value;
        std::string column;
        std::string message;
    };
    const std::vector<Case> cases = {
        {0, "", "sku", "sku is empty — every item needs its own item number"},
        {0, "B 1", "sku", "sku \"B 1\" may only use letters A-Z and a-z, digits, - and _"},
        {0, "B/1", "sku", "sku \"B/1\" may only use letters A-Z and a-z, digits, - and _"},
        {0, repeat("B", 21), "sku", "sku is 21 characters long; at most 20"},
        {1, "6901234567908|", "barcodes", "barcode 2 is empty — remove the extra \"|\""},
        {1, "6901234567908||6901234567915", "barcodes", "barcode 2 is empty — remove the extra \"|\""},
        {1, "6901234567908|6901234567908", "barcodes", "barcode \"6901234567908\" is listed twice in this row"},
        {1, "6901234567908|06901234567908", "barcodes", "barcode \"06901234567908\" is listed twice in this row"},
        {1, "", "barcodes", "the item has no barcode and no plu — give at least one so the lane can find it"},
        {2, "123", "plu", "plu \"123\" must be exactly 5 digits, like 00123, or empty"},
        {2, "12a45", "plu", "plu \"12a45\" must be exactly 5 digits, like 00123, or empty"},
        {3, "", "name_zh", "name_zh is empty — the item needs it for the screen and receipt"},
        {3, repeat("茶", 81), "name_zh", "name_zh is 81 characters long; at most 80"},
        {4, repeat("t", 81), "name_en", "name_en is 81 characters long; at most 80"},
        {4, "Green\tTea", "name_en",
         "name_en has a control character (tab, line break or other invisible character) at character 6 — remove it"},
        {5, repeat("规", 41), "spec", "spec is 41 characters long; at most 40"},
        {5, "500\xC2\x85ml", "spec",
         "spec has a control character (tab, line break or other invisible character) at character 4 — remove it"},
        {6, repeat("u", 41), "unit", "unit is 41 characters long; at most 40"},
        {6, "瓶\x7F", "unit",
         "unit has a control character (tab, line break or other invisible character) at character 2 — remove it"},
        {7, repeat("部", 41), "department", "department is 41 characters long; at most 40"},
        {8, "abc", "cost", "cost \"abc\" is not an amount: use yuan with at most two decimals, like 12.50"},
        {8, "-1.00", "cost", "cost -1.00 is below 0.00"},
        {9, "3.505", "price", "price \"3.505\" is not an amount: use yuan with at most two decimals, like 12.50"},
        {9, "¥3.50", "price", "price \"¥3.50\" is not an amount: use yuan with at most two decimals, like 12.50"},
        {9, "0.00", "price", "a piece item (sale_unit piece) needs a price above 0.00"},
        {9, "", "price", "a piece item (sale_unit piece) needs a price above 0.00"},
        {10, "-0.01", "price_per_kg", "price_per_kg -0.01 is below 0.00"},
        {11, "Piece", "sale_unit", "sale_unit \"Piece\" must be piece (counted) or weight (weighed, priced per kg)"},
        {11, "", "sale_unit", "sale_unit \"\" must be piece (counted) or weight (weighed, priced per kg)"},
        {12, "-1", "low_stock", "low_stock \"-1\" must be a whole number of units from 0 to 999999999"},
        {12, "1.5", "low_stock", "low_stock \"1.5\" must be a whole number of units from 0 to 999999999"},
        {12, "1000000000", "low_stock", "low_stock \"1000000000\" must be a whole number of units from 0 to 999999999"},
        {13, "c q", "pinyin", "pinyin \"c q\" may only use letters a-z and digits, like nfsq for 农夫山泉"},
        {13, "chá", "pinyin", "pinyin \"chá\" may only use letters a-z and digits, like nfsq for 农夫山泉"},
        {13, repeat("c", 41), "pinyin", "pinyin is 41 characters long; at most 40"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.value);
        check_one_problem(piece_row_with(c.column_index, c.value), 3, c.column, c.message);
    }
}

TEST_CASE("catalog_csv: limits are inclusive and counted in characters, not bytes") {
    std::string row = piece_row_with(3, repeat("茶", 80));
    auto parsed = parse_ok(header + row);
    INFO(describe(parsed.problems));
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.items.size() == 1);
    CHECK(parsed.items[0].name_zh.size() == 240);
    CHECK(parse_ok(header + piece_row_with(0, repeat("b", 20))).problems.empty());
    CHECK(parse_ok(header + piece_row_with(7, repeat("部", 40))).problems.empty());
}

TEST_CASE("catalog_csv: a barcode the engine rejects carries the engine's message") {
    const auto nomenclature = scanner::default_nomenclature();
    for (std::string code : {"6901234567893", "690123456789", "69012345678a2"}) {
        CAPTURE(code);
        auto engine = scanner::parse_barcode(code, nomenclature);
        REQUIRE(!engine.valid);
        REQUIRE(!engine.message.empty());
        check_one_problem(piece_row_with(1, code), 3, "barcodes", "barcode \"" + code + "\": " + engine.message);
    }
}

TEST_CASE("catalog_csv: an in-store scale label is not an item barcode") {
    const std::string code = "2000123012346";
    auto engine = scanner::parse_barcode(code, scanner::default_nomenclature());
    REQUIRE(engine.valid);
    REQUIRE(engine.kind != scanner::BarcodeKind::item);
    check_one_problem(piece_row_with(1, code), 3, "barcodes",
                      "barcode \"2000123012346\" reads as a " + std::string(scanner::kind_name(engine.kind)) +
                          " code, not a trade item's EAN/UPC — a scale item goes in the plu column");
}

TEST_CASE("catalog_csv: weighed items need a price per kg and a plu") {
    check_one_problem("P3,,00200,香蕉,Bananas,,kg,生鲜,3.00,,0,weight,0,xj\n", 3, "price_per_kg",
                      "a weighed item (sale_unit weight) needs a price_per_kg above 0.00");
    check_one_problem("P3,6901234567908,,香蕉,Bananas,,kg,生鲜,3.00,,5.98,weight,0,xj\n", 3, "plu",
                      "a weighed item (sale_unit weight) needs the 5-digit plu its scale labels carry");
}

TEST_CASE("catalog_csv: every problem in a row is reported, in column order") {
    auto parsed = parse_ok(header + "b 1,,123,,,,,,x,-2,,each,,\n");
    INFO(describe(parsed.problems));
    REQUIRE(parsed.problems.size() == 6);
    CHECK(parsed.problems[0].column == "sku");
    CHECK(parsed.problems[1].column == "plu");
    CHECK(parsed.problems[2].column == "name_zh");
    CHECK(parsed.problems[3].column == "cost");
    CHECK(parsed.problems[4].column == "price");
    CHECK(parsed.problems[5].column == "sale_unit");
    for (const auto& p : parsed.problems) CHECK(p.row == 2);
    CHECK(parsed.items.empty());
}

TEST_CASE("catalog_csv: duplicates are reported at the later row, naming the earlier one") {
    std::string text = header + good_piece + good_weight +                      // rows 2, 3
                       "A1001,6901234567908,,茶,,,,,1,2,,piece,,\n"             // 4: sku
                       "B2,06901234567892,,茶,,,,,1,2,,piece,,\n"               // 5: barcode
                       "B3,6901234567915,00123,茶,,,,,1,2,,piece,,\n"           // 6: plu
                       "B4,6901234567922|6901234567922,,茶,,,,,1,2,,piece,,\n"  // 7: in row
                       "B5,6901234567922,,茶,,,,,1,2,,piece,,\n";               // 8: row 7's
    auto parsed = parse_ok(text);
    INFO(describe(parsed.problems));
    REQUIRE(parsed.problems.size() == 4);
    CHECK(parsed.problems[0].row == 4);
    CHECK(parsed.problems[0].column == "sku");
    CHECK(parsed.problems[0].message == "sku \"A1001\" is already used in row 2");
    CHECK(parsed.problems[1].row == 5);
    CHECK(parsed.problems[1].column == "barcodes");
    CHECK(parsed.problems[1].message == "barcode \"6901234567892\" is already used in row 2");
    CHECK(parsed.problems[2].row == 6);
    CHECK(parsed.problems[2].column == "plu");
    CHECK(parsed.problems[2].message == "plu \"00123\" is already used in row 3");
    CHECK(parsed.problems[3].row == 7);
    CHECK(parsed.problems[3].message == "barcode \"6901234567922\" is listed twice in this row");
    CHECK(parsed.items.size() == 3);  // rows 2, 3 and 8
}

TEST_CASE("catalog_csv: problems stop at 100, then one says how many more") {
    std::string text = header;
    for (int i = 0; i < 150; ++i) text += "x\n";  // one problem each, and no duplicates
    auto parsed = parse_ok(text);
    REQUIRE(parsed.problems.size() == 101);
    CHECK(parsed.problems[99].row == 101);
    CHECK(parsed.problems[100].row == 102);
    CHECK(parsed.problems[100].column == "");
    CHECK(parsed.problems[100].message ==
          "50 more problems from this row on are not shown — fix the ones above and import again");
}

TEST_CASE("catalog_csv: format writes natural barcodes, decimal money and the header") {
    CatalogItem water;
    water.sku = "A1001";
    water.barcodes = {"06901234567892", "00000096385074", "10012345678902", "00036000291452"};
    water.name_zh = "矿泉水, 550ml";
    water.name_en = "Water";
    water.unit = "瓶";
    water.cost = Money::fen(120);
    water.price = Money::fen(1250);
    water.low_stock = 24;
    water.pinyin = "ksq";
    CatalogItem apples;
    apples.sku = "P2001";
    apples.plu = "00123";
    apples.name_zh = "苹果";
    apples.price_per_kg = Money::fen(1280);
    apples.sale_unit = SaleUnit::weight;
    CHECK(format_catalog_csv({water, apples}) == header +
                                                     "A1001,6901234567892|96385074|10012345678902|0036000291452,,"
                                                     "\"矿泉水, 550ml\",Water,,瓶,,1.20,12.50,0.00,piece,24,ksq\n"
                                                     "P2001,,00123,苹果,,,,,0.00,0.00,12.80,weight,0,\n");
    CHECK(format_catalog_csv({}) == header);
}

TEST_CASE("catalog_csv: format then parse gives identical items") {
    std::string text =
        header + good_piece + good_weight +
        "U3001,036000291452|10012345678902|96385074,,\"宝洁 \"\"飘柔\"\", 洗发水\",\"P&G, "
        "\"\"Rejoice\"\"\",400ml,瓶,日化,18,29.9,0,piece,,plrx\n"
        "-neg,6901234567915,,\"=HYPERLINK(\"\"http://evil\"\")\",@cmd,+1,-1,'=x,0.01,0.02,,piece,999999999,\n";
    auto first = parse_ok(text);
    INFO(describe(first.problems));
    REQUIRE(first.problems.empty());
    REQUIRE(first.items.size() == 4);
    auto second = parse_ok(format_catalog_csv(first.items));
    INFO(describe(second.problems));
    REQUIRE(second.problems.empty());
    REQUIRE(second.items.size() == first.items.size());
    for (size_t i = 0; i < first.items.size(); ++i) {
        CAPTURE(i);
        check_same(first.items[i], second.items[i]);
    }
    CHECK(format_catalog_csv(second.items) == format_catalog_csv(first.items));
}

TEST_CASE("catalog_csv: hostile text is rejected or guarded") {
    SUBCASE("formula cells import as text and export with the guard") {
        auto parsed = parse_ok(header +
                               "X1,6901234567908,,\"=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",@SUM(1),"
                               "-2+3,+cmd|' /C calc'!A0,=1,1,2,,piece,0,\n");
        INFO(describe(parsed.problems));
        REQUIRE(parsed.problems.empty());
        REQUIRE(parsed.items.size() == 1);
        CHECK(parsed.items[0].name_zh == "=HYPERLINK(\"http://evil\",\"click\")");
        CHECK(format_catalog_csv(parsed.items) ==
              header +
                  "X1,6901234567908,,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",'@SUM(1),'-2+3,"
                  "'+cmd|' /C calc'!A0,'=1,1.00,2.00,0.00,piece,0,\n");
    }
    SUBCASE("a guarded cell from an earlier export imports without its apostrophe") {
        auto parsed = parse_ok(header + "'-X1,6901234567908,,'=1,,,,,1,2,,piece,0,\n");
        REQUIRE(parsed.problems.empty());
        CHECK(parsed.items[0].sku == "-X1");
        CHECK(parsed.items[0].name_zh == "=1");
    }
    SUBCASE("a tab-led formula is a control character once the guard is stripped") {
        check_one_problem(piece_row_with(3, "'\t=1"), 3, "name_zh",
                          "name_zh has a control character (tab, line break or other invisible character) at "
                          "character 1 — remove it");
    }
    SUBCASE("line breaks inside a quoted name are control characters") {
        check_one_problem("B1,6901234567908,,\"茶\r\n=cmd\",,,,,1,2,,piece,0,\n", 3, "name_zh",
                          "name_zh has a control character (tab, line break or other invisible character) at "
                          "character 2 — remove it");
        check_one_problem(piece_row_with(4, std::string("a\0b", 3)), 3, "name_en",
                          "name_en has a control character (tab, line break or other invisible character) at "
                          "character 2 — remove it");
    }
    SUBCASE("a 10,000-character name is refused with a short message") {
        check_one_problem(piece_row_with(3, repeat("长", 10000)), 3, "name_zh",
                          "name_zh is 10000 characters long; at most 80");
        check_one_problem(piece_row_with(2, repeat("9", 10000)), 3, "plu",
                          "plu \"" + repeat("9", 40) + "…\" must be exactly 5 digits, like 00123, or empty");
    }
}

#ifdef POS_SOURCE_DIR
#include <filesystem>
#include <fstream>
#include <sstream>

TEST_CASE("catalog_csv: the demo catalog imports cleanly and round-trips") {
    const std::filesystem::path path = std::filesystem::path(POS_SOURCE_DIR) / "assets/catalog/demo_catalog.csv";
    std::ifstream file(path, std::ios::binary);
    REQUIRE_MESSAGE(file.good(), "missing " << path.string());
    std::stringstream text;
    text << file.rdbuf();
    auto parsed = parse_ok(text.str());
    INFO(describe(parsed.problems));
    CHECK(parsed.problems.empty());
    CHECK(!parsed.items.empty());
    auto again = parse_ok(format_catalog_csv(parsed.items));
    CHECK(again.problems.empty());
    REQUIRE(again.items.size() == parsed.items.size());
    for (size_t i = 0; i < parsed.items.size(); ++i) check_same(parsed.items[i], again.items[i]);
}
#endif
