// cpp-httplib server for the simulator: one handler per protocol, faults applied around them.
#include "paysim/server.hpp"

#include <ctime>

#include <httplib.h>

namespace pos::paysim {
namespace {

void send(const Answer& answer, httplib::Response& response, std::chrono::milliseconds slow) {
    if (answer.fault == Fault::slow) std::this_thread::sleep_for(slow);  // the scenario itself: a late gateway
    if (answer.fault == Fault::drop || answer.fault == Fault::drop_after) {
        // A content provider that gives up closes the connection before any body arrives.
        response.set_content_provider(1, "text/plain", [](size_t, size_t, httplib::DataSink&) { return false; });
        return;
    }
    response.set_content(answer.body, answer.content_type.c_str());
}

}  // namespace

support::Expected<SimulatorConfig, SetupError> load_simulator_config(const std::string& dir, bool tls) {
    SimulatorConfig config;
    auto api_key = read_text(dir + "/wechat_api_key");
    auto app_public = read_text(dir + "/alipay_app_public.pem");
    auto gateway_private = read_text(dir + "/alipay_gateway_private.pem");
    if (!api_key || !app_public || !gateway_private) {
        return SetupError{"no merchant set-up in " + dir + ": run `pos-paysim init " + dir + "` first"};
    }
    config.wechat = {demo_wechat_appid, demo_wechat_mch_id, *api_key};
    config.alipay = {demo_alipay_app_id, *app_public, *gateway_private};
    if (tls) {
        config.tls_cert = dir + "/tls.crt";
        config.tls_key = dir + "/tls.key";
    }
    return config;
}

Clock china_clock() {
    std::time_t now = std::time(nullptr) + 8 * 3600;
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S", &parts);
    return Clock{text};
}

Simulator::Simulator(SimulatorConfig config) : config_(std::move(config)) {
    if (!config_.tls_cert.empty()) {
        server_ = std::make_unique<httplib::SSLServer>(config_.tls_cert.c_str(), config_.tls_key.c_str());
    } else {
        server_ = std::make_unique<httplib::Server>();
    }
    routes();
}

Simulator::~Simulator() { stop(); }

void Simulator::routes() {
    for (const char* path : {"/pay/micropay", "/pay/orderquery", "/secapi/pay/reverse", "/secapi/pay/refund",
                             "/pay/refundquery", "/pay/downloadbill"}) {
        server_->Post(
            path, [this, path = std::string(path)](const httplib::Request& request, httplib::Response& response) {
                send(handle_wechat(book_, config_.wechat, path, request.body, china_clock()), response, config_.slow);
            });
    }
    server_->Post("/gateway.do", [this](const httplib::Request& request, httplib::Response& response) {
        std::map<std::string, std::string> params;
        for (const auto& [name, value] : request.params) params[name] = value;
        send(handle_alipay(book_, config_.alipay, params, china_clock()), response, config_.slow);
    });
}

int Simulator::start(int port) {
    int bound =
        port == 0 ? server_->bind_to_any_port("127.0.0.1") : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound <= 0) return 0;
    thread_ = std::thread([this]() { server_->listen_after_bind(); });
    return bound;
}

bool Simulator::serve(int port) { return server_->listen("127.0.0.1", port); }

void Simulator::stop() {
    // stop() only reaches a server whose accept loop has begun: wait for the thread to get there.
    auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (thread_.joinable() && !server_->is_running() && std::chrono::steady_clock::now() < limit) {
        std::this_thread::yield();
    }
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
}

}  // namespace pos::paysim
