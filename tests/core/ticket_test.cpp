// Ticket: adding, merging repeat scans, quantities, voids, tenders, 抹零 and change.
#include <doctest/doctest.h>

#include "pos/core/ticket.hpp"

using namespace pos::core;

namespace {

CatalogItem piece(const char* sku, int64_t price_fen) {
    CatalogItem item;
    item.sku = sku;
    item.name_zh = std::string("商品") + sku;
    item.price = Money::fen(price_fen);
    return item;
}

CatalogItem weighed(const char* sku, int64_t per_kg_fen) {
    CatalogItem item = piece(sku, 0);
    item.sale_unit = SaleUnit::weight;
    item.price_per_kg = Money::fen(per_kg_fen);
    return item;
}

int add(Ticket& ticket, const CatalogItem& item, Quantity quantity = Quantity::units(1)) {
    Money price = item.sale_unit == SaleUnit::weight ? item.price_per_kg : item.price;
    auto line = ticket.add_item(item, "", quantity, price, std::nullopt);
    REQUIRE(line.ok());
    return *line;
}

const CashRounding to_jiao_down{CashRounding::Step::jiao, CashRounding::Mode::down};
const CashRounding no_rounding{CashRounding::Step::none, CashRounding::Mode::down};

}  // namespace

TEST_CASE("ticket: repeat scans of a counted item add to its line") {
    Ticket ticket;
    CHECK(add(ticket, piece("A", 200)) == 1);
    CHECK(add(ticket, piece("B", 350)) == 2);
    CHECK(add(ticket, piece("A", 200)) == 1);
    REQUIRE(ticket.lines().size() == 2);
    CHECK(ticket.lines()[0].quantity == Quantity::units(2));
    CHECK(ticket.payment(no_rounding).subtotal == Money::fen(750));
    CHECK(ticket.item_count() == Quantity::units(3));
}

TEST_CASE("ticket: weighed items and labels get lines of their own") {
    Ticket ticket;
    CHECK(add(ticket, weighed("W", 1280), Quantity::grams(350)) == 1);
    CHECK(add(ticket, weighed("W", 1280), Quantity::grams(200)) == 2);
    auto label = ticket.add_item(piece("L", 0), "", Quantity::units(1), Money::fen(1550), Money::fen(1550));
    REQUIRE(label.ok());
    CHECK(*label == 3);
    CHECK(ticket.lines()[0].amount() == Money::fen(448));
    CHECK(ticket.lines()[1].amount() == Money::fen(256));
    CHECK(ticket.lines()[2].amount() == Money::fen(1550));
    CHECK(ticket.item_count() == Quantity::units(3));  // each weighed line counts once
}

TEST_CASE("ticket: set quantity and void keep line numbers") {
    Ticket ticket;
    add(ticket, piece("A", 200));
    add(ticket, piece("B", 999));
    REQUIRE(ticket.set_quantity(1, Quantity::units(3)).ok());
    REQUIRE(ticket.void_line(2, "9001").ok());
    CHECK(ticket.lines()[1].voided);
    CHECK(ticket.lines()[1].voided_by == "9001");
    CHECK(ticket.payment(no_rounding).subtotal == Money::fen(600));

    CHECK(ticket.void_line(2, "9001").error().code == ErrorCode::bad_line);
    CHECK(ticket.set_quantity(9, Quantity::units(1)).error().message == "there is no line 9 on this ticket");
    CHECK(ticket.set_quantity(1, Quantity::milli(1500)).error().code == ErrorCode::bad_amount);
    CHECK(add(ticket, piece("C", 100)) == 3);
}

TEST_CASE("ticket: cash with 抹零 and change") {
    Ticket ticket;
    add(ticket, piece("A", 1048));
    CHECK(ticket.amount_due_for(TenderMethod::cash, to_jiao_down) == Money::fen(1040));
    CHECK(ticket.amount_due_for(TenderMethod::card, to_jiao_down) == Money::fen(1048));

    auto short_cash = ticket.add_tender({TenderMethod::cash, Money::fen(1000), ""}, to_jiao_down, false);
    REQUIRE_FALSE(short_cash.ok());
    CHECK(short_cash.error().code == ErrorCode::tender_short);
    CHECK(ticket.tenders().empty());

    REQUIRE(ticket.add_tender({TenderMethod::cash, Money::yuan(50), ""}, to_jiao_down, false).ok());
    PaymentState paid = ticket.payment(to_jiao_down);
    CHECK(paid.rounding == Money::fen(-8));
    CHECK(paid.total == Money::fen(1040));
    CHECK(paid.change == Money::fen(3960));
    CHECK(paid.complete);
    CHECK(ticket.add_tender({TenderMethod::cash, Money::yuan(1), ""}, to_jiao_down, false).error().code ==
          ErrorCode::sale_complete);
}

