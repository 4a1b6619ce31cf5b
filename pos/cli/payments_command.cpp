// posctl payments list|settle|reconcile: the lane's payment-code orders (付款码) and refunds of a
// day, settling what a stopped lane left open, and the day's reconciliation with the gateways
// (对账) — for the shift lead and the store technician (docs/payments.md).
#include <chrono>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "pos/actions/payments/payment_desk.hpp"
#include "pos/actions/payments/reconcile.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

core::Result<std::unique_ptr<actions::PaymentDesk>> desk_of(const std::string& data_dir) {
    auto lane = actions::open_lane(data_dir);  // migrates lane.db, as every command does
    if (!lane) return lane.error();
    auto desk = actions::open_payment_desk(data_dir, lane->config);
    if (!desk) return desk.error();
    if (!*desk) {
        return core::make_error(core::ErrorCode::bad_input,
                                "payment codes are not set up on this lane: see [payments] in docs/payments.md");
    }
    return std::move(*desk);
}

int list(const std::string& data_dir, const std::string& day) {
    auto desk = desk_of(data_dir);
    if (!desk) return report(desk.error());
    auto orders = (*desk)->orders_of_day(day);
    if (!orders) return report(orders.error());
    auto refunds = (*desk)->refunds_of_day(day);
    if (!refunds) return report(refunds.error());
    std::cout << fmt::format("{:<20} {:<8} {:<20} {:>9} {:<7} {}\n", "order", "provider", "code", "amount", "state",
                             "transaction / last answer");
    for (const actions::CodeOrder& order : *orders) {
        std::string detail = order.state == "paid" ? order.transaction_id : order.last_code + " " + order.last_message;
        std::cout << fmt::format("{:<20} {:<8} {:<20} {:>9} {:<7} {}\n", order.out_trade_no, order.provider,
                                 order.masked_code, order.amount.to_string(), order.state, detail);
    }
    for (const actions::CodeRefund& refund : *refunds) {
        std::cout << fmt::format("{:<20} {:<8} {:<20} {:>9} {:<7} {}\n", refund.out_refund_no, "refund",
                                 refund.out_trade_no, refund.amount.to_string(), refund.state,
                                 refund.last_code + " " + refund.last_message);
    }
    return exit_ok;
}

int settle(const std::string& data_dir, int wait_seconds) {
    auto desk = desk_of(data_dir);
    if (!desk) return report(desk.error());
    return settle_open_payments(**desk, wait_seconds, true) ? exit_ok : exit_failure;
}

int reconcile(const std::string& data_dir, const std::string& day) {
    auto desk = desk_of(data_dir);
    if (!desk) return report(desk.error());
    auto result = actions::reconcile_day(**desk, day);
    if (!result) return report(result.error());
    std::cout << fmt::format("对账 reconciliation of {} (lane {}): {} orders, {} refunds\n", result->day,
                             (*desk)->lane(), result->orders, result->refunds);
    for (const auto& [provider, amount] : result->taken) {
        core::Money refunded = result->refunded.contains(provider) ? result->refunded.at(provider) : core::Money{};
        std::cout << fmt::format("  {:<8} paid {:>10}  refunded {:>10}\n", provider, amount.to_string(),
                                 refunded.to_string());
    }
    if (result->differences.empty()) {
        std::cout << "the lane and the gateways agree to the fen\n";
        return exit_ok;
    }
    std::cout << result->differences.size() << " difference(s):\n";
    for (const core::PaymentDifference& difference : result->differences) {
        std::cout << fmt::format("  {}: {}\n", difference.number, difference.what);
    }
    return exit_failure;
}

}  // namespace

bool settle_open_payments(actions::PaymentDesk& desk, int wait_seconds, bool verbose) {
    actions::PaymentControl control;
    control.stop_after(std::chrono::seconds(wait_seconds));
    auto settled = desk.settle_at_start(control);
    if (!settled) {
        static_cast<void>(report(settled.error()));
        return false;
    }
    int open = 0;
    for (const actions::CodeOrder& order : settled->orders) {
        if (verbose) {
            std::cout << fmt::format("{} {} {} → {}\n", order.out_trade_no, order.provider, order.amount.to_string(),
                                     order.state);
        }
        open += order.state == "closed" ? 0 : 1;
    }
    for (const actions::CodeRefund& refund : settled->refunds) {
        if (verbose) {
            std::cout << fmt::format("{} refund {} → {}\n", refund.out_refund_no, refund.amount.to_string(),
                                     refund.state);
        }
        open += refund.state == "refunded" || refund.state == "failed" ? 0 : 1;
    }
    if (verbose && settled->orders.empty() && settled->refunds.empty()) std::cout << "nothing was open\n";
    if (settled->all_final) return true;
    std::cerr << fmt::format(
        "{} payment-code order(s) or refund(s) are still open: the gateway did not settle them within {} s. "
        "The lane must not sell until they are final: check the network and [payments] in pos.toml, then run "
        "`posctl payments settle` again (docs/payments.md).\n",
        open, wait_seconds);
    return false;
}

void register_payments(CLI::App& app, Command& command) {
    auto* payments = app.add_subcommand("payments", "payment codes (付款码): orders, settling, reconciliation (对账)");
    payments->require_subcommand(1);
    auto day = std::make_shared<std::string>();

    auto* list_command = payments->add_subcommand("list", "the lane's payment-code orders and refunds of a day");
    list_command->add_option("--day", *day, "yyyy-mm-dd (default: today)");
    list_command->callback([&command, day] {
        command = [day](const std::string& data_dir) {
            return list(data_dir, day->empty() ? actions::local_now().substr(0, 10) : *day);
        };
    });

    auto* settle_command = payments->add_subcommand(
        "settle", "drive every open order to a final state now (what pos does at start; not while pos is running)");
    auto wait_seconds = std::make_shared<int>(default_settle_wait_seconds);
    settle_command->add_option("--wait", *wait_seconds, "seconds to wait for silent gateways before giving up")
        ->check(CLI::Range(1, 86400));
    settle_command->callback([&command, wait_seconds] {
        command = [wait_seconds](const std::string& data_dir) { return settle(data_dir, *wait_seconds); };
    });

    auto* reconcile_command = payments->add_subcommand(
        "reconcile", "compare a day's orders and refunds with the gateways' records; exit 1 on any difference");
    reconcile_command->add_option("--day", *day, "yyyy-mm-dd (default: yesterday is usual; today works too)")
        ->required();
    reconcile_command->callback(
        [&command, day] { command = [day](const std::string& data_dir) { return reconcile(data_dir, *day); }; });
}

}  // namespace pos::cli
