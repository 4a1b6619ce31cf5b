// What the customer's window of a dual-screen till shows at each moment (customer_view.hpp), without
// a window: the welcome text, the lines (voided ones left out) with the running total, the payment
// screen, the payment-code prompt and wait, and the change.
#include <doctest/doctest.h>

#include "pos/ui/customer_view.hpp"

using pos::core::Money;
using pos::ui::CustomerMomentView;
using pos::ui::CustomerView;
using pos::ui::LineView;
using Scene = pos::actions::CustomerScene::Kind;

namespace {

CustomerMomentView selling() {
    CustomerMomentView moment;
    moment.store = "好邻居超市";
    moment.welcome = "欢迎光临";
    moment.scene.kind = Scene::item;
    moment.scene.total = Money::fen(1100);
    moment.lines = {LineView{1, "农夫山泉", "", "1", "2.00", "2.00", false},
                    LineView{2, "可口可乐", "", "1", "3.00", "3.00", true},
                    LineView{3, "红富士苹果", "", "0.350 kg", "12.80/kg", "9.00", false}};
    moment.selected_line = 3;
    return moment;
}

}  // namespace

TEST_CASE("customer view: between sales the store and the welcome text, nothing else") {
    CustomerMomentView moment = selling();
    moment.scene = {};
    CustomerView view = make_customer_view(moment);
    CHECK(view.kind == CustomerView::Kind::welcome);
    CHECK(view.store == "好邻居超市");
    CHECK(view.welcome == "欢迎光临");
    CHECK(view.lines.empty());
    CHECK(view.total.empty());
    CHECK(std::string(customer_kind_name(view.kind)) == "welcome");
}

TEST_CASE("customer view: while scanning the live lines, the one just scanned and the running total") {
    CustomerView view = make_customer_view(selling());
    CHECK(view.kind == CustomerView::Kind::sale);
    REQUIRE(view.lines.size() == 2);  // the voided cola is not the customer's to pay
    CHECK(view.lines[0].name == "农夫山泉");
    CHECK(view.lines[1].name == "红富士苹果");
    CHECK(view.highlighted == 3);
    CHECK(view.total == "¥11.00");
    CHECK(view.paid.empty());
}

TEST_CASE("customer view: the payment screen shows the total, then what is paid so far") {
    CustomerMomentView moment = selling();
    moment.scene.kind = Scene::total;
    moment.paying = true;
    CustomerView view = make_customer_view(moment);
    CHECK(view.kind == CustomerView::Kind::paying);
    CHECK(view.total == "¥11.00");
    CHECK(view.paid.empty());

    moment.scene.kind = Scene::paid;
    moment.scene.paid = Money::fen(500);
    view = make_customer_view(moment);
    CHECK(view.kind == CustomerView::Kind::paying);
    CHECK(view.paid == "¥5.00");
}

TEST_CASE("customer view: a payment code is asked for, then confirmed on the phone") {
    CustomerMomentView moment = selling();
    moment.scene.kind = Scene::total;
    moment.paying = true;
    moment.code_entry = true;
    CHECK(make_customer_view(moment).kind == CustomerView::Kind::show_code);
    moment.code_waiting = true;
    CustomerView view = make_customer_view(moment);
    CHECK(view.kind == CustomerView::Kind::waiting_code);
    CHECK(std::string(customer_kind_name(view.kind)) == "waiting_code");
}

TEST_CASE("customer view: a finished sale shows the total, what was paid and the change, no lines") {
    CustomerMomentView moment = selling();
    moment.scene.kind = Scene::change;
    moment.scene.total = Money::fen(640);
    moment.scene.paid = Money::fen(2000);
    moment.scene.change = Money::fen(1360);
    CustomerView view = make_customer_view(moment);
    CHECK(view.kind == CustomerView::Kind::change);
    CHECK(view.total == "¥6.40");
    CHECK(view.paid == "¥20.00");
    CHECK(view.change == "¥13.60");
    CHECK(view.lines.empty());
}
