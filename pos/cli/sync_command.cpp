// posctl sync: push this lane's outbox to the store database (docs/design.md "posctl"). --once drains and
// prints a summary; without it, runs the sync worker until SIGINT or SIGTERM (for a technician).
#include <signal.h>

#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chain/head_office_round.hpp"
#include "db/lane/outbox.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/head_office_adoption.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

using nlohmann::json;

struct SyncOptions {
    bool once = false;
    bool status_only = false;
    std::string format = "text";
    int64_t batch = 50;
    std::string resend_since;
    int64_t interval_ms = 2000;
    int64_t max_retry_ms = 60000;
    int64_t head_office_every = 300;  // seconds between pushes to the head office; 0: never
};

json or_null(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }
json or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// The lane's catalog after a pass: updated (true), already current (false), not checked (nullopt).
struct CatalogLine {
    std::optional<bool> updated;
    int64_t version = 0;
};

// The lane's users and members after a pass, the same way.
struct DirectoryLine {
    std::optional<bool> updated;
    db::DirectoryVersion version;
};

void print_summary(const sync::SyncCounts& counts, const db::SyncStatus& status, const std::string& format,
                   bool include_counts, std::optional<CatalogLine> catalog = std::nullopt,
                   std::optional<DirectoryLine> directory = std::nullopt) {
    if (format == "json") {
        json out = {{"queue_depth", status.queue_depth},
                    {"oldest_unsynced", or_null(status.oldest_unsynced)},
                    {"last_sync_at", or_null(status.last_sync_at)},
                    {"last_attempt_at", or_null(status.last_attempt_at)},
                    {"last_error", or_null(status.last_error)},
                    {"last_error_code", or_null(status.last_error_code)},
                    {"failures", status.failures}};
        json alarms = json::array();
        for (const db::SyncAlarm& alarm : status.alarms) {
            alarms.push_back({{"seq", alarm.seq},
                              {"kind", alarm.kind},
                              {"ref", alarm.ref},
                              {"why", alarm.why},
                              {"reason", alarm.reason},
                              {"at", alarm.at}});
        }
        out["kept_aside"] = alarms;
        if (include_counts) {
            out["sent"] = counts.sent;
            out["stored"] = counts.stored;
            out["already"] = counts.already;
            out["kept_aside_now"] = counts.kept_aside;
            out["batches"] = counts.batches;
        }
        if (catalog) {
            out["catalog_version"] = catalog->version;
            out["catalog_updated"] = catalog->updated ? json(*catalog->updated) : json(nullptr);
        }
        if (directory) {
            out["users_version"] = directory->version.users;
            out["members_version"] = directory->version.members;
            out["directory_updated"] = directory->updated ? json(*directory->updated) : json(nullptr);
        }
        std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
        return;
    }
    if (include_counts) {
        std::cout << fmt::format("sent {} records ({} stored, {} already there{}) in {} {}\n", counts.sent,
                                 counts.stored, counts.already,
                                 counts.kept_aside > 0 ? fmt::format(", {} kept aside", counts.kept_aside) : "",
                                 counts.batches, counts.batches == 1 ? "batch" : "batches");
    }
    std::cout << fmt::format("queue: {} waiting\n", status.queue_depth);
    std::cout << fmt::format("oldest unsynced: {}\n", status.oldest_unsynced.value_or("none"));
    std::cout << fmt::format("last sync: {}\n", status.last_sync_at.value_or("never"));
    std::cout << fmt::format("last error: {}\n", status.last_error.empty() ? "none" : status.last_error);
    // Kept aside at the store (a conflict, a fork of the audit chain, a record it cannot read):
    // never lost, but a manager must look at each (docs/store-service.md "Records kept aside").
    if (!status.alarms.empty()) {
        std::cout << fmt::format("ALARM: {} record(s) kept aside at the store, tell the manager:\n",
                                 status.alarms.size());
        for (const db::SyncAlarm& alarm : status.alarms) {
            std::cout << fmt::format("  {} {} {} (outbox #{}, {}): {}\n", alarm.why, alarm.kind, alarm.ref, alarm.seq,
                                     alarm.at, alarm.reason);
        }
    }
    if (catalog && catalog->updated) {
        std::cout << fmt::format("catalog: {} (version {})\n", *catalog->updated ? "updated from the store" : "current",
                                 catalog->version);
    }
    if (directory && directory->updated) {
        std::cout << fmt::format("users and members: {} (users version {}, members version {})\n",
                                 *directory->updated ? "updated from the store" : "current", directory->version.users,
                                 directory->version.members);
    }
    std::cout.flush();
}

