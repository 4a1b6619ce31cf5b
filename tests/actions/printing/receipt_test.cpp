// Receipt layout, checked on what the printer would print: the bytes are run back through
// the ESC/POS interpreter and compared with golden .escpos/.txt files.
#include <doctest/doctest.h>

#include <fstream>

#include <fmt/format.h>

#include "drivers/printer/interpreter.hpp"
#include "drivers/printer/logo.hpp"
#include "drivers/printer/text.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos;
using pos::testing::as_string;
using pos::testing::golden;

namespace {

db::SaleLineRecord item(int64_t no, const char* zh, const char* en, int64_t qty_milli, int64_t price, int64_t amount,
                        const char* unit = "piece") {
    db::SaleLineRecord line;
    line.line_no = no;
    line.name_zh = zh;
    line.name_en = en;
    line.sale_unit = unit;
    line.quantity_milli = qty_milli;
    line.unit_price_fen = price;
    line.amount_fen = amount;
    return line;
}

// A cash sale: three items, one voided line, 抹零 of -0.08.
db::SaleRecord cash_sale() {
    db::SaleRecord sale;
    sale.id = "6f1c3d52-0000-4000-8000-000000000001";
    sale.receipt_no = 12;
    sale.lane = 1;
    sale.operator_id = "1001";
    sale.completed_at = "2026-11-23T09:16:42+08:00";
    sale.lines = {item(1, "农夫山泉饮用天然水 550ml", "Nongfu Spring water 550ml", 1000, 200, 200),
                  item(2, "可口可乐 330ml", "Coca-Cola 330ml", 2000, 300, 600),
                  item(3, "乐事薯片 原味 104g", "Lay's chips 104g", 1000, 850, 850),
                  item(4, "红富士苹果 散装", "Fuji apples", 350, 1280, 448, "weight")};
    sale.lines[2].voided = true;
    sale.lines[2].voided_by = "9001";
    db::SaleLineRecord rounding = item(5, "抹零", "Cash rounding", 1000, -8, -8);
    rounding.kind = "rounding";
    sale.lines.push_back(rounding);
    sale.total_fen = 200 + 600 + 448 - 8;
    sale.rounding_fen = -8;
    sale.paid_fen = 5000;
    sale.change_fen = 5000 - sale.total_fen;
    sale.item_count_milli = 4000;
    sale.tenders = {{1, "cash", 5000, ""}};
    return sale;
}

db::SaleRecord card_sale() {
    db::SaleRecord sale = cash_sale();
    sale.receipt_no = 13;
    sale.lines.pop_back();
    sale.total_fen = 1248;
    sale.rounding_fen = 0;
    sale.paid_fen = 1248;
    sale.change_fen = 0;
    sale.tenders = {{1, "card", 1248, "POS 889120"}};
    return sale;
}

actions::LaneConfig demo_config() {
    actions::LaneConfig config;
    config.store_name = "好邻居超市";
    config.store_address = "上海市浦东新区世纪大道100号";
    config.store_tax_id = "91310115MA1K4XXXXX";
    return config;
}

actions::ReceiptOptions options(int paper_mm, const char* language = "zh_CN") {
    actions::ReceiptOptions out;
    out.profile = drivers::printer::generic_profile(paper_mm);
    out.language = language;
    out.cashier_name = "张伟";
    return out;
}

std::string printed(const std::vector<uint8_t>& bytes, int columns) {
    auto document = drivers::printer::interpret(bytes);
    REQUIRE_MESSAGE(document, (document ? std::string() : document.error().message));
    return drivers::printer::to_text(*document, columns);
}

void check_golden(const std::string& name, const std::vector<uint8_t>& bytes, int columns) {
    std::string raw = as_string(bytes);
    CHECK(raw == golden("actions/printing/golden/" + name + ".escpos", raw));
    std::string text = printed(bytes, columns);
    CHECK(text == golden("actions/printing/golden/" + name + ".txt", text));
}

}  // namespace

