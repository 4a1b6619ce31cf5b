// Names of the gateway states, as journaled in lane.db and shown by posctl.
#include "payments/gateway.hpp"

#include <cstdlib>

#include <fmt/format.h>

namespace pos::payments {

std::string yuan_text(int64_t fen) {
    return fmt::format("{}{}.{:02}", fen < 0 ? "-" : "", std::abs(fen) / 100, std::abs(fen) % 100);
}

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
