// Returnable quantities, refund per line and the refund's split over tenders.
#include "pos/core/returns.hpp"

#include <string>

namespace pos::core {

int64_t returnable_milli(const SoldLine& line) {
    int64_t left = line.sold_milli - line.returned_milli;
    return left > 0 ? left : 0;
}

Result<Money> refund_for(const SoldLine& line, int64_t milli) {
    if (milli <= 0) return make_error(ErrorCode::bad_amount, "the quantity to return must be above 0");
    int64_t left = returnable_milli(line);
    if (milli > left) {
        return make_error(ErrorCode::over_return, "line " + std::to_string(line.line) + ": only " +
                                                      Quantity::milli(left).to_string() + " of " +
                                                      Quantity::milli(line.sold_milli).to_string() +
                                                      " sold can still be returned (the rest came back already)");
    }
    if (milli == left) return line.amount - line.refunded;
    // amount × milli / sold, half-up, in 128 bits like extend_price.
    __extension__ using wide = __int128;
    wide product = static_cast<wide>(line.amount.in_fen()) * milli;
    wide magnitude = product < 0 ? -product : product;
    wide rounded = (magnitude * 2 + line.sold_milli) / (2 * static_cast<wide>(line.sold_milli));
    return Money::fen(static_cast<int64_t>(product < 0 ? -rounded : rounded));
}

namespace {

Money still_refundable(const PaidTender& tender) {
    Money left = tender.paid - tender.refunded;
    return left.is_negative() ? Money{} : left;
}

Money refundable_to(const std::vector<PaidTender>& paid, TenderMethod method) {
    Money total;
    for (const PaidTender& tender : paid) {
        if (tender.method == method) total += still_refundable(tender);
    }
    return total;
}

}  // namespace

Result<RefundPlan> plan_refund(Money exact, const std::vector<PaidTender>& paid, std::optional<TenderMethod> method,
                               CashRounding rounding) {
    if (exact <= Money{}) return make_error(ErrorCode::bad_amount, "nothing to refund: choose the lines to return");
    RefundPlan plan;
    plan.exact = exact;
    Money cash = exact;
    if (method && *method != TenderMethod::cash) {
        Money room = refundable_to(paid, *method);
        if (exact > room) {
            return make_error(ErrorCode::tender_over, std::string("only ") + room.to_string() + " paid by " +
                                                          std::string(tender_method_name(*method)) +
                                                          " can still be refunded to it: refund " + exact.to_string() +
                                                          " in cash or to the original tenders");
        }
        plan.tenders.push_back(Tender{*method, exact, {}});
        cash = Money{};
    } else if (!method) {
        for (TenderMethod each : non_cash_methods) {
            Money room = refundable_to(paid, each);
            Money part = room < cash ? room : cash;
            if (part <= Money{}) continue;
            plan.tenders.push_back(Tender{each, part, {}});
            cash -= part;
        }
    }
    if (!cash.is_zero()) {
        Money rounded = round_cash(cash, rounding);
        plan.rounding = cash - rounded;
        plan.tenders.push_back(Tender{TenderMethod::cash, rounded, {}});
    }
    plan.total = exact - plan.rounding;
    return plan;
}

}  // namespace pos::core
