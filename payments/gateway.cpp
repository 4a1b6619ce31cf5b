// Names of the gateway states, as journaled in lane.db and shown by posctl.
#include "payments/gateway.hpp"

namespace pos::payments {

const char* order_state_name(OrderState state) {
    switch (state) {
        case OrderState::paid: return "paid";
        case OrderState::waiting: return "waiting";
        case OrderState::unknown: return "unknown";
        case OrderState::failed: return "failed";
        case OrderState::closed: return "closed";
    }
    return "unknown";
}

const char* refund_state_name(RefundState state) {
    switch (state) {
        case RefundState::refunded: return "refunded";
        case RefundState::processing: return "processing";
        case RefundState::unknown: return "unknown";
        case RefundState::failed: return "failed";
    }
    return "unknown";
}

}  // namespace pos::payments
