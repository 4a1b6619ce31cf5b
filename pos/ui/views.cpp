// Snapshots of the Lane for drawing, display formats, and lane errors as notices.
#include "pos/ui/views.hpp"

#include <fmt/format.h>

namespace pos::ui {

using core::Money;

namespace {

// "2026-11-23T09:15:30+08:00" → date "2026-11-23", time "09:15:30" (empty when malformed).
std::string iso_date(const std::string& iso) { return iso.size() >= 10 ? iso.substr(0, 10) : std::string(); }
std::string iso_time(const std::string& iso) { return iso.size() >= 19 ? iso.substr(11, 8) : std::string(); }

std::string kilograms(core::Quantity grams) {
    int64_t g = grams.in_milli();
    return fmt::format("{}.{:03} kg", g / 1000, g % 1000);
}

}  // namespace

std::string money_text(Money amount) {
    if (amount.is_negative()) return "-¥" + (-amount).to_string();
    return "¥" + amount.to_string();
}

std::vector<Money> quick_cash_amounts(Money due) {
    std::vector<Money> notes;
    for (Money note : {Money::yuan(50), Money::yuan(100)}) {
        if (note >= due) notes.push_back(note);
    }
    if (due > Money::yuan(100)) {
        int64_t hundreds = (due.in_fen() + 9999) / 10000;
        notes.push_back(Money::yuan(hundreds * 100));
        notes.push_back(Money::yuan((hundreds + 1) * 100));
    }
    return notes;
}

StatusView make_status_view(const actions::Lane& lane, const std::string& now_iso) {
    StatusView view;
    view.store = lane.config().store_name;
    view.lane = lane.config().lane;
    if (const auto& user = lane.operator_user()) {
        view.operator_id = user->operator_id;
        view.operator_name = user->name;
        view.operator_role = std::string(core::role_name(user->role));
    }
    if (const auto& shift = lane.shift()) {
        if (shift->operator_id != view.operator_id) view.shift_owner = shift->operator_id;
        std::string opened = iso_time(shift->opened_at).substr(0, 5);
        if (iso_date(shift->opened_at) != iso_date(now_iso))
            opened = iso_date(shift->opened_at).substr(5) + " " + opened;
        view.shift_opened = opened;
    }
    view.clock = iso_date(now_iso) + " " + iso_time(now_iso).substr(0, 5);
    return view;
}

SaleView make_sale_view(const actions::Lane& lane, bool chinese) {
    SaleView view;
    const core::Ticket& ticket = lane.ticket();
    view.lines.reserve(ticket.lines().size());
    for (const core::TicketLine& line : ticket.lines()) {
        LineView row;
        row.number = line.number;
        row.name = chinese || line.item.name_en.empty() ? line.item.name_zh : line.item.name_en;
        row.spec = line.item.spec;
        bool weighed = line.item.sale_unit == core::SaleUnit::weight;
        row.quantity = weighed ? kilograms(line.quantity) : line.quantity.to_string();
        row.unit_price = weighed ? line.unit_price.to_string() + "/kg" : line.unit_price.to_string();
        row.amount = line.amount().to_string();
        if (!line.voided && !line.discount.is_zero()) {
            row.saving = line.discount.to_string();
            row.promotion = line.promotion;
        }
        row.voided = line.voided;
        view.lines.push_back(std::move(row));
    }
    core::PaymentState payment = ticket.payment(lane.config().cash_rounding);
    view.subtotal = payment.subtotal;
    view.savings = payment.savings;
    view.item_count = ticket.item_count().to_string();
    view.has_live_lines = ticket.has_live_lines();
    const auto& user = lane.operator_user();
    const auto& shift = lane.shift();
    if (user && shift && shift->operator_id != user->operator_id) view.shift_owner = shift->operator_id;
    return view;
}

HeldView make_held_view(const actions::HeldTicket& held) {
    std::string time = iso_time(held.held_at).substr(0, 5);
    return HeldView{held.id, time.empty() ? held.held_at : time, held.lines, money_text(held.total)};
}

FoundItem make_found_item(const core::CatalogItem& item, bool chinese) {
    FoundItem found;
    found.sku = item.sku;
    found.name = chinese || item.name_en.empty() ? item.name_zh : item.name_en;
    found.spec = item.spec;
    found.weighed = item.sale_unit == core::SaleUnit::weight;
    found.price = found.weighed ? item.price_per_kg.to_string() + "/kg" : item.price.to_string();
    return found;
}

ShiftView make_shift_view(const actions::Lane& lane) {
    ShiftView view;
    const auto& user = lane.operator_user();
    if (user) view.operator_name = user->name;
    const auto& shift = lane.shift();
    if (user && shift && shift->operator_id != user->operator_id) view.shift_owner = shift->operator_id;
    return view;
}

TenderView make_tender_view(const actions::Lane& lane) {
    TenderView view;
    const core::Ticket& ticket = lane.ticket();
    core::CashRounding rounding = lane.config().cash_rounding;
    view.due_exact = ticket.amount_due_for(core::TenderMethod::card, rounding);
    view.due_cash = ticket.amount_due_for(core::TenderMethod::cash, rounding);
    view.rounding = view.due_cash - view.due_exact;
    view.item_count = ticket.item_count().to_string();
    view.quick_cash = quick_cash_amounts(view.due_cash);
    for (const core::Tender& tender : ticket.tenders()) view.taken.emplace_back(tender.method, tender.amount);
    if (const auto& member = lane.member()) {
        view.member = member->name + " " + member->card;
        Money on_account;
        for (const core::Tender& tender : ticket.tenders()) {
            if (tender.method == core::TenderMethod::account) on_account += tender.amount;
        }
        Money left = member->account.limit - member->account.balance - on_account;
        view.member_available = left < Money{} ? Money{} : left;
    }
    return view;
}

ShiftMenuView make_shift_menu_view(const actions::Lane& lane, const std::string& now_iso) {
    ShiftMenuView view;
    StatusView status = make_status_view(lane, now_iso);
    view.operator_name = status.operator_name;
    view.shift_opened = status.shift_opened;
    const core::Ticket& ticket = lane.ticket();
    view.sale_open = ticket.has_live_lines() || !ticket.tenders().empty();
    return view;
}

CashView make_cash_view(const actions::Lane& lane) { return CashView{lane.config().pay_out_approval_above}; }

CountView make_count_view() { return CountView{core::cny_denominations()}; }

std::string denomination_text(const Strings& tr, Money denomination) {
    int64_t fen = denomination.in_fen();
    if (fen % 100 == 0) return tr.format("count.yuan", fen / 100);
    return tr.format("count.jiao", fen / 10);
}

std::string signed_money_text(Money amount) {
    if (amount > Money{}) return "+" + money_text(amount);
    return money_text(amount);
}

Notice error_notice(const Strings& tr, const core::Error& error) {
    Notice notice;
    notice.tone = Tone::error;
    notice.text = tr(fmt::format("error.{}", core::error_code_name(error.code)));
    notice.detail = error.message;
    return notice;
}

}  // namespace pos::ui
