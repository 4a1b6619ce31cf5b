// Split tender on the tender screen, headless, against a real lane: an amount typed before F5
// puts that part on the member's account, the rest is shown as still to pay, and cash finishes.
#include <doctest/doctest.h>

#include "db/shared/members.hpp"
#include "pos/actions/members/members.hpp"
#include "pos/ui/screens.hpp"
#include "pos/ui/views.hpp"
#include "tests/support/demo_lane.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
using pos::core::Money;
using pos::core::TenderMethod;
using pos::testing::DemoLane;
using pos::testing::Headless;
using pos::testing::only;

namespace {

// What the checkout does with a Tender intent, for these tests.
pos::core::Result<pos::actions::TenderOutcome> take(DemoLane& s, const ui::intent::Tender& intent) {
    pos::actions::TenderRequest request;
    request.method = intent.method;
    request.partial = intent.partial;
    if (!intent.amount_text.empty()) request.amount = *Money::parse(intent.amount_text);
    return s.lane->tender(request, s.now);
}

}  // namespace

TEST_CASE("split tender: 50 typed then F5 goes on account, 4.00 is left to pay, cash finishes") {
    DemoLane s;
    REQUIRE(pos::actions::add_member(s.dir.path(), s.files, {"88000001", "", "王芳", Money::yuan(50)}, s.now).ok());
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    s.ok(R"({"op":"scan","code":"6921168861569","qty":"6"})");  // 54.00
    REQUIRE(s.lane->apply_member("88000001", s.now).ok());

    Headless ui_test;
    ui::TenderForm form;
    ui::TenderView view = ui::make_tender_view(*s.lane);
    CHECK(view.due_cash == Money::yuan(54));
    CHECK(view.member == "王芳 88000001");
    CHECK(view.member_available == Money::yuan(50));
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_tender(form, view, ui_test.input, intents, ui);
    };

    auto part = only<ui::intent::Tender>(ui_test.type("50{F5}", draw));
    CHECK(part.method == TenderMethod::account);
    CHECK(part.amount_text == "50");
    CHECK(part.partial);
    CHECK(form.amount.empty());  // ready for the next part
    REQUIRE(take(s, part).ok());

    view = ui::make_tender_view(*s.lane);
    CHECK(view.due_cash == Money::yuan(4));  // shown big as still to pay
    REQUIRE(view.taken.size() == 1);
    CHECK(view.taken[0].first == TenderMethod::account);
    CHECK(view.taken[0].second == Money::yuan(50));
    CHECK(view.member_available == Money{});

    auto rest = only<ui::intent::Tender>(ui_test.type("5{Enter}", draw));
    CHECK(rest.method == TenderMethod::cash);
    CHECK_FALSE(rest.partial);
    auto done = take(s, rest);
    REQUIRE(done.ok());
    CHECK(done->sale_id.has_value());
    CHECK(done->payment.change == Money::yuan(1));
    CHECK(done->member_balance == Money::yuan(50));
}

TEST_CASE("split tender: F3 with no amount pays all by card, with an amount only that part") {
    Headless ui_test;
    ui::TenderForm form;
    ui::TenderView view;
    view.due_cash = view.due_exact = Money::yuan(30);
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_tender(form, view, ui_test.input, intents, ui);
    };
    auto all = only<ui::intent::Tender>(ui_test.type("{F3}", draw));
    CHECK(all.method == TenderMethod::card);
    CHECK(all.amount_text.empty());
    CHECK_FALSE(all.partial);
    auto part = only<ui::intent::Tender>(ui_test.type("12.5{F4}", draw));
    CHECK(part.method == TenderMethod::mobile);
    CHECK(part.amount_text == "12.5");
    CHECK(part.partial);
}

TEST_CASE("split tender: F2 on the sale screen looks up the member typed, or asks for the card") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };
    // Nothing typed on an empty ticket: 会员还款; with a sale under way: asks for the card.
    (void)only<ui::intent::OpenRepayment>(ui_test.type("{F2}", draw));
    view.has_live_lines = true;
    CHECK(ui_test.type("{F2}", draw).empty());
    CHECK(form.notice.tone == ui::Tone::info);
    CHECK(only<ui::intent::ApplyMember>(ui_test.type("13800138000{F2}", draw)).card_or_phone == "13800138000");
}
