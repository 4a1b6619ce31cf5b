// What the customer display shows at each moment of a sale, and how each model shows it.
#include <doctest/doctest.h>

#include "pos/actions/devices/customer_scene.hpp"

using namespace pos::actions;
using namespace pos::core;
using pos::drivers::display::Lamp;
using pos::drivers::display::VfdCharset;
using pos::drivers::display::VfdOptions;
using Kind = CustomerScene::Kind;

namespace {

CatalogItem item(const char* name, const char* english, int64_t price_fen) {
    CatalogItem item;
    item.sku = name;
    item.name_zh = name;
    item.name_en = english;
    item.price = Money::fen(price_fen);
    return item;
}

const CashRounding no_rounding{CashRounding::Step::none, CashRounding::Mode::down};

}  // namespace

TEST_CASE("customer scene: idle, item, total, paid and change follow the sale") {
    Ticket ticket;
    CustomerMoment moment{&ticket, no_rounding, false, 0, true, std::nullopt};
    CHECK(customer_scene(moment) == CustomerScene{});  // nothing on the ticket: idle

    REQUIRE(ticket.add_item(item("矿泉水", "Water", 200), "", Quantity::units(3), Money::fen(200), std::nullopt).ok());
    REQUIRE(ticket.add_item(item("可乐", "Cola", 350), "", Quantity::units(1), Money::fen(350), std::nullopt).ok());
    moment.selected_line = 2;
    CHECK(customer_scene(moment) ==
          CustomerScene{Kind::item, "可乐", Money::fen(350), Money::fen(950), Money{}, Money{}});
    moment.selected_line = 1;
    moment.chinese = false;
    CHECK(customer_scene(moment).name == "Water");
    CHECK(customer_scene(moment).price == Money::fen(200));

    REQUIRE(ticket.void_line(1, "9001").ok());  // a voided line shows only the new total
    CHECK(customer_scene(moment) == CustomerScene{Kind::total, "", Money{}, Money::fen(350), Money{}, Money{}});

    moment.paying = true;
    CHECK(customer_scene(moment).kind == Kind::total);
    REQUIRE(ticket.add_tender(Tender{TenderMethod::card, Money::fen(100), ""}, no_rounding, true).ok());
    CHECK(customer_scene(moment) == CustomerScene{Kind::paid, "", Money{}, Money::fen(350), Money::fen(100), Money{}});

    moment.done = CustomerMoment::Done{Money::fen(350), Money::fen(500), Money::fen(150)};
    CHECK(customer_scene(moment) ==
          CustomerScene{Kind::change, "", Money{}, Money::fen(350), Money::fen(500), Money::fen(150)});
}

TEST_CASE("customer scene: the LED8 shows one amount under one lamp") {
    VfdOptions vfd;
    DisplayLabels labels;
    struct Case {
        CustomerScene scene;
        Lamp lamp;
        int64_t fen;
    };
    for (const Case& c : {
             Case{{}, Lamp::off, 0},
             Case{{Kind::item, "可乐", Money::fen(350), Money::fen(950), {}, {}}, Lamp::price, 350},
             Case{{Kind::total, "", {}, Money::fen(950), {}, {}}, Lamp::total, 950},
             Case{{Kind::paid, "", {}, Money::fen(950), Money::fen(500), {}}, Lamp::paid, 500},
             Case{{Kind::change, "", {}, Money::fen(950), Money::fen(1000), Money::fen(50)}, Lamp::change, 50},
         }) {
        auto content = display_content(c.scene, vfd, labels, "欢迎光临");
        CHECK(content.lamp == c.lamp);
        CHECK(content.fen == c.fen);
    }
}

TEST_CASE("customer scene: the VFD's two lines, amounts flush right in 20 columns") {
    VfdOptions vfd;  // GB2312, 20 columns
    DisplayLabels labels;
    auto item = display_content({Kind::item, "农夫山泉550ml", Money::fen(200), Money::fen(1250), {}, {}}, vfd, labels,
                                "欢迎光临");
    CHECK(item.line1 == "农夫山泉550ml   2.00");  // 8 + 5 columns, three spaces, 4
    CHECK(item.line2 == "合计           12.50");
    auto change = display_content({Kind::change, "", {}, Money::fen(1250), Money::fen(5000), Money::fen(3750)}, vfd,
                                  labels, "欢迎光临");
    CHECK(change.line1 == "收款           50.00");
    CHECK(change.line2 == "找零           37.50");
    auto idle = display_content({}, vfd, labels, "欢迎光临");
    CHECK(idle.line1 == "欢迎光临");
    CHECK(idle.line2.empty());
    // A long name is cut, never through a character, so the price always shows.
    auto longer =
        display_content({Kind::item, "特级精选东北五常稻花香大米", Money::fen(12990), {}, {}, {}}, vfd, labels, "");
    CHECK(longer.line1 == "特级精选东北  129.90");
    CHECK(display_columns(longer.line1, VfdCharset::gb2312) == 20);
}

TEST_CASE("customer scene: columns count two for a Chinese character, one on an ASCII display") {
    CHECK(display_columns("合计 12.50", VfdCharset::gb2312) == 10);
    CHECK(display_columns("合计 12.50", VfdCharset::ascii) == 8);
    CHECK(display_line("Total", "12.50", 20, VfdCharset::ascii) == "Total          12.50");
    CHECK(display_line("Change", "", 20, VfdCharset::ascii) == "Change");
}
