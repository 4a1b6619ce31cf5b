// The gateway clients against the simulator over real HTTPS on 127.0.0.1: every scenario a
// customer's phone can play, and what the lane's client makes of each answer.
#include <doctest/doctest.h>

#include <optional>

#include "paysim/keys.hpp"
#include "paysim/server.hpp"
#include "payments/alipay_gateway.hpp"
#include "payments/wechat_bill.hpp"
#include "payments/wechat_gateway.hpp"
#include "tests/support/simulated_gateway.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::payments;
using namespace std::chrono_literals;

namespace {

using pos::testing::alipay_code;
using pos::testing::wechat_code;

std::string text_of(const std::string& path) { return *pos::paysim::read_text(path); }

// A simulator with its merchant files, and a client of each provider set up as a lane would be.
struct Gateways {
    pos::testing::TempDir dir;
    std::optional<pos::paysim::Simulator> simulator;
    std::optional<WechatGateway> wechat;
    std::optional<AlipayGateway> alipay;
    Endpoint endpoint;

    explicit Gateways(std::chrono::milliseconds client_timeout = 5000ms) {
        REQUIRE(pos::paysim::write_merchant_files(dir.path()));
        auto config = pos::paysim::load_simulator_config(dir.path(), true);
        REQUIRE(config);
        config->slow = client_timeout + 1000ms;
        simulator.emplace(*config);
        int port = simulator->start(0);
        REQUIRE(port > 0);
        endpoint =
            Endpoint{"https://127.0.0.1:" + std::to_string(port), dir.path() + "/tls.crt", {}, {}, client_timeout};
        wechat.emplace(WechatConfig{pos::paysim::demo_wechat_appid, pos::paysim::demo_wechat_mch_id,
                                    text_of(dir.path() + "/wechat_api_key"), "127.0.0.1", endpoint});
        alipay.emplace(AlipayConfig{pos::paysim::demo_alipay_app_id, text_of(dir.path() + "/alipay_app_private.pem"),
                                    text_of(dir.path() + "/alipay_gateway_public.pem"), "S001", endpoint,
                                    [] { return pos::paysim::china_clock().now_text; }});
    }
};

ChargeRequest charge(const std::string& number, const std::string& code, int64_t fen = 1000) {
    return ChargeRequest{number, fen, code, "demo lane 1", "S001-L1"};
}

}  // namespace

TEST_CASE("gateway protocol: WeChat Pay paid at once, asked again, refunded in part, once") {
    Gateways g;
    GatewayAnswer paid = g.wechat->charge(charge("L1-0001", wechat_code("00")));
    CHECK(paid.state == OrderState::paid);
    CHECK(paid.transaction_id.size() == 18);
    GatewayAnswer again = g.wechat->charge(charge("L1-0001", wechat_code("00")));  // the same order: no second charge
    CHECK(again.state == OrderState::paid);
    CHECK(again.transaction_id == paid.transaction_id);
    CHECK(g.wechat->query("L1-0001").state == OrderState::paid);

    RefundRequest part{"L1-0001", "R1-0001", 300, 1000};
    CHECK(g.wechat->refund(part).state == RefundState::processing);
    CHECK(g.wechat->refund(part).state == RefundState::processing);  // the same refund number: refunded once
    CHECK(g.wechat->refund_query(part).state == RefundState::refunded);
    CHECK(g.wechat->refund(RefundRequest{"L1-0001", "R1-0002", 800, 1000}).state == RefundState::failed);  // > left
    CHECK(g.wechat->refund(RefundRequest{"L1-0001", "R1-0003", 700, 1000}).state == RefundState::processing);
}

