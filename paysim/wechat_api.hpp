// The simulator's WeChat Pay v2 side: micropay, orderquery, reverse, refund, refundquery and
// downloadbill, XML in and out, requests checked and answers signed with the merchant's key.
#pragma once

#include <string>

#include "paysim/order_book.hpp"
#include "paysim/protocol.hpp"

namespace pos::paysim {

struct WechatMerchant {
    std::string appid;
    std::string mch_id;
    std::string api_key;
};

// `path` is the request's path (/pay/micropay ...); an unknown path answers FAIL.
[[nodiscard]] Answer handle_wechat(OrderBook& book, const WechatMerchant& merchant, const std::string& path,
                                   const std::string& body, const Clock& clock);

// The bill of `day` ("2026-12-07") in the documented format: BOM, the 27-column ALL header,
// one backtick-prefixed row per payment and refund, the summary; CRLF line ends.
[[nodiscard]] std::string wechat_bill(OrderBook& book, const WechatMerchant& merchant, const std::string& day);

}  // namespace pos::paysim