// Blocks SIGINT and SIGTERM in every thread (the worker inherits the mask) so that the main
// thread alone receives them, with sigtimedwait, and stops the worker cleanly.
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

int run_continuous(const std::string& data_dir, actions::OpenLane& lane, const SyncOptions& options) {
    sigset_t signals = stop_signals();
    sync::SyncWorkerOptions worker_options;
    worker_options.batch_size = options.batch;
    worker_options.interval = std::chrono::milliseconds(options.interval_ms);
    worker_options.max_retry = std::chrono::milliseconds(options.max_retry_ms);
    worker_options.first_retry = std::min(worker_options.first_retry, worker_options.max_retry);
    // A one-machine store with a head office pushes to it from this worker, after a pass (issue 22).
    std::shared_ptr<chain::HeadOfficeRound> head_office;
    if (!lane.config.head_office_conninfo.empty() && lane.config.store_url.empty() && options.head_office_every > 0) {
        head_office = std::make_shared<chain::HeadOfficeRound>(
            actions::store_db_path(data_dir, lane.config),
            chain::PushOptions{lane.config.head_office_conninfo, lane.config.head_office_password_file},
            std::chrono::seconds(options.head_office_every), actions::head_office_adoption_recorder(lane.config.lane),
            [](const std::string& line) { std::cout << (actions::local_now() + " " + line + "\n") << std::flush; });
        worker_options.after_pass = [head_office] { head_office->run_if_due(); };
    }
    auto worker = actions::make_sync_worker(data_dir, lane.config, worker_options);
    worker->start();
    std::cout << fmt::format("syncing {} to {} (Ctrl-C to stop)\n", data_dir,
                             actions::store_description(data_dir, lane.config))
              << std::flush;
    sync::SyncCounts reported;
    std::string reported_error;
    int64_t catalog_updates = 0;
    int64_t directory_updates = 0;
    const timespec tick{0, 200'000'000};
    for (;;) {
        int received = sigtimedwait(&signals, nullptr, &tick);
        sync::SyncSnapshot snapshot = worker->snapshot();
        if (snapshot.totals.sent != reported.sent) {
            std::cout << fmt::format("{} sent {} records: {} stored, {} already there; queue: {} waiting\n",
                                     actions::local_now(), snapshot.totals.sent - reported.sent,
                                     snapshot.totals.stored - reported.stored,
                                     snapshot.totals.already - reported.already, snapshot.status.queue_depth)
                      << std::flush;
            reported = snapshot.totals;
        }
        if (snapshot.catalog_updates != catalog_updates) {
            std::cout << fmt::format("{} catalog updated from the store\n", actions::local_now()) << std::flush;
            catalog_updates = snapshot.catalog_updates;
        }
        if (snapshot.directory_updates != directory_updates) {
            std::cout << fmt::format("{} users and members updated from the store\n", actions::local_now())
                      << std::flush;
            directory_updates = snapshot.directory_updates;
        }
        std::string error = snapshot.error ? snapshot.error->message : "";
        if (error != reported_error) {
            if (error.empty())
                std::cerr << "posctl: sync: the store is taking records again\n";
            else
                std::cerr << fmt::format("posctl: sync: {} (retrying in {} s)\n", error,
                                         (snapshot.retry_in.count() + 999) / 1000);
            reported_error = error;
        }
        if (received == SIGINT || received == SIGTERM) break;
    }
    worker->stop();
    auto status = db::read_sync_status(*lane.db);
    if (!status) return report(actions::storage_error(status.error()));
    print_summary(worker->snapshot().totals, *status, options.format, true);
    return exit_ok;
}