TEST_CASE("ticket: card pays the exact amount, never more, never rounded") {
    Ticket ticket;
    add(ticket, piece("A", 1048));
    auto over = ticket.add_tender({TenderMethod::card, Money::fen(1100), ""}, to_jiao_down, false);
    CHECK(over.error().code == ErrorCode::tender_over);
    REQUIRE(ticket.add_tender({TenderMethod::card, Money::fen(1048), "T1"}, to_jiao_down, false).ok());
    PaymentState paid = ticket.payment(to_jiao_down);
    CHECK(paid.rounding == Money{});
    CHECK(paid.total == Money::fen(1048));
    CHECK(paid.change == Money{});
    CHECK(paid.complete);
}

TEST_CASE("ticket: split tender, card then cash for the rest") {
    Ticket ticket;
    add(ticket, piece("A", 8048));
    CHECK(ticket.add_tender({TenderMethod::card, Money::yuan(50), ""}, to_jiao_down, false).error().code ==
          ErrorCode::tender_short);
    REQUIRE(ticket.add_tender({TenderMethod::card, Money::yuan(50), ""}, to_jiao_down, true).ok());
    CHECK_FALSE(ticket.payment(to_jiao_down).complete);
    CHECK(ticket.amount_due_for(TenderMethod::cash, to_jiao_down) == Money::fen(3040));
    CHECK(ticket.add_item(piece("B", 1), "", Quantity::units(1), Money::fen(1), std::nullopt).error().code ==
          ErrorCode::payment_started);
    REQUIRE(ticket.add_tender({TenderMethod::cash, Money::fen(3040), ""}, to_jiao_down, false).ok());
    PaymentState paid = ticket.payment(to_jiao_down);
    CHECK(paid.complete);
    CHECK(paid.total == Money::fen(8040));
    CHECK(paid.rounding == Money::fen(-8));
    CHECK(paid.change == Money{});
}

TEST_CASE("ticket: cash is the last tender, never part of a split") {
    Ticket ticket;
    add(ticket, piece("A", 1008));
    auto partial_cash = ticket.add_tender({TenderMethod::cash, Money::yuan(5), ""}, to_jiao_down, true);
    CHECK(partial_cash.error().code == ErrorCode::bad_input);
    CHECK(ticket.tenders().empty());
    CHECK_FALSE(ticket.payment(to_jiao_down).complete);  // no tender, not complete
}

TEST_CASE("ticket: repeat scans cannot pass the per-line maximum") {
    Ticket ticket;
    CatalogItem a = piece("A", 1);
    REQUIRE(ticket.add_item(a, "", Quantity::max_per_line(), a.price, std::nullopt).ok());
    auto more = ticket.add_item(a, "", Quantity::units(1), a.price, std::nullopt);
    CHECK(more.error().code == ErrorCode::bad_amount);
    CHECK(ticket.lines()[0].quantity == Quantity::max_per_line());
}

TEST_CASE("ticket: an empty ticket takes no tender") {
    Ticket ticket;
    auto tender = ticket.add_tender({TenderMethod::cash, Money::yuan(10), ""}, to_jiao_down, false);
    CHECK(tender.error().code == ErrorCode::no_ticket);
    add(ticket, piece("A", 100));
    REQUIRE(ticket.void_line(1, "9001").ok());
    CHECK(ticket.add_tender({TenderMethod::cash, Money::yuan(10), ""}, to_jiao_down, false).error().code ==
          ErrorCode::no_ticket);
    CHECK(ticket.add_tender({TenderMethod::cash, Money{}, ""}, to_jiao_down, false).error().code ==
          ErrorCode::no_ticket);
}

TEST_CASE("ticket: tender method names") {
    CHECK(tender_method_name(TenderMethod::mobile) == "mobile");
    CHECK(parse_tender_method("card") == TenderMethod::card);
    CHECK_FALSE(parse_tender_method("bitcoin").has_value());
}
