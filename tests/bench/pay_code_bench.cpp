// Benchmark: a payment code (付款码) paid at the lane against the gateway simulator (pos::paysim on
// loopback TLS), against a baseline measured in the same run, alternating so both see the same load:
//   baseline: the gateway's charge call alone (signed request, TLS, the simulator's answer);
//   pay_code: what the cashier waits for: the attempt journaled in lane.db, the same charge, the
//     answer journaled, the sale committed with its tender and outbox row (each commit an fsync).
// PAY_BENCH_RUNS (default 200) pairs; a customer who pays at once (scenario "00").
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "pos/actions/payments/payment_desk.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/config.hpp"
#include "tests/support/demo_lane.hpp"
#include "tests/support/simulated_gateway.hpp"

using Clock = std::chrono::steady_clock;

namespace {

struct Percentiles {
    double p50_ms = 0;
    double p99_ms = 0;
};

Percentiles percentiles(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    return {at(0.50), at(0.99)};
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("bench: payment code round trip, lane to the gateway simulator") {
    const char* runs_text = std::getenv("PAY_BENCH_RUNS");
    const int runs = runs_text ? std::max(1, std::atoi(runs_text)) : 200;
    pos::testing::SimulatedGateway gateway;
    pos::testing::DemoLane lane;
    gateway.configure(lane.dir.path());
    auto config = pos::actions::load_config(lane.dir.path());
    REQUIRE(config);
    auto desk = pos::actions::open_payment_desk(lane.dir.path(), *config);
    REQUIRE(desk);
    REQUIRE(*desk);
    auto wechat = (*desk)->gateway("wechat");
    REQUIRE(wechat);
    lane.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    lane.ok(R"({"op":"open_shift","float":"200.00"})");

    std::vector<double> bare;
    std::vector<double> paid;
    for (int i = 0; i < runs; ++i) {
        pos::payments::ChargeRequest request{fmt::format("BENCH-{:06}", i), 200, pos::testing::wechat_code("00", 2 * i),
                                             "bench", "bench lane"};
        auto start = Clock::now();
        pos::payments::GatewayAnswer answer = (*wechat)->charge(request);
        bare.push_back(ms_since(start));
        REQUIRE(answer.state == pos::payments::OrderState::paid);

        lane.ok(R"({"op":"scan","code":"6921168176748"})");  // not timed: the ticket to pay
        nlohmann::json action = {{"op", "pay_code"}, {"code", pos::testing::wechat_code("00", 2 * i + 1)}};
        start = Clock::now();
        nlohmann::json result = pos::actions::apply_action(
            *lane.lane, action, [&] { return lane.now; }, desk->get());
        paid.push_back(ms_since(start));
        CAPTURE(result.dump());
        REQUIRE(result["ok"] == true);
        REQUIRE(result["complete"] == true);
    }
    Percentiles b = percentiles(bare);
    Percentiles p = percentiles(paid);
    std::printf("\npayment code round trip, %d pairs (ms)\n", runs);
    std::printf("%-44s %10s %10s %10s\n", "case", "p50", "p99", "p50 ratio");
    std::printf("%-44s %10.2f %10.2f %10.2f\n", "gateway charge alone (TLS, simulator)", b.p50_ms, b.p99_ms, 1.0);
    std::printf("%-44s %10.2f %10.2f %10.2f\n", "pay_code: journal, charge, sale committed", p.p50_ms, p.p99_ms,
                p.p50_ms / b.p50_ms);
}