TEST_CASE("gateway protocol: WeChat Pay USERPAYING until the customer confirms, declines, or never does") {
    Gateways g;
    CHECK(g.wechat->charge(charge("L1-0002", wechat_code("01"))).state == OrderState::waiting);
    CHECK(g.wechat->query("L1-0002").state == OrderState::waiting);
    GatewayAnswer confirmed = g.wechat->query("L1-0002");
    CHECK(confirmed.state == OrderState::paid);
    CHECK_FALSE(confirmed.transaction_id.empty());

    CHECK(g.wechat->charge(charge("L1-0003", wechat_code("10"))).state == OrderState::waiting);
    CHECK(g.wechat->query("L1-0003").state == OrderState::waiting);
    GatewayAnswer declined = g.wechat->query("L1-0003");
    CHECK(declined.state == OrderState::unknown);  // PAYERROR: "请撤销订单", the reverse settles it
    CHECK(declined.code == "PAYERROR");
    CHECK(g.wechat->cancel("L1-0003").state == OrderState::closed);

    CHECK(g.wechat->charge(charge("L1-0004", wechat_code("02"))).state == OrderState::waiting);
    CHECK(g.wechat->query("L1-0004").state == OrderState::waiting);
    CHECK(g.wechat->query("L1-0004").state == OrderState::waiting);
    CHECK(g.wechat->cancel("L1-0004").state == OrderState::closed);
    CHECK(g.wechat->query("L1-0004").state == OrderState::closed);
}

TEST_CASE("gateway protocol: WeChat Pay refusals are final, with the provider's code and words") {
    Gateways g;
    GatewayAnswer poor = g.wechat->charge(charge("L1-0005", wechat_code("03")));
    CHECK(poor.state == OrderState::failed);
    CHECK(poor.code == "NOTENOUGH");
    CHECK(poor.message == "余额不足");
    CHECK(g.wechat->charge(charge("L1-0006", wechat_code("04"))).code == "AUTHCODEEXPIRE");
    CHECK(g.wechat->charge(charge("L1-0007", wechat_code("05"))).code == "AUTH_CODE_INVALID");
    CHECK(g.wechat->charge(charge("L1-0008", wechat_code("00", 1))).state == OrderState::paid);
    GatewayAnswer reused = g.wechat->charge(charge("L1-0009", wechat_code("00", 1)));  // a code is single use
    CHECK(reused.state == OrderState::failed);
    CHECK(reused.code == "AUTH_CODE_ERROR");
    // ORDERNOTEXIST: maybe still on its way; the reverse settles it: never charged.
    CHECK(g.wechat->query("L1-never-sent").state == OrderState::unknown);
    CHECK(g.wechat->cancel("L1-never-sent").state == OrderState::closed);
}

TEST_CASE("gateway protocol: WeChat Pay unclear answers are unknown, and the query tells what happened") {
    Gateways g(400ms);
    CHECK(g.wechat->charge(charge("L1-0010", wechat_code("06"))).state == OrderState::unknown);  // SYSTEMERROR
    CHECK(g.wechat->query("L1-0010").state == OrderState::paid);
    GatewayAnswer slow = g.wechat->charge(charge("L1-0011", wechat_code("07")));
    CHECK(slow.state == OrderState::unknown);
    CHECK(slow.code == "no_answer");
    CHECK(g.wechat->query("L1-0011").state == OrderState::paid);  // the charge went through meanwhile
    CHECK(g.wechat->charge(charge("L1-0012", wechat_code("08"))).state == OrderState::unknown);  // dropped
    CHECK(g.wechat->query("L1-0012").state == OrderState::unknown);                              // not there (yet)
    CHECK(g.wechat->cancel("L1-0012").state == OrderState::closed);                              // never charged
    CHECK(g.wechat->charge(charge("L1-0013", wechat_code("09"))).state == OrderState::unknown);  // lost answer
    CHECK(g.wechat->query("L1-0013").state == OrderState::paid);     // after the charge: taken
    CHECK(g.wechat->cancel("L1-0013").state == OrderState::closed);  // reversed: refunded to the customer
    CHECK(g.wechat->query("L1-0013").state == OrderState::closed);
}

