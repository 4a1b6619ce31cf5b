// posctl hq push [--batch N] | hq pull | hq status: a one-machine store's records to the chain's head
// office, and its price changes back (docs/head-office.md). The store keeps selling while the head
// office is away; a push drains it.
#include <iostream>

#include <fmt/format.h>

#include "chain/head_office_pull.hpp"
#include "chain/head_office_push.hpp"
#include "db/store/head_office_outbox.hpp"
#include "pos/actions/setup/head_office_adoption.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/cli/commands.hpp"
#include "pos/cli/terminal_progress.hpp"

namespace pos::cli {
namespace {

constexpr int exit_head_office_away = 3;

core::Result<std::unique_ptr<db::StoreDb>> store_with_head_office(const std::string& data_dir,
                                                                  actions::LaneConfig& config) {
    auto loaded = actions::load_config(data_dir);
    if (!loaded) return loaded.error();
    config = *loaded;
    if (!config.store_url.empty()) {
        return core::make_error(core::ErrorCode::bad_input,
                                "this lane syncs to pos-store: the store server pushes to the head office "
                                "(pos-store --head-office ...), not the lane");
    }
    return actions::open_store(data_dir, config);
}

int run_push(const std::string& data_dir, int batch) {
    actions::LaneConfig config;
    auto store = store_with_head_office(data_dir, config);
    if (!store) return report(store.error());
    if (config.head_office_conninfo.empty()) {
        return report(core::make_error(core::ErrorCode::bad_input,
                                       "no head office configured: add [head_office] conninfo (and password_file) "
                                       "to pos.toml, with the role pos-hq store add printed"));
    }
    chain::PushOptions options{config.head_office_conninfo, config.head_office_password_file, batch};
    auto backlog = db::head_office_backlog(**store);  // the line's total; unknown (0) if it cannot be counted
    auto pushed = [&] {
        TerminalProgress shown("pushing to the head office", backlog ? *backlog : 0, "records");  // terminal only
        return chain::push_to_head_office(**store, options, [&](const chain::PushReport& so_far) {
            shown.update(so_far.stored + so_far.repeated + so_far.conflicts);
        });
    }();
    if (!pushed) {
        std::cerr << "posctl: " << pushed.error().message << "\n";
        return pushed.error().head_office_away ? exit_head_office_away : exit_failure;
    }
    std::cout << fmt::format("pushed {} batch(es): {} new, {} already at the head office, {} left\n", pushed->batches,
                             pushed->stored, pushed->repeated, pushed->left);
    if (pushed->conflicts > 0) {
        std::cerr << fmt::format(
            "posctl: {} record(s) reached the head office with other content than it already had: kept aside in "
            "ingest_conflicts, nothing overwritten; tell the chain's IT\n",
            pushed->conflicts);
        return exit_failure;
    }
    return exit_ok;
}

int run_pull(const std::string& data_dir) {
    actions::LaneConfig config;
    auto store = store_with_head_office(data_dir, config);
    if (!store) return report(store.error());
    if (config.head_office_conninfo.empty()) {
        return report(core::make_error(core::ErrorCode::bad_input,
                                       "no head office configured: add [head_office] conninfo to pos.toml"));
    }
    chain::PushOptions options{config.head_office_conninfo, config.head_office_password_file, 0};
    auto pulled = chain::pull_from_head_office(**store, options, actions::head_office_adoption_recorder(config.lane));
    if (!pulled) {
        std::cerr << "posctl: " << pulled.error().message << "\n";
        return pulled.error().head_office_away ? exit_head_office_away : exit_failure;
    }
    for (const chain::PulledPriceChange& change : pulled->price_changes) {
        if (change.store_id == 0) {
            std::cout << fmt::format("head office price change {}: none of its items is sold here\n", change.hq_id);
        } else {
            std::cout << fmt::format("head office price change {} adopted as price change {}, effective {}\n",
                                     change.hq_id, change.store_id, change.effective_on);
        }
        for (const std::string& sku : change.skipped_skus) {
            std::cout << fmt::format("  {} is not in this store's catalog: skipped\n", sku);
        }
    }
    for (const std::string& line : chain::master_data_lines(*pulled)) std::cout << line << "\n";
    if (pulled->nothing()) std::cout << "nothing new from the head office\n";
    return exit_ok;
}

int run_status(const std::string& data_dir) {
    actions::LaneConfig config;
    auto store = store_with_head_office(data_dir, config);
    if (!store) return report(store.error());
    auto left = db::head_office_backlog(**store);
    if (!left) return report(core::make_error(core::ErrorCode::io, left.error().message));
    std::cout << fmt::format("head office: {}\nwaiting to be pushed: {} record(s)\n",
                             config.head_office_conninfo.empty() ? "not configured" : config.head_office_conninfo,
                             *left);
    return exit_ok;
}

}  // namespace

void register_head_office(CLI::App& app, Command& command) {
    auto* hq = app.add_subcommand("hq", "the chain's head office (总部)");
    hq->require_subcommand(1);
    auto batch = std::make_shared<int>(500);
    auto* push = hq->add_subcommand("push", "send store.db's records the head office has not acknowledged");
    push->add_option("--batch", *batch, "records per head office transaction (default 500)")
        ->check(CLI::Range(1, 100000));
    push->callback(
        [&command, batch] { command = [batch](const std::string& data_dir) { return run_push(data_dir, *batch); }; });
    auto* pull = hq->add_subcommand(
        "pull", "take the head office's approved price changes, chain catalog and promotions for this store");
    pull->callback([&command] { command = [](const std::string& data_dir) { return run_pull(data_dir); }; });
    auto* status = hq->add_subcommand("status", "what waits to be pushed");
    status->callback([&command] { command = [](const std::string& data_dir) { return run_status(data_dir); }; });
}

}  // namespace pos::cli
