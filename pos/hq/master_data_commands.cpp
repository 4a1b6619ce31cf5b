// The chain catalog and promotions as pos-hq writes them: parsed and checked by pos/actions, encoded
// by the store protocol, stored by hq/chain_catalog.
#include "pos/hq/master_data_commands.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "hq/chain_catalog.hpp"
#include "pos/actions/pricing/promotions.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "sync/store_protocol.hpp"

namespace pos::hq_cli {
namespace {

constexpr int exit_bad_input = 2;

int failed(const hq::PgError& error) {
    std::cerr << "pos-hq: " << error.message << "\n";
    return error.sqlstate == "22023" || error.sqlstate == "22007" ? exit_bad_input : 1;
}

std::string scope_text(const std::string& scope, const std::string& target) {
    return scope == "chain" ? "the chain" : scope + " " + target;
}

}  // namespace

int import_chain_catalog(hq::PgConnection& connection, const std::string& file, const std::string& by) {
    auto checked = actions::read_catalog_file(file, actions::LaneConfig{});
    if (!checked) {
        std::cerr << "pos-hq: " << checked.error().message << "\n";
        return exit_bad_input;
    }
    for (const auto& problem : checked->problems) {
        std::cerr << file << ": row " << problem.row << ", column " << problem.column << ": " << problem.message
                  << "\n";
    }
    if (!checked->problems.empty() || checked->items.empty()) {
        std::cerr << "pos-hq: " << (checked->items.empty() ? "the file has no items" : "problem(s) found")
                  << "; no catalog version was made\n";
        return exit_bad_input;
    }
    db::CatalogSnapshot snapshot{{"chain", 0}, {}, {}};
    for (const core::CatalogItem& item : checked->items) snapshot.items.push_back(actions::to_item_record(item));
    auto version = hq::add_chain_catalog_version(
        connection, {0, file, int64_t(snapshot.items.size()), by, {}, sync::encode_catalog(snapshot)});
    if (!version) return failed(version.error());
    std::cout << "chain catalog version " << *version << ": " << snapshot.items.size() << " items from " << file
              << "; every store takes it whole at its next pull\n";
    return 0;
}

int list_chain_catalog(hq::PgConnection& connection) {
    auto versions = hq::list_chain_catalog_versions(connection);
    if (!versions) return failed(versions.error());
    for (const hq::ChainCatalogVersion& version : *versions) {
        std::cout << "version " << version.version << "  " << version.items << " items  " << version.file << "  by "
                  << version.created_by << "  " << version.created_at << "\n";
    }
    if (versions->empty()) std::cout << "no chain catalog yet: the stores keep their own\n";
    return 0;
}

int add_chain_promotions(hq::PgConnection& connection, const std::string& file, const std::string& by,
                         const PromotionScope& scope) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "pos-hq: cannot read " << file << "\n";
        return exit_bad_input;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto promotions = actions::parse_promotions_json(text.str());
    if (!promotions) {
        std::cerr << "pos-hq: " << file << ": " << promotions.error().message << "\nno promotion was added\n";
        return exit_bad_input;
    }
    for (const core::Promotion& promotion : *promotions) {
        hq::ChainPromotion row;
        row.scope = !scope.store.empty() ? "store" : !scope.region.empty() ? "region" : "chain";
        row.target = !scope.store.empty() ? scope.store : scope.region;
        row.promotion_id = promotion.id;
        row.name = promotion.name;
        row.starts_on = promotion.starts;
        row.ends_on = promotion.ends;
        row.created_by = by;
        row.promotion = sync::encode_catalog({{"chain", 0}, {}, {actions::to_promotion_record(promotion)}});
        auto id = hq::add_chain_promotion(connection, row);
        if (!id) return failed(id.error());
        std::cout << "chain promotion " << *id << ": " << row.promotion_id << " " << row.name << " for "
                  << scope_text(row.scope, row.target) << ", " << row.starts_on << " to " << row.ends_on << "\n";
    }
    return 0;
}

int list_chain_promotions(hq::PgConnection& connection) {
    auto promotions = hq::list_chain_promotions(connection);
    if (!promotions) return failed(promotions.error());
    for (const hq::ChainPromotion& promotion : *promotions) {
        std::cout << promotion.id << "  " << promotion.promotion_id << "  " << promotion.name << "  "
                  << scope_text(promotion.scope, promotion.target) << "  " << promotion.starts_on << " .. "
                  << promotion.ends_on << "  by " << promotion.created_by << "\n";
    }
    if (promotions->empty()) std::cout << "no chain promotion yet\n";
    return 0;
}

}  // namespace pos::hq_cli
