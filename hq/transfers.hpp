// Transfers between stores (调拨) as the head office sees them (`pos-hq transfers`): both sides,
// the sending store's out and the receiving store's in, matched by the transfer's number; in
// transit while only the out side has arrived (hq migration 0005, view chain_transfers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hq/pg.hpp"

namespace pos::hq {

struct ChainTransfer {
    std::string number;         // the sending store's document number, e.g. T4
    std::string from_store_id;  // empty: the sender's side has not reached the head office
    std::string from_store;     // the sender's name as the transfer file gave it
    std::string to_store;       // the receiver as the sender wrote it
    std::string to_store_id;    // empty: not received (booked) yet
    std::string sent_at, received_at;
    int64_t sent_milli = 0;  // thousandths: units or grams, all lines together
    int64_t received_milli = 0;
    std::string state;  // "in transit", "received", "received, sender not here"
};

// Every transfer, the ones in transit first; `open_only`: only those in transit.
[[nodiscard]] PgResult<std::vector<ChainTransfer>> chain_transfers(PgConnection& admin, bool open_only);

}  // namespace pos::hq
