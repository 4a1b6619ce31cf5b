// posctl audit verify | show: walks the lane's hash-chained audit log (or the store's copy of each
// lane's) and names the first record changed, removed or reordered; lists records.
#include <iostream>

#include <fmt/format.h>

#include "pos/actions/access/audit.hpp"
#include "pos/actions/access/audit_against_store.hpp"
#include "pos/actions/access/store_audit.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

void print_verdict(const actions::AuditVerdict& verdict, std::string_view where) {
    if (verdict.broken) {
        std::cerr << fmt::format("audit log of {} is BROKEN at record {}: {}\n", where, verdict.broken->seq,
                                 verdict.broken->message);
        std::cerr << "Records before it are intact. Keep this file as it is (copy it for the investigation) "
                     "and call the store manager.\n";
        return;
    }
    std::cout << fmt::format("audit log of {}: {} records, chain intact\n", where, verdict.records);
    if (!verdict.last_hash.empty()) std::cout << fmt::format("last hash: {}\n", verdict.last_hash);
}

// Shown, not only kept: each time the system clock was set back past the last record.
void print_clock_backwards(db::LaneDb& lane) {
    auto entries = actions::audit_entries(lane, std::nullopt);
    if (!entries) return;
    for (const core::AuditEntry& entry : *entries) {
        if (entry.kind != "clock_backwards") continue;
        auto detail = nlohmann::json::parse(entry.detail, nullptr, false);
        std::cout << fmt::format(
            "the clock went backwards at record {}: {} after a record of {}; check the lane's "
            "time (the records keep the order they were written in)\n",
            entry.seq, detail.value("clock", entry.at), detail.value("last_recorded", "?"));
    }
}

int verify_lane(const std::string& data_dir) {
    auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    auto verdict = actions::verify_lane_audit(*lane->db);
    if (!verdict) return report(verdict.error());
    print_verdict(*verdict, fmt::format("lane {} ({})", lane->config.lane, lane->db->path()));
    print_clock_backwards(*lane->db);
    return verdict->broken ? exit_failure : exit_ok;
}

int verify_store(const std::string& data_dir) {
    auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    auto store = actions::open_store(data_dir, lane->config);
    if (!store) return report(store.error());
    auto own = actions::verify_store_own_audit(**store);
    if (!own) return report(own.error());
    print_verdict(*own, fmt::format("the store itself ({})", (*store)->path()));
    bool broken = own->broken.has_value();
    auto verdicts = actions::verify_store_audit(**store);
    if (!verdicts) return report(verdicts.error());
    if (verdicts->empty()) std::cout << "the store has no audit records of a lane yet: run posctl sync first\n";
    for (const actions::AuditVerdict& verdict : *verdicts) {
        print_verdict(verdict, fmt::format("lane {} at the store ({})", verdict.lane, (*store)->path()));
        broken = broken || verdict.broken;
    }
    return broken ? exit_failure : exit_ok;
}

// lane.db's chain against the store's copy: rewriting history already sent shows here even when
// every hash in lane.db was recomputed (docs/security.md "Threat table").
int verify_against_store(const std::string& data_dir) {
    auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    auto verdict = actions::verify_against_store(*lane->db, data_dir, lane->config);
    if (!verdict) return report(verdict.error());
    std::string where = fmt::format("lane {} ({})", verdict->lane, lane->db->path());
    bool alarm = verdict->differs_at.has_value() || !verdict->kept_aside.empty();
    if (verdict->differs_at) {
        std::cerr << fmt::format("audit log of {} DIFFERS from the store's copy at record {}: {}\n", where,
                                 *verdict->differs_at, verdict->difference);
        std::cerr << "Records before it match. History the store already holds was changed on this lane (or "
                     "the store took another version): keep lane.db as it is (copy it for the investigation) and "
                     "call the store manager.\n";
    }
    for (const db::KeptAside& kept : verdict->kept_aside) {
        std::cerr << fmt::format("ALARM: the store kept aside audit record {} of this lane ({}, {}): {}\n", kept.ref,
                                 kept.why, kept.received_at, kept.reason);
    }
    if (!alarm) {
        std::cout << fmt::format("audit log of {} matches the store's copy: {} records at the store, {} not yet sent\n",
                                 where, verdict->store_records, verdict->not_yet_sent);
    }
    return alarm ? exit_failure : exit_ok;
}

}  // namespace

void register_audit(CLI::App& app, Command& command) {
    auto* audit = app.add_subcommand("audit", "the tamper-evident audit log");
    audit->require_subcommand(1);
    auto* verify = audit->add_subcommand("verify",
                                         "check the hash chain; exit 1 naming the first record changed, "
                                         "removed or reordered");
    auto use_store = std::make_shared<bool>(false);
    verify->add_flag("--store", *use_store,
                     "check the store's own chain and every lane's chain as store.db received it");
    auto against_store = std::make_shared<bool>(false);
    verify->add_flag("--against-store", *against_store,
                     "compare this lane's chain with the store's copy and name the first difference");
    verify->callback([&command, use_store, against_store] {
        command = [use_store, against_store](const std::string& data_dir) {
            if (*against_store) return verify_against_store(data_dir);
            return *use_store ? verify_store(data_dir) : verify_lane(data_dir);
        };
    });
    auto* show = audit->add_subcommand("show", "list audit records, oldest first");
    auto since = std::make_shared<std::string>();
    show->add_option("--since", *since, "only records at or after this time, like 2026-11-23 or 2026-11-23T09:00");
    auto show_store = std::make_shared<bool>(false);
    show->add_flag("--store", *show_store, "the store's own audit log (acts done at the store) from store.db");
    show->callback([&command, since, show_store] {
        command = [since, show_store](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            if (*show_store) {
                auto store = actions::open_store(data_dir, lane->config);
                if (!store) return report(store.error());
                auto entries = actions::store_own_audit_entries(**store);
                if (!entries) return report(entries.error());
                for (const core::AuditEntry& entry : *entries) {
                    if (since->empty() || entry.at >= *since) std::cout << actions::audit_line(entry) << '\n';
                }
                return exit_ok;
            }
            std::optional<std::string> from;
            if (!since->empty()) from = *since;
            auto entries = actions::audit_entries(*lane->db, from);
            if (!entries) return report(entries.error());
            for (const core::AuditEntry& entry : *entries) std::cout << actions::audit_line(entry) << '\n';
            if (entries->empty()) std::cout << "no audit records" << (from ? " since " + *from : std::string{}) << '\n';
            return exit_ok;
        };
    });
}

}  // namespace pos::cli
