// The simulator's Alipay side: alipay.trade.pay (bar_code), .query, .cancel, .refund and
// .fastpay.refund.query on /gateway.do; requests checked with the app's public key, answers
// signed with the gateway's private key, as Alipay does.
#pragma once

#include <map>
#include <string>

#include "paysim/order_book.hpp"
#include "paysim/protocol.hpp"

namespace pos::paysim {

struct AlipayMerchant {
    std::string app_id;
    std::string app_public_key;       // verifies the lane's requests
    std::string gateway_private_key;  // signs the answers (the lane holds its public half)
};

[[nodiscard]] Answer handle_alipay(OrderBook& book, const AlipayMerchant& merchant,
                                   const std::map<std::string, std::string>& params, const Clock& clock);

}  // namespace pos::paysim