TEST_CASE("receipt: zh_CN cash sale on 58 and 80 mm matches the golden files") {
    check_golden("cash-58-zh", actions::receipt_bytes(cash_sale(), demo_config(), options(58)), 32);
    check_golden("cash-80-zh", actions::receipt_bytes(cash_sale(), demo_config(), options(80)), 48);
}

TEST_CASE("receipt: en card sale matches the golden files") {
    check_golden("card-58-en", actions::receipt_bytes(card_sale(), demo_config(), options(58, "en")), 32);
}

TEST_CASE("receipt: what the customer's receipt shows") {
    std::string text = printed(actions::receipt_bytes(cash_sale(), demo_config(), options(58)), 32);
    CHECK(text.find("单号：0100000012") != std::string::npos);
    CHECK(text.find("机号：01") != std::string::npos);
    CHECK(text.find("收银员：1001 张伟") != std::string::npos);
    CHECK(text.find("时间：2026-11-23 09:16:42") != std::string::npos);
    CHECK(text.find("[QR 0100000012]\n           0100000012\n") != std::string::npos);
    CHECK(text.find("税号：91310115MA1K4XXXXX") != std::string::npos);
    // The voided line is in the journal, not on the customer's receipt.
    CHECK(text.find("乐事薯片") == std::string::npos);
    CHECK(text.find("0.350kg×12.80") != std::string::npos);
    CHECK(text.find("抹零                       -0.08") != std::string::npos);
    CHECK(text.find("应收                       12.40") != std::string::npos);
    CHECK(text.find("找零                       37.60") != std::string::npos);
    CHECK(text.find("谢谢惠顾") != std::string::npos);
    CHECK(text.find("凭小票退换") != std::string::npos);
    CHECK(text.find("重打小票") == std::string::npos);
    // No 抹零 line when nothing was rounded.
    CHECK(printed(actions::receipt_bytes(card_sale(), demo_config(), options(58)), 32).find("抹零") ==
          std::string::npos);
}

TEST_CASE("receipt: every printed line fits the paper") {
    for (int paper : {58, 80}) {
        for (const char* language : {"zh_CN", "en"}) {
            auto config = demo_config();
            config.store_name = "好邻居超市连锁有限公司浦东世纪大道旗舰店";
            db::SaleRecord sale = cash_sale();
            sale.lines[0].name_zh = "特别长的商品名称用来测试自动换行是否正确处理双宽字符";
            sale.lines[1].amount_fen = 9'999'999;  // 99999.99
            auto document = drivers::printer::interpret(actions::receipt_bytes(sale, config, options(paper, language)));
            REQUIRE(document);
            int columns = paper == 58 ? 32 : 48;
            for (const auto& element : document->elements) {
                const auto* line = std::get_if<drivers::printer::TextLine>(&element);
                if (line == nullptr) continue;
                int width = 0;
                for (const auto& run : line->runs) width += drivers::printer::print_columns(run.text) * run.width_times;
                CAPTURE(paper);
                CAPTURE(language);
                CHECK(width <= columns);
            }
        }
    }
}

TEST_CASE("receipt: the drawer opens for cash tenders only, never on a reprint") {
    auto kicks = [](const db::SaleRecord& sale, const actions::ReceiptOptions& opts) {
        auto document = drivers::printer::interpret(actions::receipt_bytes(sale, demo_config(), opts));
        REQUIRE(document);
        return document->drawer_kicks;
    };
    CHECK(kicks(cash_sale(), options(58)) == 1);
    CHECK(kicks(card_sale(), options(58)) == 0);
    db::SaleRecord split = card_sale();
    split.tenders = {{1, "card", 1000, ""}, {2, "cash", 500, ""}};
    CHECK(kicks(split, options(58)) == 1);
    auto reprint = options(58);
    reprint.reprinted_at = "2026-11-23T10:00:00+08:00";
    CHECK(kicks(cash_sale(), reprint) == 0);
    std::string text = printed(actions::receipt_bytes(cash_sale(), demo_config(), reprint), 32);
    CHECK(text.find("** 重打小票 **") != std::string::npos);
    CHECK(text.find("重打时间：2026-11-23 10:00:00") != std::string::npos);
    // A printer without a drawer never gets the kick.
    auto no_drawer = options(58);
    no_drawer.profile.drawer = false;
    CHECK(kicks(cash_sale(), no_drawer) == 0);
}

