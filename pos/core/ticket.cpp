// Ticket arithmetic: line amounts, merging repeat scans, voids, tenders, 抹零 and change.
#include "pos/core/ticket.hpp"

#include <algorithm>

namespace pos::core {

std::string_view tender_method_name(TenderMethod method) {
    switch (method) {
        case TenderMethod::cash: return "cash";
        case TenderMethod::card: return "card";
        case TenderMethod::mobile: return "mobile";
        case TenderMethod::account: return "account";
        case TenderMethod::wechat: return "wechat";
        case TenderMethod::alipay: return "alipay";
        case TenderMethod::unionpay: return "unionpay";
    }
    return "cash";
}

bool is_payment_code_method(TenderMethod method) {
    return method == TenderMethod::wechat || method == TenderMethod::alipay || method == TenderMethod::unionpay;
}

std::optional<TenderMethod> parse_tender_method(std::string_view word) {
    if (word == tender_method_name(TenderMethod::cash)) return TenderMethod::cash;
    for (TenderMethod method : non_cash_methods) {
        if (tender_method_name(method) == word) return method;
    }
    return std::nullopt;
}

Money TicketLine::amount_before_savings() const {
    if (voided) return Money{};
    return label_amount ? *label_amount : extend_price(unit_price, quantity);
}

Money TicketLine::amount() const {
    if (voided) return Money{};
    return amount_before_savings() - discount;
}

void Ticket::apply_promotions(const std::vector<Promotion>& promotions, std::string_view day, bool member) {
    if (!tenders_.empty()) return;
    for (TicketLine& line : lines_) {
        line.discount = Money{};
        line.promotion.clear();
    }
    for (const LineSaving& saving : resolve_promotions(lines_, promotions, day, member)) {
        TicketLine& line = lines_[size_t(saving.line - 1)];
        line.discount = saving.saving;
        line.promotion = saving.promotion;
    }
}

Status Ticket::check_editable() const {
    if (!tenders_.empty()) {
        return make_error(ErrorCode::payment_started,
                          "payment has started: finish the payment before changing the items");
    }
    return Done{};
}

Result<int> Ticket::add_item(const CatalogItem& item, std::string gtin, Quantity quantity, Money unit_price,
                             std::optional<Money> label_amount, bool from_label) {
    if (auto editable = check_editable(); !editable) return editable.error();
    from_label = from_label || label_amount.has_value();
    bool mergeable = item.sale_unit == SaleUnit::piece && !from_label;
    if (mergeable) {
        for (TicketLine& line : lines_) {
            if (!line.voided && !line.from_label && !line.original_price && line.item.sku == item.sku &&
                line.unit_price == unit_price && line.item.sale_unit == SaleUnit::piece) {
                if (line.quantity + quantity > Quantity::max_per_line()) {
                    return make_error(ErrorCode::bad_amount,
                                      "line " + std::to_string(line.number) +
                                          " would hold more than 99999: ring the rest on a new ticket");
                }
                line.quantity = line.quantity + quantity;
                return line.number;
            }
        }
    }
    int number = int(lines_.size()) + 1;
    lines_.push_back(TicketLine{number,
                                item,
                                std::move(gtin),
                                quantity,
                                unit_price,
                                label_amount,
                                from_label,
                                false,
                                {},
                                std::nullopt,
                                {},
                                Money{},
                                {}});
    return number;
}

Result<TicketLine*> Ticket::editable_line(int line_number) {
    if (auto editable = check_editable(); !editable) return editable.error();
    if (line_number < 1 || line_number > int(lines_.size())) {
        return make_error(ErrorCode::bad_line, "there is no line " + std::to_string(line_number) + " on this ticket");
    }
    TicketLine& line = lines_[size_t(line_number - 1)];
    if (line.voided) {
        return make_error(ErrorCode::bad_line, "line " + std::to_string(line_number) + " is already voided");
    }
    return &line;
}

Status Ticket::set_quantity(int line_number, Quantity quantity) {
    auto line = editable_line(line_number);
    if (!line) return line.error();
    if ((*line)->from_label) {
        return make_error(ErrorCode::bad_line,
                          "line " + std::to_string(line_number) +
                              " has its weight or price from a scale label: scan another label instead");
    }
    if ((*line)->from_scale) {
        return make_error(ErrorCode::bad_line, "line " + std::to_string(line_number) +
                                                   " was weighed on the scale: void it and weigh the item again");
    }
    if ((*line)->item.sale_unit == SaleUnit::piece && !quantity.is_whole()) {
        return make_error(ErrorCode::bad_amount, (*line)->item.name_zh + " is sold by the piece: enter a whole number");
    }
    (*line)->quantity = quantity;
    return Done{};
}

Status Ticket::record_weight_source(int line_number, bool from_scale, std::string keyed_by) {
    auto line = editable_line(line_number);
    if (!line) return line.error();
    if ((*line)->item.sale_unit != SaleUnit::weight || (*line)->from_label) {
        return make_error(ErrorCode::bad_line,
                          "line " + std::to_string(line_number) + " is not an item weighed at the till");
    }
    (*line)->from_scale = from_scale;
    (*line)->weight_keyed_by = from_scale ? std::string() : std::move(keyed_by);
    return Done{};
}

Ticket Ticket::resumed(std::vector<TicketLine> lines) {
    Ticket ticket;
    ticket.lines_ = std::move(lines);
    return ticket;
}

Status Ticket::override_price(int line_number, Money price, std::string approver) {
    auto line = editable_line(line_number);
    if (!line) return line.error();
    if ((*line)->from_label) {
        return make_error(ErrorCode::bad_line, "line " + std::to_string(line_number) +
                                                   " is priced by its scale label: reprint the label at the scale");
    }
    if (price <= Money{}) return make_error(ErrorCode::bad_amount, "the new price must be above 0.00");
    if (!(*line)->original_price) (*line)->original_price = (*line)->unit_price;
    (*line)->unit_price = price;
    (*line)->price_set_by = std::move(approver);
    return Done{};
}

Status Ticket::void_line(int line_number, std::string approver) {
    auto line = editable_line(line_number);
    if (!line) return line.error();
    (*line)->voided = true;
    (*line)->voided_by = std::move(approver);
    return Done{};
}

bool Ticket::has_live_lines() const {
    return std::any_of(lines_.begin(), lines_.end(), [](const TicketLine& line) { return !line.voided; });
}

Quantity Ticket::item_count() const {
    Quantity count;
    for (const TicketLine& line : lines_) {
        if (line.voided) continue;
        bool counted = line.item.sale_unit == SaleUnit::piece;
        count = count + (counted ? line.quantity : Quantity::units(1));
    }
    return count;
}

Money Ticket::subtotal() const {
    Money sum;
    for (const TicketLine& line : lines_) sum += line.amount();
    return sum;
}

Money Ticket::tendered(bool cash) const {
    Money sum;
    for (const Tender& tender : tenders_) {
        if ((tender.method == TenderMethod::cash) == cash) sum += tender.amount;
    }
    return sum;
}

Money Ticket::amount_due_for(TenderMethod method, CashRounding rounding) const {
    // Cash is always the last tender (add_tender), so before it only non-cash has been paid.
    Money exact = subtotal() - tendered(false);
    return method == TenderMethod::cash ? round_cash(exact, rounding) : exact;
}

PaymentState Ticket::payment(CashRounding rounding) const {
    PaymentState state;
    state.subtotal = subtotal();
    for (const TicketLine& line : lines_) {
        if (!line.voided) state.savings += line.discount;
    }
    Money non_cash = tendered(false);
    Money cash = tendered(true);
    bool paid_in_cash = !cash.is_zero();
    Money exact_cash_part = state.subtotal - non_cash;
    state.rounding = paid_in_cash ? round_cash(exact_cash_part, rounding) - exact_cash_part : Money{};
    state.total = state.subtotal + state.rounding;
    state.paid = non_cash + cash;
    state.remaining = std::max(state.total - state.paid, Money{});
    state.change = std::max(state.paid - state.total, Money{});
    state.complete = has_live_lines() && !tenders_.empty() && state.paid >= state.total;
    return state;
}

Status Ticket::add_tender(Tender tender, CashRounding rounding, bool partial) {
    if (!has_live_lines()) return make_error(ErrorCode::no_ticket, "the ticket is empty: scan an item first");
    if (payment(rounding).complete) return make_error(ErrorCode::sale_complete, "this sale is already paid");
    if (tender.amount <= Money{}) {
        return make_error(ErrorCode::bad_amount, "a tender must be more than 0.00");
    }
    if (tender.method == TenderMethod::cash && partial) {
        // 抹零 is worked out on what is left for cash; a later card tender would undo it.
        return make_error(ErrorCode::bad_input,
                          "cash finishes the sale: take the card or mobile part first, then cash for the rest");
    }
    Money need = amount_due_for(tender.method, rounding);
    std::string method(tender_method_name(tender.method));
    if (tender.method != TenderMethod::cash && tender.amount > need) {
        return make_error(ErrorCode::tender_over, method + " " + tender.amount.to_string() + " is more than the " +
                                                      need.to_string() + " due: enter " + need.to_string() +
                                                      " or less");
    }
    if (tender.amount < need && !partial) {
        std::string advice = tender.method == TenderMethod::cash
                                 ? "take at least " + need.to_string() + " in cash"
                                 : "take " + need.to_string() + ", or take it as part of a split payment";
        return make_error(ErrorCode::tender_short, method + " " + tender.amount.to_string() + " is less than the " +
                                                       need.to_string() + " due: " + advice);
    }
    tenders_.push_back(std::move(tender));
    return Done{};
}

}  // namespace pos::core
