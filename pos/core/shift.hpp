// Shift reconciliation (交班): the blind cash count by denomination, what the drawer should
// hold, and the variance per tender. Pure: the lane supplies the totals, this does the sums.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/core/money.hpp"
#include "pos/core/result.hpp"
#include "pos/core/ticket.hpp"

namespace pos::core {

// CNY notes and coins counted at close, largest first, in fen: 100, 50, 20, 10, 5, 1 yuan; 5 and 1 jiao.
[[nodiscard]] const std::vector<Money>& cny_denominations();

// How many of each denomination the cashier counted.
class CashCount {
public:
    // Sets the count of one denomination; refuses a denomination that is not CNY or a negative count.
    [[nodiscard]] Status set(Money denomination, int64_t count);
    [[nodiscard]] int64_t count_of(Money denomination) const;
    [[nodiscard]] Money total() const;
    [[nodiscard]] const std::map<Money, int64_t, std::greater<>>& counts() const { return counts_; }

private:
    std::map<Money, int64_t, std::greater<>> counts_;
};

// What happened in a shift, as the lane's journal adds it up.
struct ShiftTotals {
    Money float_amount;   // 当班金额 put in the drawer at open
    Money cash_tendered;  // cash handed over by customers
    Money change_given;   // cash handed back
    Money cash_refunds;   // cash paid out for returns
    Money pay_ins;
    Money pay_outs;
    Money pickups;                           // 抽大钞: cash taken to the safe during the shift
    std::map<TenderMethod, Money> non_cash;  // card, mobile, account taken
    int64_t sales = 0;
    int64_t returns = 0;  // 退货 (红字) committed in the shift
    Money refunds;        // what they refunded, all tenders (positive)
    int64_t voided_lines = 0;
    int64_t no_sales = 0;  // drawer opened without a sale
    Money rounding;        // 抹零 given (negative when rounded down)
    Money net_sales;       // sum of sale totals
};

// Expected cash = float + cash sales − change − cash refunds + pay-ins − pay-outs − pickups.
[[nodiscard]] Money expected_cash(const ShiftTotals& totals);

struct TenderVariance {
    TenderMethod method = TenderMethod::cash;
    Money expected;
    Money counted;
    Money variance;  // counted − expected: positive over (长款), negative short (短款)
};

// One row per tender that was expected or counted, cash first.
[[nodiscard]] std::vector<TenderVariance> reconcile(const ShiftTotals& totals, Money counted_cash,
                                                    const std::map<TenderMethod, Money>& counted_non_cash);

// The largest absolute variance over all tenders: what the sign-off threshold is compared with.
[[nodiscard]] Money largest_variance(const std::vector<TenderVariance>& rows);

}  // namespace pos::core