TEST_CASE("receipt: the receipt number is a QR code, CODE128 on printers without QR or when pos.toml asks") {
    auto symbols = [](const actions::LaneConfig& config, const actions::ReceiptOptions& opts) {
        auto document = drivers::printer::interpret(actions::receipt_bytes(cash_sale(), config, opts));
        REQUIRE(document);
        std::string found;
        for (const auto& element : document->elements) {
            if (const auto* qr = std::get_if<drivers::printer::QrCode>(&element)) {
                found += fmt::format("QR {} {} {};", qr->data, qr->module_dots, static_cast<int>(qr->ecc));
            }
            if (const auto* code = std::get_if<drivers::printer::Barcode>(&element))
                found += "CODE128 " + code->data + ";";
        }
        return found;
    };
    CHECK(symbols(demo_config(), options(58)) == "QR 0100000012 6 49;");
    CHECK(symbols(demo_config(), options(80)) == "QR 0100000012 7 49;");
    auto no_qr = options(58);
    no_qr.profile.qr = false;  // "qr": false in the printer's profile
    CHECK(symbols(demo_config(), no_qr) == "CODE128 0100000012;");
    auto config = demo_config();
    config.receipt_code = "code128";
    CHECK(symbols(config, options(58)) == "CODE128 0100000012;");
}

TEST_CASE("receipt: the store logo prints centred above the store name, within the paper") {
    auto with_logo = options(58);
    drivers::printer::GreyImage image{500, 100, std::vector<uint8_t>(500 * 100, 0)};
    with_logo.logo = drivers::printer::to_raster(image, with_logo.profile.dots, drivers::printer::Halftone::threshold);
    auto document = drivers::printer::interpret(actions::receipt_bytes(cash_sale(), demo_config(), with_logo));
    REQUIRE(document);
    size_t logo_at = document->elements.size(), name_at = document->elements.size();
    for (size_t i = 0; i < document->elements.size(); ++i) {
        if (const auto* raster = std::get_if<drivers::printer::RasterImage>(&document->elements[i])) {
            logo_at = i;
            CHECK(raster->image.width_bytes * 8 == 384);
            CHECK(raster->image.height == 76);
            CHECK(raster->align == drivers::printer::Align::center);
        }
        const auto* line = std::get_if<drivers::printer::TextLine>(&document->elements[i]);
        if (line && !line->runs.empty() && line->runs[0].text == "好邻居超市" && name_at == document->elements.size())
            name_at = i;
    }
    REQUIRE(logo_at < document->elements.size());
    CHECK(logo_at + 1 == name_at);
    // Without a logo nothing is printed for it.
    auto plain = drivers::printer::interpret(actions::receipt_bytes(cash_sale(), demo_config(), options(58)));
    REQUIRE(plain);
    for (const auto& element : plain->elements)
        CHECK_FALSE(std::holds_alternative<drivers::printer::RasterImage>(element));
}

TEST_CASE("receipt: configured_logo reads the file relative to the data directory, or names the bad one") {
    pos::testing::TempDir dir;
    std::ofstream(dir.file("logo.pbm")) << "P1\n8 2\n1 1 1 1 0 0 0 0\n0 0 0 0 1 1 1 1\n";
    auto config = demo_config();
    auto none = actions::configured_logo(config, dir.path(), drivers::printer::generic_profile(58));
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    config.receipt_logo = "logo.pbm";
    auto logo = actions::configured_logo(config, dir.path(), drivers::printer::generic_profile(58));
    REQUIRE(logo.ok());
    REQUIRE(logo->has_value());
    CHECK((*logo)->bits == std::vector<uint8_t>{0xF0, 0x0F});
    config.receipt_logo = "missing.png";
    auto missing = actions::configured_logo(config, dir.path(), drivers::printer::generic_profile(58));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message ==
          "receipt.logo: cannot open the logo " + dir.file("missing.png") + ": check [receipt] logo in pos.toml");
}
