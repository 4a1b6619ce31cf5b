// The payment-gateway simulator (pos::paysim) on a free loopback port with its merchant files,
// and the [payments] section of pos.toml that points a lane at it, with short timings so the
// closed loop runs in a test's time (the loop's real waits are the product's, not sleeps).
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <string>

#include "paysim/server.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

// [payments] for pos.toml pointing at a simulator on `port` whose `pos-paysim init` files are in
// `merchant_dir`: both providers, its certificate, a 1 s confirmation limit, 20 ms between calls.
inline std::string simulated_payments_toml(const std::string& merchant_dir, int port) {
    const std::string& d = merchant_dir;
    std::string url = "https://127.0.0.1:" + std::to_string(port);
    return "\n[payments]\nca_file = \"" + d + "/tls.crt\"\ncall_timeout_ms = 1000\nconfirm_seconds = 1\n" +
           "first_query_ms = 20\nquery_every_ms = 20\ncancel_after_ms = 0\ncancel_every_ms = 20\n" +
           "[payments.wechat]\nurl = \"" + url + "\"\nappid = \"" + paysim::demo_wechat_appid + "\"\nmch_id = \"" +
           paysim::demo_wechat_mch_id + "\"\nkey_file = \"" + d + "/wechat_api_key\"\n" +
           "[payments.alipay]\nurl = \"" + url + "\"\napp_id = \"" + paysim::demo_alipay_app_id +
           "\"\nprivate_key_file = \"" + d + "/alipay_app_private.pem\"\npublic_key_file = \"" + d +
           "/alipay_gateway_public.pem\"\n";
}

struct SimulatedGateway {
    TempDir dir;
    std::optional<paysim::Simulator> simulator;
    int port = 0;

    SimulatedGateway() {
        REQUIRE(paysim::write_merchant_files(dir.path()));
        auto config = paysim::load_simulator_config(dir.path(), true);
        REQUIRE(config);
        config->slow = std::chrono::milliseconds(1500);
        simulator.emplace(*config);
        port = simulator->start(0);
        REQUIRE(port > 0);
    }

    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(port); }

    [[nodiscard]] std::string payments_toml() const { return simulated_payments_toml(dir.path(), port); }

    // Appends payments_toml() to DATA_DIR/pos.toml.
    void configure(const std::string& data_dir) const {
        std::ofstream(data_dir + "/pos.toml", std::ios::app) << payments_toml();
    }
};

// A WeChat code (18 digits, 13…) or an Alipay code (16 digits, 28…) whose last two digits choose
// the simulated customer's behaviour (paysim/order_book.hpp); `n` keeps codes single-use apart.
inline std::string wechat_code(const char* scenario, int n = 0) {
    return "1346503289" + std::to_string(100000 + n) + scenario;
}
inline std::string alipay_code(const char* scenario, int n = 0) {
    return "2876344382" + std::to_string(1000 + n) + scenario;
}

}  // namespace pos::testing