int run_sync(const std::string& data_dir, const SyncOptions& options) {
    auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    if (!options.resend_since.empty()) {
        auto requeued = db::requeue_since(*lane->db, options.resend_since);
        if (!requeued) return report(actions::storage_error(requeued.error()));
        std::cerr << fmt::format("posctl: queued {} records from {} on to be sent again\n", *requeued,
                                 options.resend_since);
    }
    if (options.status_only) {
        auto status = db::read_sync_status(*lane->db);
        if (!status) return report(actions::storage_error(status.error()));
        print_summary({}, *status, options.format, false);
        return exit_ok;
    }
    if (!options.once) return run_continuous(data_dir, *lane, options);

    sync::SyncOutcome outcome;
    auto store = actions::store_sink_opener(data_dir, lane->config)();
    if (!store) {
        (void)db::record_sync_failure(*lane->db, store.error(), actions::local_now());
        outcome.error = store.error();
    } else {
        outcome = sync::sync_pass(*lane->db, **store, options.batch, actions::local_now);
    }
    // With the lane's records delivered, bring its catalog up to the store's.
    std::optional<bool> catalog_updated;
    if (store && !outcome.error) {
        auto refreshed = sync::refresh_catalog(*lane->db, **store, actions::local_now());
        if (!refreshed) {
            (void)db::record_sync_failure(*lane->db, refreshed.error(), actions::local_now());
            outcome.error = refreshed.error();
        } else {
            catalog_updated = *refreshed;
        }
    }
    // Then its operators and members (db/shared/directory_sync.hpp).
    std::optional<bool> directory_updated;
    if (store && !outcome.error) {
        auto refreshed = sync::refresh_directory(*lane->db, **store, actions::local_now());
        if (!refreshed) {
            (void)db::record_sync_failure(*lane->db, refreshed.error(), actions::local_now());
            outcome.error = refreshed.error();
        } else {
            directory_updated = *refreshed;
        }
    }
    auto status = db::read_sync_status(*lane->db);
    if (!status) return report(actions::storage_error(status.error()));
    auto catalog_version = db::applied_catalog_version(*lane->db);
    if (!catalog_version) return report(actions::storage_error(catalog_version.error()));
    auto directory_version = db::applied_directory_version(*lane->db);
    if (!directory_version) return report(actions::storage_error(directory_version.error()));
    print_summary(outcome.counts, *status, options.format, true, CatalogLine{catalog_updated, catalog_version->number},
                  DirectoryLine{directory_updated, *directory_version});
    if (outcome.error) {
        std::cerr << "posctl: sync stopped, the lane keeps every unsent record: " << outcome.error->message << "\n";
        return exit_failure;
    }
    return exit_ok;
}

}  // namespace

void register_sync(CLI::App& app, Command& command) {
    auto* sync = app.add_subcommand("sync", "push this lane's sales and shifts to the store database");
    auto options = std::make_shared<SyncOptions>();
    sync->add_flag("--once", options->once,
                   "send everything waiting, print a summary and exit (1 if the store refused)");
    sync->add_flag("--status", options->status_only, "only print the queue and the last sync and error");
    sync->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    sync->add_option("--batch", options->batch, "records per store transaction (default 50)")
        ->check(CLI::Range(1, 10000));
    sync->add_option(
        "--resend-since", options->resend_since,
        "queue again every record from this date (YYYY-MM-DD) on, e.g. after store.db was restored from a backup");
    sync->add_option("--interval-ms", options->interval_ms, "without --once: pause between passes (default 2000)")
        ->check(CLI::Range(10, 3600000));
    sync->add_option("--head-office-every", options->head_office_every,
                     "without --once, with [head_office] in pos.toml: seconds between pushes to the head office "
                     "(default 300, 0: never)")
        ->check(CLI::Range(int64_t{0}, int64_t{86400}));
    sync->add_option("--max-retry-ms", options->max_retry_ms,
                     "without --once: longest wait between retries (default 60000)")
        ->check(CLI::Range(10, 3600000));
    sync->callback([&command, options] {
        command = [options](const std::string& data_dir) { return run_sync(data_dir, *options); };
    });
}

}  // namespace pos::cli
