// posctl kept-aside list|show|resolve: the records the store kept aside instead of storing them
// (a conflict, a fork of an audit chain, a record it could not read), for the manager to look at
// and mark as dealt with (docs/store-service.md "Records kept aside"). Runs where store.db is.
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pos/actions/access/kept_aside_review.hpp"
#include "pos/actions/records.hpp"
#include "pos/cli/acting_operator.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::cli {
namespace {

struct KeptAsideOptions {
    int64_t id = 0;
    bool all = false;
    bool json = false;
    std::string note;
    std::string by;
};

template <typename Body>
int with_store(const std::string& data_dir, Body&& body) {
    auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    auto store = actions::open_store(data_dir, lane->config);
    if (!store) return report(store.error());
    return body(*lane, **store);
}

using core::shown_safely;  // what a lane sent may hold a terminal's escape sequences

std::string state_of(const db::KeptAside& kept) {
    if (!kept.resolved_at) return "OPEN";
    return fmt::format("resolved {} by {}: {}", shown_safely(*kept.resolved_at),
                       shown_safely(kept.resolved_by.value_or("?")), shown_safely(kept.resolution.value_or("")));
}

nlohmann::json to_json(const db::KeptAside& kept) {
    auto optional = [](const std::optional<std::string>& text) {
        return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
    };
    return {{"id", kept.id},
            {"lane", kept.lane},
            {"kind", kept.kind},
            {"ref", kept.ref},
            {"why", kept.why},
            {"reason", kept.reason},
            {"stored", optional(kept.stored)},
            {"delivered", kept.delivered},
            {"received_at", kept.received_at},
            {"resolved_at", optional(kept.resolved_at)},
            {"resolved_by", optional(kept.resolved_by)},
            {"resolution", optional(kept.resolution)}};
}

int list(const KeptAsideOptions& options, db::StoreDb& store) {
    auto rows = options.all ? db::all_kept_aside(store) : db::open_kept_aside(store, std::nullopt);
    if (!rows) return report(actions::storage_error(rows.error()));
    for (const db::KeptAside& kept : *rows) {
        if (options.json) {
            std::cout << to_json(kept).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace) << "\n";
            continue;
        }
        std::cout << fmt::format("#{}  lane {}  {} {} {}  received {}  {}\n     {}\n", kept.id, kept.lane, kept.why,
                                 shown_safely(kept.kind), shown_safely(kept.ref), kept.received_at, state_of(kept),
                                 shown_safely(kept.reason));
    }
    if (rows->empty() && !options.json) {
        std::cout << (options.all ? "nothing was ever kept aside\n" : "nothing kept aside is waiting\n");
    }
    return exit_ok;
}

int show(const KeptAsideOptions& options, db::StoreDb& store) {
    auto rows = db::all_kept_aside(store);
    if (!rows) return report(actions::storage_error(rows.error()));
    for (const db::KeptAside& kept : *rows) {
        if (kept.id != options.id) continue;
        std::cout << fmt::format("#{}  lane {}  {} {} {}\nreceived: {}\nstate:    {}\nreason:   {}\n", kept.id,
                                 kept.lane, kept.why, shown_safely(kept.kind), shown_safely(kept.ref), kept.received_at,
                                 state_of(kept), shown_safely(kept.reason));
        std::cout << "the store holds: "
                  << (kept.stored ? shown_safely(*kept.stored) : std::string("(nothing under that key)")) << "\n";
        std::cout << "delivered:       " << shown_safely(kept.delivered) << "\n";
        return exit_ok;
    }
    return report(core::make_error(core::ErrorCode::not_found,
                                   fmt::format("nothing kept aside has the number {}: see posctl kept-aside list "
                                               "--all",
                                               options.id)));
}

int resolve(const KeptAsideOptions& options, actions::OpenLane& lane, db::StoreDb& store) {
    actions::Approval acting = read_acting_operator(options.by, "manager");
    actions::Lane till(*lane.db, lane.config);
    auto resolved = actions::resolve_kept_aside(till, store, acting, options.id, options.note, lane.config.lane);
    if (!resolved) return report(resolved.error());
    std::cout << fmt::format(
        "#{} resolved by {}: no longer an alarm; lane {} drops its alarm at its next sync once nothing of it "
        "is waiting here\n",
        resolved->id, *resolved->resolved_by, resolved->lane);
    return exit_ok;
}

}  // namespace

void register_kept_aside(CLI::App& app, Command& command) {
    auto* group = app.add_subcommand(
        "kept-aside", "records the store kept aside (conflicts, forks, unreadable): list, show, resolve");
    group->require_subcommand(1);
    auto o = std::make_shared<KeptAsideOptions>();

    auto* listed = group->add_subcommand("list", "what is kept aside and waiting for a manager, oldest first");
    listed->add_flag("--all", o->all, "resolved ones too");
    listed->add_flag("--json", o->json, "one JSON object per line (ASCII: other characters as \\u escapes)");
    listed->callback([&command, o] {
        command = [o](const std::string& data_dir) {
            return with_store(data_dir, [&](actions::OpenLane&, db::StoreDb& store) { return list(*o, store); });
        };
    });

    auto* shown = group->add_subcommand("show", "one record: what the store holds beside what was delivered");
    shown->add_option("ID", o->id, "its number (posctl kept-aside list)")->required();
    shown->callback([&command, o] {
        command = [o](const std::string& data_dir) {
            return with_store(data_dir, [&](actions::OpenLane&, db::StoreDb& store) { return show(*o, store); });
        };
    });

    auto* resolved = group->add_subcommand(
        "resolve", "mark one as dealt with (a manager): its alarm ends, the record stays for the auditor");
    resolved->add_option("ID", o->id, "its number (posctl kept-aside list)")->required();
    resolved->add_option("--note", o->note, "what you found and did (goes into the store's audit chain)")->required();
    resolved->add_option("--by", o->by,
                         "your operator number (a manager; without it: the first line of standard input)");
    resolved->callback([&command, o] {
        command = [o](const std::string& data_dir) {
            return with_store(data_dir,
                              [&](actions::OpenLane& lane, db::StoreDb& store) { return resolve(*o, lane, store); });
        };
    });
}

}  // namespace pos::cli