TEST_CASE("gateway protocol: the WeChat Pay statement lists each payment and refund of the day") {
    Gateways g;
    REQUIRE(g.wechat->charge(charge("L1-0020", wechat_code("00", 20), 1234)).state == OrderState::paid);
    REQUIRE(g.wechat->charge(charge("L1-0021", wechat_code("00", 21), 500)).state == OrderState::paid);
    REQUIRE(g.wechat->refund(RefundRequest{"L1-0021", "R1-0021", 200, 500}).state == RefundState::processing);
    std::string today = pos::paysim::china_clock().compact().substr(0, 8);
    auto bill = g.wechat->statement(today);
    REQUIRE(bill);
    CHECK(bill->rfind("\xEF\xBB\xBF交易时间,公众账号ID,商户号", 0) == 0);
    CHECK(bill->find("`L1-0020,") != std::string::npos);
    CHECK(bill->find("`REFUND,") != std::string::npos);
    CHECK(bill->find("`3,`17.34,`2.00,`0.00,`0.00,`17.34,`2.00\r\n") != std::string::npos);
    // Read back by column name, as the lane's reconciliation reads it.
    auto lines = parse_wechat_bill(*bill);
    REQUIRE(lines);
    REQUIRE(lines->size() == 3);
    CHECK((*lines)[0].out_trade_no == "L1-0020");
    CHECK((*lines)[0].state == "SUCCESS");
    CHECK((*lines)[0].fen == 1234);
    CHECK((*lines)[2].state == "REFUND");
    CHECK((*lines)[2].out_refund_no == "R1-0021");
    CHECK((*lines)[2].refund_fen == 200);
    // A paid order reversed is one REVOKED row with nothing settled.
    REQUIRE(g.wechat->cancel("L1-0020").state == OrderState::closed);
    auto revoked = parse_wechat_bill(*g.wechat->statement(today));
    REQUIRE(revoked);
    REQUIRE(revoked->size() == 3);
    CHECK((*revoked)[0].state == "REVOKED");
    CHECK((*revoked)[0].fen == 0);
    CHECK_FALSE(parse_wechat_bill("交易时间,公众账号ID\r\n`1,`2\r\n"));  // columns missing: said, not guessed
    auto none = g.wechat->statement("20200101");
    REQUIRE_FALSE(none);
    CHECK(none.error().message == "no statement for 20200101: No Bill Exist");
}

TEST_CASE("gateway protocol: Alipay paid, waiting for the buyer, cancelled, refunded") {
    Gateways g;
    GatewayAnswer paid = g.alipay->charge(charge("L1-A001", alipay_code("00")));
    CHECK(paid.state == OrderState::paid);
    CHECK_FALSE(paid.transaction_id.empty());
    CHECK(g.alipay->query("L1-A001").state == OrderState::paid);
    RefundRequest part{"L1-A001", "R1-A001", 250, 1000};
    CHECK(g.alipay->refund(part).state == RefundState::refunded);
    CHECK(g.alipay->refund_query(part).state == RefundState::refunded);
    CHECK(g.alipay->refund_query(RefundRequest{"L1-A001", "R1-none", 1, 1000}).state == RefundState::failed);

    CHECK(g.alipay->charge(charge("L1-A002", alipay_code("01"))).state == OrderState::waiting);  // 10003
    CHECK(g.alipay->query("L1-A002").state == OrderState::waiting);
    CHECK(g.alipay->query("L1-A002").state == OrderState::paid);

    CHECK(g.alipay->charge(charge("L1-A003", alipay_code("02"))).state == OrderState::waiting);
    GatewayAnswer closed = g.alipay->cancel("L1-A003");
    CHECK(closed.state == OrderState::closed);
    CHECK(closed.code == "close");
    CHECK(g.alipay->query("L1-A003").state == OrderState::closed);
    CHECK(g.alipay->cancel("L1-A001").code == "refund");  // a paid order cancelled is refunded
}

