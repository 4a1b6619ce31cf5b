// pos-paysim: the payment-gateway simulator for tests and the demo store (docs/payments.md).
// It answers WeChat Pay v2 and Alipay OpenAPI requests as their documents say, on 127.0.0.1 only.
//   pos-paysim init DIR                 merchant keys, API key and TLS certificate (once)
//   pos-paysim serve DIR [--port N] [--http] [--slow-ms MS] [--port-file F]
#include <csignal>
#include <pthread.h>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "paysim/keys.hpp"
#include "paysim/server.hpp"

int main(int argc, char** argv) {
    CLI::App app{"pos-paysim: a WeChat Pay / Alipay gateway simulator on 127.0.0.1 (never a real payment)"};
    app.require_subcommand(1);
    std::string dir;
    auto* init = app.add_subcommand("init", "make the merchant keys, API key and TLS certificate in DIR");
    init->add_option("dir", dir, "folder for the merchant files")->required();
    auto* serve = app.add_subcommand("serve", "answer gateway requests until stopped (SIGTERM, SIGINT)");
    serve->add_option("dir", dir, "folder made by pos-paysim init")->required();
    int port = 8740;
    bool http = false;
    int slow_ms = 3000;
    std::string port_file;
    serve->add_option("--port", port, "port on 127.0.0.1; 0 picks a free one")->capture_default_str();
    serve->add_flag("--http", http, "plain http instead of https (tests of the transport only)");
    serve->add_option("--slow-ms", slow_ms, "how late a slow answer (codes ending 07) comes")->capture_default_str();
    serve->add_option("--port-file", port_file, "write the port here once listening");
    CLI11_PARSE(app, argc, argv);

    if (*init) {
        auto made = pos::paysim::write_merchant_files(dir);
        if (!made) {
            std::cerr << "pos-paysim: " << made.error().message << "\n";
            return 1;
        }
        std::cout << "merchant files in " << dir << "\n";
        return 0;
    }
    auto config = pos::paysim::load_simulator_config(dir, !http);
    if (!config) {
        std::cerr << "pos-paysim: " << config.error().message << "\n";
        return 2;
    }
    config->slow = std::chrono::milliseconds(slow_ms);
    // SIGTERM and SIGINT are taken by sigwait below, on this thread, never by the server's.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    pos::paysim::Simulator simulator(*config);
    int bound = simulator.start(port);
    if (bound == 0) {
        std::cerr << "pos-paysim: cannot listen on 127.0.0.1:" << port << " (in use?): choose another --port\n";
        return 1;
    }
    if (!port_file.empty()) std::ofstream(port_file) << bound << "\n";
    std::cout << "pos-paysim: " << (http ? "http" : "https") << "://127.0.0.1:" << bound << std::endl;
    int received = 0;
    sigwait(&stop_signals, &received);
    simulator.stop();
    return 0;
}
