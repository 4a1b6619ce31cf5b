// The customer's window's content from the checkout's moment (customer_view.hpp).
#include "pos/ui/customer_view.hpp"

namespace pos::ui {

CustomerView make_customer_view(const CustomerMomentView& moment) {
    using Scene = actions::CustomerScene::Kind;
    CustomerView view;
    view.store = moment.store;
    view.welcome = moment.welcome;
    const actions::CustomerScene& scene = moment.scene;
    if (scene.kind == Scene::change) {
        view.kind = CustomerView::Kind::change;
        view.total = money_text(scene.total);
        view.paid = money_text(scene.paid);
        view.change = money_text(scene.change);
        return view;
    }
    if (scene.kind == Scene::idle) return view;
    for (const LineView& line : moment.lines) {
        if (!line.voided) view.lines.push_back(line);
    }
    view.highlighted = moment.selected_line;
    view.total = money_text(scene.total);
    if (scene.paid.in_fen() > 0) view.paid = money_text(scene.paid);
    if (moment.code_waiting) {
        view.kind = CustomerView::Kind::waiting_code;
    } else if (moment.code_entry) {
        view.kind = CustomerView::Kind::show_code;
    } else if (scene.kind == Scene::item || (scene.kind == Scene::total && !moment.paying)) {
        view.kind = CustomerView::Kind::sale;
    } else {
        view.kind = CustomerView::Kind::paying;
    }
    return view;
}

const char* customer_kind_name(CustomerView::Kind kind) {
    switch (kind) {
        case CustomerView::Kind::welcome: return "welcome";
        case CustomerView::Kind::sale: return "sale";
        case CustomerView::Kind::paying: return "paying";
        case CustomerView::Kind::show_code: return "show_code";
        case CustomerView::Kind::waiting_code: return "waiting_code";
        case CustomerView::Kind::change: return "change";
    }
    return "welcome";
}

}  // namespace pos::ui
