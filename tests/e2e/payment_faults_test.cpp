// Payment codes under SIGKILL: a lane (posctl session run) paying by code against the real
// pos-paysim is killed at random moments, many times, and started again. Afterwards every order is
// final, no sale was paid twice, no customer is charged for a sale that did not complete, and the
// lane's journal agrees with the gateway's statement to the fen (posctl payments reconcile).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include "tests/support/eventually.hpp"
#include "tests/support/process.hpp"
#include "tests/support/simulated_gateway.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"

using pos::testing::query_count;
using pos::testing::TempDir;

namespace {

// One customer: log in (the shift stays open across restarts), one item, a payment code that plays
// `scenario`, then cash for whatever the code did not pay.
std::string paying_script(const std::string& code) {
    return R"({"op":"login","operator":"1001","pin":"1234"})"
           "\n"
           R"({"op":"open_shift","float":"200.00"})"
           "\n"
           R"({"op":"scan","code":"6921168176748"})"
           "\n"
           R"({"op":"pay_code","code":")" +
           code +
           R"("})"
           "\n"
           R"({"op":"tender","method":"cash","amount":"100.00"})"
           "\n";
}

// Alive, without reaping it: the round reaps it after the kill (WNOWAIT leaves it waitable).
bool process_alive(pid_t pid) {
    siginfo_t info{};
    return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == 0;
}

}  // namespace

TEST_CASE(
    "payments: SIGKILL of a paying lane at random moments leaves every order final and the journal equal to "
    "the gateway") {
    // China time without tzdata: the journal's day and the simulator's statement day are the same.
    setenv("TZ", "CST-8", 1);
    TempDir dir;
    std::string data = dir.file("data");
    std::string merchant = dir.file("merchant");
    REQUIRE(pos::testing::run({POS_POSCTL, "--data", data, "init", "--demo"}, dir.path()).exit_code == 0);
    REQUIRE(pos::testing::run({POS_PAYSIM, "init", merchant}, dir.path()).exit_code == 0);
    pid_t simulator = pos::testing::spawn(
        {POS_PAYSIM, "serve", merchant, "--port", "0", "--port-file", dir.file("port"), "--slow-ms", "300"},
        dir.file("paysim.out"), dir.file("paysim.err"));
    pos::testing::KillOnExit stop_simulator(simulator);
    REQUIRE(pos::testing::eventually("pos-paysim's port file", [&] {
        return pos::testing::read_whole(dir.file("port")).find('\n') != std::string::npos;
    }));
    int port = std::stoi(pos::testing::read_whole(dir.file("port")));
    std::ofstream(data + "/pos.toml", std::ios::app) << pos::testing::simulated_payments_toml(merchant, port);

    int wanted = 40;
    if (const char* env = std::getenv("POS_PAYMENT_KILLS")) wanted = std::atoi(env);
    std::mt19937 random(20261207);
    // 00 paid, 01 confirms later, 02 never confirms, 03 refused, 06 error yet paid, 07 slow, 09 answer lost.
    const char* scenarios[] = {"00", "01", "02", "03", "06", "07", "09"};
    std::uniform_int_distribution<int> pick(0, 6);
    std::uniform_int_distribution<int> delay_us(1000, 400000);
    int killed = 0, finished = 0;
    for (int round = 0; round < wanted; ++round) {
        std::string code = (round % 3 == 2 ? pos::testing::alipay_code(scenarios[pick(random)], round)
                                           : pos::testing::wechat_code(scenarios[pick(random)], round));
        std::ofstream(dir.file("pay.jsonl")) << paying_script(code);
        pid_t lane = pos::testing::spawn({POS_POSCTL, "--data", data, "session", "run", dir.file("pay.jsonl")},
                                         dir.file("lane.out"), dir.file("lane.err"));
        // Most kills land at a random moment after the lane has reached the payment (its scan's
        // result is printed, flushed): timed from there, not from start-up, so a slow machine
        // (sanitizers, load) still kills during the payment. Every fourth is timed from start-up, to
        // hit the settling at start as well.
        if (round % 4 != 0) {
            pos::testing::eventually(
                "the lane reaching the payment",
                [&] {
                    std::string out = pos::testing::read_whole(dir.file("lane.out"));
                    return std::count(out.begin(), out.end(), '\n') >= 3 || !process_alive(lane);
                },
                std::chrono::seconds(60));
        }
        // The scenario, not a wait: the kill lands at a random moment.
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        kill(lane, SIGKILL);
        (pos::testing::wait_exit_code(lane) == -1 ? killed : finished) += 1;
    }
    MESSAGE("rounds: ", wanted, ", killed: ", killed, ", finished before the kill: ", finished);
    CHECK(killed >= wanted / 2);

    // The lane starts again: it settles before it sells.
    auto settled = pos::testing::run({POS_POSCTL, "--data", data, "payments", "settle"}, dir.path());
    CAPTURE(settled.out);
    CAPTURE(settled.err);
    REQUIRE(settled.exit_code == 0);

    std::string lane_db = data + "/lane.db";
    CHECK(query_count(lane_db, "SELECT count(*) FROM payment_attempts") > 0);
    CHECK(query_count(lane_db, "SELECT count(*) FROM payment_attempts WHERE state NOT IN ('paid','failed','closed')") ==
          0);
    // Every paid order rests on a completed sale, and no sale is paid by two.
    CHECK(query_count(lane_db,
                      "SELECT count(*) FROM payment_attempts a WHERE state = 'paid' AND NOT EXISTS "
                      "(SELECT 1 FROM sales s WHERE s.id = a.ticket_ref)") == 0);
    CHECK(query_count(lane_db,
                      "SELECT count(*) FROM (SELECT ticket_ref FROM payment_attempts WHERE state = 'paid' "
                      "GROUP BY ticket_ref HAVING count(*) > 1)") == 0);
    // The sales' code tenders are exactly the paid orders.
    CHECK(query_count(lane_db,
                      "SELECT coalesce(sum(amount_fen), 0) FROM sale_tenders WHERE method IN "
                      "('wechat','alipay','unionpay')") ==
          query_count(lane_db, "SELECT coalesce(sum(amount_fen), 0) FROM payment_attempts WHERE state = 'paid'"));

    std::string day = pos::paysim::china_clock().now_text.substr(0, 10);  // the lane runs on China time (TZ)
    auto reconciled =
        pos::testing::run({POS_POSCTL, "--data", data, "payments", "reconcile", "--day", day}, dir.path());
    CAPTURE(reconciled.out);
    CAPTURE(reconciled.err);
    CHECK(reconciled.exit_code == 0);
    CHECK(reconciled.out.find("agree to the fen") != std::string::npos);
}

