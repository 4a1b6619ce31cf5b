// 对账: the lane's journal and the gateway's record, entry by entry.
#include "pos/core/payment_reconcile.hpp"

#include <map>

#include "pos/core/money.hpp"

namespace pos::core {
namespace {

bool lane_took(const JournalEntry& entry) {
    return entry.order.empty() ? entry.state == "paid" : entry.state == "refunded";
}

std::string kind(const JournalEntry& entry) { return entry.order.empty() ? "order" : "refund"; }

}  // namespace

std::vector<PaymentDifference> reconcile_payments(const std::vector<JournalEntry>& lane,
                                                  const std::vector<GatewayEntry>& gateway) {
    std::map<std::string, const GatewayEntry*> at_gateway;
    for (const GatewayEntry& entry : gateway) at_gateway[entry.number] = &entry;
    std::vector<PaymentDifference> differences;
    for (const JournalEntry& entry : lane) {
        auto found = at_gateway.find(entry.number);
        const GatewayEntry* theirs = found == at_gateway.end() ? nullptr : found->second;
        bool taken_there = theirs && theirs->taken;
        if (theirs) at_gateway.erase(found);
        if (lane_took(entry) && !taken_there) {
            differences.push_back({entry.number, kind(entry) + " " + Money::fen(entry.fen).to_string() + " is " +
                                                     entry.state +
                                                     " on the lane but not at the gateway: ask the provider's "
                                                     "merchant service with this number"});
        } else if (!lane_took(entry) && taken_there) {
            differences.push_back({entry.number, kind(entry) + " " + Money::fen(theirs->fen).to_string() +
                                                     " was taken at the gateway but is " + entry.state +
                                                     " on the lane: run `posctl payments settle` on this lane, "
                                                     "then reconcile again"});
        } else if (taken_there && theirs->fen != entry.fen) {
            differences.push_back({entry.number, kind(entry) + " is " + Money::fen(entry.fen).to_string() +
                                                     " on the lane but " + Money::fen(theirs->fen).to_string() +
                                                     " at the gateway"});
        } else if (taken_there && entry.order.empty() && theirs->transaction_id != entry.transaction_id) {
            differences.push_back({entry.number, "the gateway's transaction id is " + theirs->transaction_id +
                                                     ", the lane has " + entry.transaction_id});
        }
    }
    for (const auto& [number, entry] : at_gateway) {
        if (!entry->taken) continue;
        differences.push_back({number, std::string(entry->order.empty() ? "order " : "refund ") +
                                           Money::fen(entry->fen).to_string() +
                                           " is at the gateway but not in this lane's journal: another lane's or "
                                           "another system's; check the number's lane (L<lane>-...)"});
    }
    return differences;
}

}  // namespace pos::core