TEST_CASE("gateway protocol: Alipay refusals, system errors and dropped connections") {
    Gateways g(400ms);
    GatewayAnswer poor = g.alipay->charge(charge("L1-A010", alipay_code("03")));
    CHECK(poor.state == OrderState::failed);
    CHECK(poor.code == "ACQ.BUYER_BALANCE_NOT_ENOUGH");
    CHECK(g.alipay->charge(charge("L1-A011", alipay_code("06"))).state == OrderState::unknown);  // 20000
    CHECK(g.alipay->query("L1-A011").state == OrderState::paid);
    CHECK(g.alipay->charge(charge("L1-A012", alipay_code("08"))).state == OrderState::unknown);
    CHECK(g.alipay->query("L1-A012").state == OrderState::unknown);  // ACQ.TRADE_NOT_EXIST: not there (yet)
    CHECK(g.alipay->cancel("L1-A012").state == OrderState::closed);
    CHECK(g.alipay->charge(charge("L1-A013", alipay_code("09"))).state == OrderState::unknown);
    CHECK(g.alipay->query("L1-A013").state == OrderState::paid);
}

TEST_CASE("gateway protocol: a wrong key is refused by the gateway, a forged answer by the lane") {
    Gateways g;
    WechatGateway wrong_key(WechatConfig{pos::paysim::demo_wechat_appid, pos::paysim::demo_wechat_mch_id, "not-the-key",
                                         "127.0.0.1", g.endpoint});
    GatewayAnswer refused = wrong_key.charge(charge("L1-K001", wechat_code("00", 30)));
    CHECK(refused.state == OrderState::failed);
    CHECK(refused.message == "签名错误");
    // Answers signed by someone else than the key the lane trusts are not believed.
    AlipayGateway forged(AlipayConfig{pos::paysim::demo_alipay_app_id,
                                      text_of(g.dir.path() + "/alipay_app_private.pem"),
                                      text_of(g.dir.path() + "/alipay_app_public.pem"), "S001", g.endpoint,
                                      [] { return pos::paysim::china_clock().now_text; }});
    GatewayAnswer untrusted = forged.charge(charge("L1-K002", alipay_code("00", 31)));
    CHECK(untrusted.state == OrderState::unknown);
    CHECK(untrusted.message == "the answer's signature is wrong: it may not come from Alipay");
}

TEST_CASE("gateway protocol: plain http only to this machine, and a certificate not trusted is refused") {
    CHECK(check_endpoint_url("http://192.0.2.7:8740").error().find("plain http to another machine") !=
          std::string::npos);
    CHECK_FALSE(check_endpoint_url("http://127.evil.example:8740"));
    CHECK(check_endpoint_url("http://[::1]:8740"));
    CHECK(check_endpoint_url("http://127.0.0.1:8740"));
    CHECK(check_endpoint_url("https://api.mch.weixin.qq.com"));
    CHECK_FALSE(check_endpoint_url("ftp://x"));
    Gateways g;
    Endpoint untrusted = g.endpoint;
    untrusted.ca_file = g.dir.path() + "/alipay_app_public.pem";  // not the server's certificate
    WechatGateway client(WechatConfig{pos::paysim::demo_wechat_appid, pos::paysim::demo_wechat_mch_id,
                                      text_of(g.dir.path() + "/wechat_api_key"), "127.0.0.1", untrusted});
    GatewayAnswer answer = client.charge(charge("L1-T001", wechat_code("00", 40)));
    CHECK(answer.state == OrderState::unknown);
    CHECK(answer.message.find("no answer from https://127.0.0.1:") == 0);
    CHECK(g.wechat->query("L1-T001").state == OrderState::unknown);  // it never reached the gateway
    CHECK(g.wechat->cancel("L1-T001").state == OrderState::closed);
}
