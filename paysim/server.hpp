// The simulator's HTTP(S) server on a loopback address: WeChat Pay's paths and Alipay's
// /gateway.do, with the faults each scenario asks for (a late answer, a dropped connection).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "paysim/alipay_api.hpp"
#include "paysim/keys.hpp"
#include "paysim/order_book.hpp"
#include "paysim/wechat_api.hpp"

namespace httplib {
class Server;
}

namespace pos::paysim {

struct SimulatorConfig {
    WechatMerchant wechat;
    AlipayMerchant alipay;
    std::string tls_cert;  // PEM files; empty: plain http (loopback only)
    std::string tls_key;
    std::chrono::milliseconds slow{3000};  // how late a "slow" answer comes
};

class Simulator {
public:
    explicit Simulator(SimulatorConfig config);
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    // Listens on 127.0.0.1:`port` (0: any free port) on a thread of its own; returns the port,
    // or 0 when it could not listen.
    int start(int port);
    // Blocks serving on 127.0.0.1:`port` until stop() (the pos-paysim program).
    bool serve(int port);
    void stop();

    [[nodiscard]] OrderBook& book() { return book_; }

private:
    void routes();
    SimulatorConfig config_;
    OrderBook book_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
};

// The merchant files of `pos-paysim init DIR` read back; with `tls`, HTTPS with DIR/tls.crt.
[[nodiscard]] support::Expected<SimulatorConfig, SetupError> load_simulator_config(const std::string& dir, bool tls);

// The clock the simulator stamps orders with: the system clock in China time (UTC+8).
[[nodiscard]] Clock china_clock();

}  // namespace pos::paysim
