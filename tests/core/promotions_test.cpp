// Promotions: each kind with hand-computed totals, the customer's best when two apply, live
// re-pricing after voids and quantity changes, and the checks on a promotion's fields.
#include <doctest/doctest.h>

#include "pos/core/promotions.hpp"
#include "pos/core/ticket.hpp"

using namespace pos::core;

namespace {

const CashRounding no_rounding{CashRounding::Step::none, CashRounding::Mode::down};
constexpr const char* today = "2026-11-23";

CatalogItem piece(const char* sku, int64_t price_fen, const char* department = "食品") {
    CatalogItem item;
    item.sku = sku;
    item.name_zh = std::string("商品") + sku;
    item.price = Money::fen(price_fen);
    item.department = department;
    return item;
}

int add(Ticket& ticket, const CatalogItem& item, int64_t units = 1) {
    auto line = ticket.add_item(item, "", Quantity::units(units), item.price, std::nullopt);
    REQUIRE(line.ok());
    return *line;
}

Promotion promo(const char* id, PromotionKind kind, std::vector<std::string> skus, int64_t price_fen, int buy = 0,
                int free = 0) {
    Promotion p;
    p.id = id;
    p.name = std::string("促销") + id;
    p.kind = kind;
    p.starts = "2026-11-20";
    p.ends = "2026-11-30";
    p.skus = std::move(skus);
    p.price = Money::fen(price_fen);
    p.buy = buy;
    p.free = free;
    return p;
}

Money subtotal(const Ticket& ticket) { return ticket.payment(no_rounding).subtotal; }
Money savings(const Ticket& ticket) { return ticket.payment(no_rounding).savings; }

}  // namespace

TEST_CASE("promotions: a dated promotional price applies within its dates only") {
    std::vector<Promotion> promotions{promo("P1", PromotionKind::price, {"A"}, 250)};
    Ticket ticket;
    add(ticket, piece("A", 300), 2);  // 2 x 3.00 = 6.00, at 2.50: 5.00
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(500));
    CHECK(savings(ticket) == Money::fen(100));
    CHECK(ticket.lines()[0].promotion == "促销P1");
    ticket.apply_promotions(promotions, "2026-12-01", false);  // the day after it ends
    CHECK(subtotal(ticket) == Money::fen(600));
    CHECK(ticket.lines()[0].promotion.empty());
}

TEST_CASE("promotions: buy 2 get 1 free charges two of every three") {
    std::vector<Promotion> promotions{promo("B", PromotionKind::multi_buy, {"A"}, 0, 2, 1)};
    Ticket ticket;
    add(ticket, piece("A", 450), 7);  // 7 x 4.50 = 31.50; two bundles of three: two free = 9.00 off
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(2250));
    CHECK(ticket.lines()[0].discount == Money::fen(900));
}

TEST_CASE("promotions: 3 for 10 yuan prices each full three and leaves the rest") {
    std::vector<Promotion> promotions{promo("T", PromotionKind::multi_buy, {"A"}, 1000, 3)};
    Ticket ticket;
    add(ticket, piece("A", 380), 4);  // 3 x 3.80 = 11.40 -> 10.00, plus one at 3.80 = 13.80
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(1380));
    CHECK(savings(ticket) == Money::fen(140));
}

TEST_CASE("promotions: mix and match bundles any three of the group, dearest first") {
    std::vector<Promotion> promotions{promo("M", PromotionKind::mix_match, {"A", "B", "C"}, 1000, 3)};
    Ticket ticket;
    add(ticket, piece("A", 500));     // 5.00
    add(ticket, piece("B", 400), 2);  // 2 x 4.00
    add(ticket, piece("C", 300));     // 3.00: left out of the bundle (dearest three go in)
    add(ticket, piece("X", 999));     // not in the group
    ticket.apply_promotions(promotions, today, false);
    // bundle: 5.00 + 4.00 + 4.00 = 13.00 -> 10.00, saving 3.00 shared by price 5:4:4 -> 1.15 on A, 0.92 + 0.93 on B
    CHECK(savings(ticket) == Money::fen(300));
    CHECK(ticket.lines()[0].discount == Money::fen(115));
    CHECK(ticket.lines()[1].discount == Money::fen(185));
    CHECK(ticket.lines()[2].discount == Money{});
    CHECK(subtotal(ticket) == Money::fen(500 + 800 + 300 + 999 - 300));
}

