// Cash count, expected cash and per-tender variance for the shift close.
#include "pos/core/shift.hpp"

#include <algorithm>

namespace pos::core {

const std::vector<Money>& cny_denominations() {
    static const std::vector<Money> all = {Money::yuan(100), Money::yuan(50), Money::yuan(20), Money::yuan(10),
                                           Money::yuan(5),   Money::yuan(1),  Money::fen(50),  Money::fen(10)};
    return all;
}

Status CashCount::set(Money denomination, int64_t count) {
    const auto& all = cny_denominations();
    if (std::find(all.begin(), all.end(), denomination) == all.end()) {
        return make_error(
            ErrorCode::bad_amount,
            denomination.to_string() + " is not a CNY note or coin: count 100, 50, 20, 10, 5, 1, 0.5 or 0.1");
    }
    if (count < 0 || count > 100000) {
        return make_error(ErrorCode::bad_amount, "a count must be a whole number from 0 to 100000");
    }
    counts_[denomination] = count;
    return Done{};
}

int64_t CashCount::count_of(Money denomination) const {
    auto found = counts_.find(denomination);
    return found == counts_.end() ? 0 : found->second;
}

Money CashCount::total() const {
    Money sum;
    for (const auto& [denomination, count] : counts_) sum += Money::fen(denomination.in_fen() * count);
    return sum;
}

Money expected_cash(const ShiftTotals& totals) {
    return totals.float_amount + totals.cash_tendered - totals.change_given - totals.cash_refunds + totals.pay_ins -
           totals.pay_outs - totals.pickups;
}

std::vector<TenderVariance> reconcile(const ShiftTotals& totals, Money counted_cash,
                                      const std::map<TenderMethod, Money>& counted_non_cash) {
    std::vector<TenderVariance> rows;
    Money cash = expected_cash(totals);
    rows.push_back({TenderMethod::cash, cash, counted_cash, counted_cash - cash});
    for (TenderMethod method : non_cash_methods) {
        auto expected_it = totals.non_cash.find(method);
        auto counted_it = counted_non_cash.find(method);
        if (expected_it == totals.non_cash.end() && counted_it == counted_non_cash.end()) continue;
        Money expected = expected_it == totals.non_cash.end() ? Money{} : expected_it->second;
        // Member-account sales leave no slip or batch total to count, and the gateway confirmed each
        // payment code: uncounted means as expected.
        bool known = method == TenderMethod::account || is_payment_code_method(method);
        Money uncounted = known ? expected : Money{};
        Money counted = counted_it == counted_non_cash.end() ? uncounted : counted_it->second;
        rows.push_back({method, expected, counted, counted - expected});
    }
    return rows;
}

Money largest_variance(const std::vector<TenderVariance>& rows) {
    Money largest;
    for (const TenderVariance& row : rows) {
        Money magnitude = row.variance.is_negative() ? -row.variance : row.variance;
        largest = std::max(largest, magnitude);
    }
    return largest;
}

}  // namespace pos::core
