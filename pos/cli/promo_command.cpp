// posctl promo add | list | end: the store manager's promotions in store.db; the lanes get them
// with the catalog at their next sync (docs/promotions.md). Adding and ending one needs a manager
// (core::Action::promotion), number and PIN from standard input, and is in the store's audit chain.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "db/store/promotions.hpp"
#include "pos/actions/pricing/promotions.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/access/store_audit.hpp"
#include "pos/cli/acting_operator.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

std::string describe(const core::Promotion& p) {
    switch (p.kind) {
        case core::PromotionKind::price: return "each " + p.price.to_string();
        case core::PromotionKind::member_price: return "members " + p.price.to_string();
        case core::PromotionKind::multi_buy:
            return p.free > 0 ? fmt::format("buy {} get {}", p.buy, p.free)
                              : fmt::format("{} for {}", p.buy, p.price.to_string());
        case core::PromotionKind::mix_match: return fmt::format("any {} for {}", p.buy, p.price.to_string());
        case core::PromotionKind::department_percent: return fmt::format("{}% off {}", p.percent, p.department);
    }
    return {};
}

// The manager adding or ending promotions, checked through the lane's permission table.
core::Result<actions::Operator> promotion_manager(actions::OpenLane& lane, const std::string& by,
                                                  std::string_view what) {
    actions::Approval acting = read_acting_operator(by, "manager");
    actions::Lane till(*lane.db, lane.config);
    return till.authorize(acting, core::Action::promotion, what, "");
}

}  // namespace

void register_promo(CLI::App& app, Command& command) {
    auto* promo = app.add_subcommand("promo", "promotions in store.db (the lanes get them at their next sync)");
    promo->require_subcommand(1);

    auto file = std::make_shared<std::string>();
    auto* add = promo->add_subcommand("add",
                                      "add promotions from a JSON file (one object or a list); an id already "
                                      "there is replaced");
    add->add_option("FILE", *file, "the JSON file")->required();
    auto by = std::make_shared<std::string>();
    add->add_option("--by", *by, "your operator number (a manager; without it: the first line of standard input)");
    add->callback([&command, file, by] {
        command = [file, by](const std::string& data_dir) {
            std::ifstream in(*file, std::ios::binary);
            if (!in) return report(core::make_error(core::ErrorCode::not_found, "cannot read " + *file));
            std::stringstream text;
            text << in.rdbuf();
            auto promotions = actions::parse_promotions_json(text.str());
            if (!promotions) return report(promotions.error());
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto store = actions::open_store(data_dir, lane->config);
            if (!store) return report(store.error());
            auto manager = promotion_manager(*lane, *by, "adding a promotion");
            if (!manager) return report(manager.error());
            for (const core::Promotion& p : *promotions) {
                if (auto added = db::add_promotion(**store, actions::to_promotion_record(p)); !added) {
                    return report(actions::storage_error(added.error()));
                }
                nlohmann::json detail = {{"name", p.name},     {"kind", core::promotion_kind_name(p.kind)},
                                         {"starts", p.starts}, {"ends", p.ends},
                                         {"skus", p.skus},     {"price", p.price.to_string()}};
                if (auto logged = actions::record_store_audit(
                        **store, {actions::local_now(), 0, "promotion_add", manager->operator_id, {}, p.id, detail},
                        lane->config.lane);
                    !logged) {
                    return report(logged.error());
                }
                std::cout << fmt::format("added {} {}: {}, {} to {}\n", p.id, p.name, describe(p), p.starts, p.ends);
            }
            return exit_ok;
        };
    });

    auto as_json = std::make_shared<bool>(false);
    auto* list = promo->add_subcommand("list", "list the store's promotions");
    list->add_flag("--json", *as_json, "one JSON object per line");
    list->callback([&command, as_json] {
        command = [as_json](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto store = actions::open_store(data_dir, lane->config);
            if (!store) return report(store.error());
            auto promotions = actions::load_promotions(**store);
            if (!promotions) return report(promotions.error());
            for (const core::Promotion& p : *promotions) {
                if (*as_json) {
                    nlohmann::json row = {{"id", p.id},
                                          {"name", p.name},
                                          {"kind", core::promotion_kind_name(p.kind)},
                                          {"starts", p.starts},
                                          {"ends", p.ends},
                                          {"skus", p.skus},
                                          {"department", p.department},
                                          {"price", p.price.to_string()},
                                          {"buy", p.buy},
                                          {"free", p.free},
                                          {"percent", p.percent}};
                    std::cout << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
                } else {
                    std::string items = p.kind == core::PromotionKind::department_percent
                                            ? p.department
                                            : fmt::format("{}", fmt::join(p.skus, " "));
                    std::cout << fmt::format("{}  {}  {}  {} .. {}  [{}]\n", p.id, p.name, describe(p), p.starts,
                                             p.ends, items);
                }
            }
            return exit_ok;
        };
    });

    auto id = std::make_shared<std::string>();
    auto today = std::make_shared<std::string>();
    auto* end = promo->add_subcommand("end", "end a promotion: today is no longer in it");
    end->add_option("ID", *id, "the promotion's id")->required();
    end->add_option("--today", *today, "the day it stops, YYYY-MM-DD (default: today)");
    auto end_by = std::make_shared<std::string>();
    end->add_option("--by", *end_by, "your operator number (a manager; without it: the first line of standard input)");
    end->callback([&command, id, today, end_by] {
        command = [id, today, end_by](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto store = actions::open_store(data_dir, lane->config);
            if (!store) return report(store.error());
            auto manager = promotion_manager(*lane, *end_by, fmt::format("ending promotion {}", *id));
            if (!manager) return report(manager.error());
            std::string day = today->empty() ? actions::local_now().substr(0, 10) : *today;
            auto ended = db::end_promotion(**store, *id, day);
            if (!ended) return report(actions::storage_error(ended.error()));
            if (!*ended)
                return report(core::make_error(core::ErrorCode::not_found,
                                               "there is no promotion " + *id + ": see posctl promo list"));
            if (auto logged = actions::record_store_audit(
                    **store, {actions::local_now(), 0, "promotion_end", manager->operator_id, {}, *id, {{"day", day}}},
                    lane->config.lane);
                !logged) {
                return report(logged.error());
            }
            std::cout << fmt::format("promotion {} ended: it no longer applies from {}\n", *id, day);
            return exit_ok;
        };
    });
}

}  // namespace pos::cli
