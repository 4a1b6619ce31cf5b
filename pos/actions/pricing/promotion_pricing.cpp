// Lane pricing after each change to the ticket: lane.db's promotions (the copy that came down
// with the catalog) applied for the day of the action, member prices when a member is on it.
#include "pos/actions/lane.hpp"

#include "pos/actions/pricing/promotions.hpp"
#include "pos/actions/scripts/session.hpp"

namespace pos::actions {

core::Status Lane::reprice(core::Ticket& ticket, const std::string& now) {
    auto promotions = load_promotions(db_);
    if (!promotions) return promotions.error();
    std::string day = (now.empty() ? local_now() : now).substr(0, 10);
    ticket.apply_promotions(*promotions, day, member_.has_value());
    return core::Done{};
}

LineChange Lane::change_after(int line) const {
    core::PaymentState payment = ticket_.payment(config_.cash_rounding);
    return LineChange{line, ticket_.lines()[size_t(line - 1)], payment.subtotal, payment.savings};
}

}  // namespace pos::actions
