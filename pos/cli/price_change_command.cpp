// posctl price-change create | approve | list | show | apply-due: 变价单, the audited price-change
// documents (docs/price-changes.md). The operator's number comes from --by or standard input, the
// PIN always from standard input or the terminal, never from the command line.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "pos/actions/pricing/price_changes.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/cli/acting_operator.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

struct Options {
    std::string file;
    std::string effective;
    std::string reason;
    std::string by;
    std::string now;
    int64_t id = 0;
};

void print(const db::PriceChangeRecord& change, bool items) {
    std::cout << fmt::format("{}  effective {}  by {}  {}  \"{}\"\n", change.id, change.effective_on, change.created_by,
                             actions::price_change_status(change), change.reason);
    if (!items) return;
    std::cout << fmt::format("  created {} by {}\n", change.created_at, change.created_by);
    if (!change.approved_by.empty())
        std::cout << fmt::format("  approved {} by {}\n", change.approved_at, change.approved_by);
    if (!change.applied_at.empty()) std::cout << fmt::format("  applied {}\n", change.applied_at);
    for (const db::PriceChangeItem& item : change.items) {
        std::cout << fmt::format("  {:<10} {:>10} -> {:>10}\n", item.sku,
                                 core::Money::fen(item.old_price_fen).to_string(),
                                 core::Money::fen(item.new_price_fen).to_string());
    }
}

// Runs `body` with the lane, its Lane actions and store.db open.
template <typename Body>
int with_store(const std::string& data_dir, Body&& body) {
    auto lane_files = actions::open_lane(data_dir);
    if (!lane_files) return report(lane_files.error());
    auto store = actions::open_store(data_dir, lane_files->config);
    if (!store) return report(store.error());
    actions::Lane lane(*lane_files->db, lane_files->config);
    return body(lane, *lane_files->db, **store, lane_files->config);
}

}  // namespace

void register_price_change(CLI::App& app, Command& command) {
    auto* group = app.add_subcommand("price-change", "变价单: price-change documents, approved by a second manager");
    group->require_subcommand(1);
    auto options = std::make_shared<Options>();

    auto* create = group->add_subcommand("create", "create a price change from a CSV (sku,old_price,new_price)");
    create->add_option("--file", options->file, "the CSV file")->required();
    create->add_option("--effective", options->effective, "the day the new prices start, YYYY-MM-DD")->required();
    create->add_option("--reason", options->reason, "why: kept with the document")->required();
    create->add_option("--by", options->by,
                       "your operator number (supervisor or manager; without it: the first line of standard input); "
                       "your PIN is read from standard input or the terminal");
    create->add_option("--now", options->now, "the time, ISO 8601 with offset (tests and scripts; default: now)");
    create->callback([&command, options] {
        command = [options](const std::string& data_dir) {
            std::ifstream in(options->file, std::ios::binary);
            if (!in) return report(core::make_error(core::ErrorCode::not_found, "cannot read " + options->file));
            std::stringstream text;
            text << in.rdbuf();
            actions::PriceChangeRequest request{text.str(), options->effective, options->reason,
                                                read_acting_operator(options->by, "supervisor")};
            return with_store(data_dir, [&](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                            const actions::LaneConfig& config) {
                auto given = given_time(config, options->now);
                if (!given) return report(given.error());
                std::string now = given->empty() ? actions::local_now() : *given;
                auto created = actions::create_price_change(lane, lane_db, store, request, now);
                if (!created) return report(created.error());
                std::cout << fmt::format(
                    "created price change {} ({} items), effective {}: another manager approves it with "
                    "posctl price-change approve {} --by NUMBER\n",
                    created->id, created->items.size(), created->effective_on, created->id);
                return exit_ok;
            });
        };
    });

    auto* approve = group->add_subcommand("approve", "approve a price change (a manager other than its creator)");
    approve->add_option("ID", options->id, "the price change's number")->required();
    approve->add_option("--by", options->by,
                        "your operator number (a manager; without it: the first line of standard input); your "
                        "PIN is read from standard input or the terminal");
    approve->add_option("--now", options->now, "the time, ISO 8601 with offset (tests and scripts; default: now)");
    approve->callback([&command, options] {
        command = [options](const std::string& data_dir) {
            actions::Approval by = read_acting_operator(options->by, "manager");
            return with_store(data_dir, [&](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                            const actions::LaneConfig& config) {
                auto given = given_time(config, options->now);
                if (!given) return report(given.error());
                std::string now = given->empty() ? actions::local_now() : *given;
                auto approved = actions::approve_price_change(lane, lane_db, store, options->id, by, now);
                if (!approved) return report(approved.error());
                std::cout << fmt::format("price change {} approved by {}, effective {}\n", approved->id,
                                         approved->approved_by, approved->effective_on);
                // Due today already: into the catalog now, so the lanes get it at their next sync.
                auto applied = actions::apply_due_price_changes(lane_db, store, config.lane, now);
                if (!applied) return report(applied.error());
                for (int64_t id : *applied) std::cout << fmt::format("price change {} applied to the catalog\n", id);
                return exit_ok;
            });
        };
    });

    auto* list = group->add_subcommand("list", "every price change with its status");
    list->callback([&command] {
        command = [](const std::string& data_dir) {
            return with_store(data_dir,
                              [&](actions::Lane&, db::LaneDb&, db::StoreDb& store, const actions::LaneConfig&) {
                                  auto changes = db::list_price_changes(store);
                                  if (!changes) return report(actions::storage_error(changes.error()));
                                  for (const db::PriceChangeRecord& change : *changes) print(change, false);
                                  return exit_ok;
                              });
        };
    });

    auto* show = group->add_subcommand("show", "one price change with its items and history");
    show->add_option("ID", options->id, "the price change's number")->required();
    show->callback([&command, options] {
        command = [options](const std::string& data_dir) {
            return with_store(
                data_dir, [&](actions::Lane&, db::LaneDb&, db::StoreDb& store, const actions::LaneConfig&) {
                    auto change = db::find_price_change(store, options->id);
                    if (!change) return report(actions::storage_error(change.error()));
                    if (!*change) {
                        return report(core::make_error(
                            core::ErrorCode::not_found,
                            fmt::format("there is no price change {}: see posctl price-change list", options->id)));
                    }
                    print(**change, true);
                    return exit_ok;
                });
        };
    });

    auto* apply = group->add_subcommand("apply-due", "apply the approved price changes whose date has come");
    apply->add_option("--now", options->now, "the time, ISO 8601 with offset (tests and scripts; default: now)");
    apply->callback([&command, options] {
        command = [options](const std::string& data_dir) {
            return with_store(data_dir, [&](actions::Lane&, db::LaneDb& lane_db, db::StoreDb& store,
                                            const actions::LaneConfig& config) {
                auto given = given_time(config, options->now);
                if (!given) return report(given.error());
                std::string now = given->empty() ? actions::local_now() : *given;
                auto applied = actions::apply_due_price_changes(lane_db, store, config.lane, now);
                if (!applied) return report(applied.error());
                for (int64_t id : *applied) std::cout << fmt::format("price change {} applied to the catalog\n", id);
                if (applied->empty()) std::cout << "no approved price change is due\n";
                return exit_ok;
            });
        };
    });
}

}  // namespace pos::cli