TEST_CASE("promotions: member price applies only with a member on the ticket") {
    std::vector<Promotion> promotions{promo("V", PromotionKind::member_price, {"A"}, 880)};
    Ticket ticket;
    add(ticket, piece("A", 990), 3);  // 29.70; member 3 x 8.80 = 26.40
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(2970));
    ticket.apply_promotions(promotions, today, true);
    CHECK(subtotal(ticket) == Money::fen(2640));
    CHECK(savings(ticket) == Money::fen(330));
}

TEST_CASE("promotions: percent off a department rounds each line half up") {
    Promotion p = promo("D", PromotionKind::department_percent, {}, 0);
    p.department = "日化";
    Ticket ticket;
    add(ticket, piece("S", 1590, "日化"));  // 15% of 15.90 = 2.385 -> 2.39
    add(ticket, piece("F", 500, "食品"));
    p.percent = 15;
    ticket.apply_promotions({p}, today, false);
    CHECK(ticket.lines()[0].discount == Money::fen(239));
    CHECK(ticket.lines()[1].discount == Money{});
    CHECK(subtotal(ticket) == Money::fen(1590 - 239 + 500));
}

TEST_CASE("promotions: when two apply the customer gets the better one") {
    // A at 3.00 x 3 = 9.00. Price 2.80 saves 0.60; 3 for 7.50 saves 1.50: the bundle wins.
    std::vector<Promotion> promotions{promo("P1", PromotionKind::price, {"A"}, 280),
                                      promo("P2", PromotionKind::multi_buy, {"A"}, 750, 3)};
    Ticket ticket;
    add(ticket, piece("A", 300), 3);
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(750));
    CHECK(ticket.lines()[0].promotion == "促销P2");
    // With only two, the bundle does not apply and the price does: 2 x 2.80.
    REQUIRE(ticket.set_quantity(1, Quantity::units(2)).ok());
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(560));
    CHECK(ticket.lines()[0].promotion == "促销P1");
}

TEST_CASE("promotions: a tie goes to the promotion with the lower id") {
    std::vector<Promotion> promotions{promo("Z9", PromotionKind::price, {"A"}, 250),
                                      promo("A1", PromotionKind::price, {"A"}, 250)};
    Ticket ticket;
    add(ticket, piece("A", 300));
    ticket.apply_promotions(promotions, today, false);
    CHECK(ticket.lines()[0].promotion == "促销A1");
}

TEST_CASE("promotions: voiding a line re-prices the bundle live") {
    std::vector<Promotion> promotions{promo("M", PromotionKind::mix_match, {"A", "B"}, 1000, 3)};
    Ticket ticket;
    add(ticket, piece("A", 400), 2);
    int b = add(ticket, piece("B", 400));
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(1000));
    REQUIRE(ticket.void_line(b, "9001").ok());
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(800));  // two left: no bundle
    CHECK(savings(ticket) == Money{});
    CHECK(ticket.lines()[0].discount == Money{});
}

TEST_CASE("promotions: an overridden price takes no promotion") {
    std::vector<Promotion> promotions{promo("P1", PromotionKind::price, {"A"}, 250)};
    Ticket ticket;
    add(ticket, piece("A", 300));
    REQUIRE(ticket.override_price(1, Money::fen(280), "9001").ok());
    ticket.apply_promotions(promotions, today, false);
    CHECK(subtotal(ticket) == Money::fen(280));
}

TEST_CASE("promotions: a promotion's fields are checked with a message") {
    Promotion p = promo("P1", PromotionKind::price, {"A"}, 0);
    CHECK(check_promotion(p).error().message == "promotion P1: the price must be above 0.00");
    p.price = Money::fen(100);
    p.ends = "2026-11-01";
    CHECK(check_promotion(p).error().message == "promotion P1: it ends (2026-11-01) before it starts (2026-11-20)");
    Promotion b = promo("B", PromotionKind::multi_buy, {"A"}, 0, 2, 1);
    CHECK(check_promotion(b).ok());
    CHECK(!parse_promotion_kind("bogo").ok());
}
