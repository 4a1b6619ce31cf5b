// posctl's subcommands: each registers its options and sets the function main runs.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "pos/actions/payments/payment_desk.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/core/result.hpp"

namespace pos::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_bad_input = 2;

// Runs the chosen subcommand with the resolved data directory; returns the exit code.
using Command = std::function<int(const std::string& data_dir)>;

void register_commands(CLI::App& app, const std::string& data_dir, Command& command);

// posctl sync (pos/cli/sync_command.cpp).
void register_sync(CLI::App& app, Command& command);

// Subcommands kept in files of their own.
void register_user(CLI::App& app, Command& command);
void register_devices(CLI::App& app, Command& command);  // devices_command.cpp
void register_shift(CLI::App& app, Command& command);
void register_day(CLI::App& app, Command& command);         // day_command.cpp: 日结
void register_audit(CLI::App& app, Command& command);       // audit_command.cpp
void register_kept_aside(CLI::App& app, Command& command);  // kept_aside_command.cpp

// posctl receipt render (pos/cli/receipt_command.cpp).
void register_receipt(CLI::App& app, Command& command);

void register_report(CLI::App& app, Command& command);        // report_command.cpp: the daily report
void register_demo(CLI::App& app, Command& command);          // demo_command.cpp: demo generate
void register_member(CLI::App& app, Command& command);        // member_command.cpp: member credit accounts
void register_promo(CLI::App& app, Command& command);         // promo_command.cpp: promotions
void register_price_change(CLI::App& app, Command& command);  // price_change_command.cpp: 变价单
void register_payments(CLI::App& app, Command& command);      // payments_command.cpp: 付款码 orders, 对账
void register_head_office(CLI::App& app, Command& command);   // head_office_command.cpp: hq push, hq status
void register_stock(CLI::App& app, Command& command);         // stock_command.cpp: stock documents
// `report stock` under the report group (stock_report_command.cpp).
void register_stock_report(CLI::App& report_group, Command& command);

// Settles the payment-code orders and refunds a stopped lane left open (payments_command.cpp),
// waiting at most `wait_seconds` for the gateways; prints what it did when `verbose`. False (after
// saying on stderr what is still open and what to do) when any is not final: the lane must not sell.
[[nodiscard]] bool settle_open_payments(actions::PaymentDesk& desk, int wait_seconds, bool verbose);
inline constexpr int default_settle_wait_seconds = 60;

// Prints `body` (out empty) or writes it to the file `out`, saying on stderr that it wrote `what`.
[[nodiscard]] int write_out(const std::string& body, const std::string& out, const std::string& what);

// Prints the error on stderr and returns its exit code (2 for bad input, else 1).
[[nodiscard]] int report(const core::Error& error);

}  // namespace pos::cli
