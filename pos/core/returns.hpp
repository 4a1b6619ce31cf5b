// Returns (退货, 红字): what is still returnable on a sale, what a returned quantity refunds,
// and which tenders the refund goes back to. Pure: the lane supplies the sale and what earlier
// returns took back; amounts here are positive, the lane journals them negative.
#pragma once

#include <optional>
#include <vector>

#include "pos/core/cash_rounding.hpp"
#include "pos/core/money.hpp"
#include "pos/core/result.hpp"
#include "pos/core/ticket.hpp"

namespace pos::core {

// One item line of the original sale, with what earlier returns of it took back.
struct SoldLine {
    int line = 0;
    int64_t sold_milli = 0;      // quantity sold (thousandths, grams for weighed goods)
    Money amount;                // what the customer paid for the line (after any saving)
    int64_t returned_milli = 0;  // taken back by earlier returns
    Money refunded;              // refunded by earlier returns
};

// What may still be returned of the line (thousandths); 0 when all of it came back.
[[nodiscard]] int64_t returnable_milli(const SoldLine& line);

// The refund for returning `milli` of the line: the rest of its amount when the rest of its
// quantity comes back (so several partial returns add up to exactly what was paid), else
// amount × milli / sold, rounded half-up. over_return when more than returnable_milli.
[[nodiscard]] Result<Money> refund_for(const SoldLine& line, int64_t milli);

// A tender of the original sale: what it paid (cash net of change) and what earlier returns
// already refunded to it.
struct PaidTender {
    TenderMethod method = TenderMethod::cash;
    Money paid;
    Money refunded;
};

struct RefundPlan {
    std::vector<Tender> tenders;  // positive amounts, in refund order; cash last
    Money exact;                  // the goods' refund before 抹零
    Money rounding;               // cash 抹零 kept back: exact cash − rounded cash (≥ 0 when rounding down)
    Money total;                  // what the customer gets back: exact − rounding
};

// Splits a refund of `exact` over tenders. Cash is always allowed. `method` set: all of it to
// that tender, which must be cash or one the sale was paid with, with enough paid and not yet
// refunded (tender_over otherwise). Unset: back to the sale's card, mobile and account tenders
// first, each up to what it paid and was not refunded, the rest in cash. The cash part is
// rounded (抹零) like a cash payment, by magnitude.
[[nodiscard]] Result<RefundPlan> plan_refund(Money exact, const std::vector<PaidTender>& paid,
                                             std::optional<TenderMethod> method, CashRounding rounding);

}  // namespace pos::core