TEST_CASE(
    "payments: a gateway that stays silent: settle gives up after --wait saying what is open, and the lane "
    "does not sell") {
    setenv("TZ", "CST-8", 1);
    TempDir dir;
    std::string data = dir.file("data");
    std::string merchant = dir.file("merchant");
    REQUIRE(pos::testing::run({POS_POSCTL, "--data", data, "init", "--demo"}, dir.path()).exit_code == 0);
    REQUIRE(pos::testing::run({POS_PAYSIM, "init", merchant}, dir.path()).exit_code == 0);
    pid_t simulator =
        pos::testing::spawn({POS_PAYSIM, "serve", merchant, "--port", "0", "--port-file", dir.file("port")},
                            dir.file("paysim.out"), dir.file("paysim.err"));
    pos::testing::KillOnExit stop_simulator(simulator);
    REQUIRE(pos::testing::eventually("pos-paysim's port file", [&] {
        return pos::testing::read_whole(dir.file("port")).find('\n') != std::string::npos;
    }));
    int port = std::stoi(pos::testing::read_whole(dir.file("port")));
    std::ofstream(data + "/pos.toml", std::ios::app) << pos::testing::simulated_payments_toml(merchant, port);

    // A customer who never confirms: the lane is killed while it waits, the order open.
    std::string lane_db = data + "/lane.db";
    std::ofstream(dir.file("pay.jsonl")) << paying_script(pos::testing::wechat_code("02", 1));
    pid_t lane = pos::testing::spawn({POS_POSCTL, "--data", data, "session", "run", dir.file("pay.jsonl")},
                                     dir.file("lane.out"), dir.file("lane.err"));
    REQUIRE(pos::testing::eventually(
        "an open order in the journal",
        [&] {
            return query_count(
                       lane_db,
                       "SELECT count(*) FROM payment_attempts WHERE state IN ('requested','waiting','unknown')") > 0;
        },
        std::chrono::seconds(60)));
    kill(lane, SIGKILL);
    pos::testing::wait_exit_code(lane);
    // The gateway goes silent.
    kill(stop_simulator.release(), SIGKILL);
    pos::testing::wait_exit_code(simulator);

    auto settled = pos::testing::run({POS_POSCTL, "--data", data, "payments", "settle", "--wait", "2"}, dir.path());
    CAPTURE(settled.out);
    CAPTURE(settled.err);
    CHECK(settled.exit_code == 1);
    CHECK(settled.err.find("1 payment-code order(s) or refund(s) are still open") != std::string::npos);
    CHECK(settled.err.find("posctl payments settle") != std::string::npos);

    std::ofstream(dir.file("sell.jsonl")) << R"({"op":"login","operator":"1001","pin":"1234"})"
                                             "\n"
                                             R"({"op":"scan","code":"6921168176748"})"
                                             "\n"
                                             R"({"op":"tender","method":"cash","amount":"100.00"})"
                                             "\n";
    auto sold = pos::testing::run(
        {POS_POSCTL, "--data", data, "session", "run", dir.file("sell.jsonl"), "--settle-wait", "1"}, dir.path());
    CAPTURE(sold.err);
    CHECK(sold.exit_code == 1);
    CHECK(sold.out.empty());  // not one action ran
    CHECK(query_count(lane_db, "SELECT count(*) FROM sales") == 0);
    CHECK(query_count(lane_db,
                      "SELECT count(*) FROM payment_attempts WHERE state IN ('requested','waiting','unknown')") == 1);
}
