// pos-hq: the head office's program (docs/head-office.md). It works on the chain's PostgreSQL
// database named by --db (a libpq connection string; the password comes from ~/.pgpass or
// PGPASSWORD, never from the command line).
//   pos-hq --db CONNINFO init                                  create or migrate the schema
//   pos-hq --db CONNINFO store add STORE --name N --region R   the store's own role and password
//   pos-hq --db CONNINFO target set --store S|--region R --month YYYY-MM --amount YUAN
//   pos-hq --db CONNINFO price set --item SKU=YUAN... --effective D --reason R --by NAME [--region R|--store S]
//   pos-hq --db CONNINFO price approve ID --by NAME | price list
//   pos-hq --db CONNINFO catalog import FILE --by NAME | catalog list          the chain catalog, versioned
//   pos-hq --db CONNINFO promotion add FILE --by NAME [--region R|--store S] | promotion list
//   pos-hq --db CONNINFO transfers [--open]                    transfers between stores, both sides
//   pos-hq --db CONNINFO demo [--stores N] [--days N] [--sales N] [--last-day D]
//   pos-hq --db CONNINFO report [--period day|week|month|quarter|year --date D | --from D --to D]
//          --by region|store|department|item|cashier|hour|tender --format text|csv|json|html
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "hq/demo.hpp"
#include "hq/head_office.hpp"
#include "hq/master_data.hpp"
#include "hq/migrations.hpp"
#include "hq/report_format.hpp"
#include "hq/reports.hpp"
#include "hq/transfers.hpp"
#include "pos/hq/master_data_commands.hpp"

namespace {

constexpr int exit_bad_input = 2;

std::optional<pos::hq::PgConnection> connect(const std::string& conninfo) {
    auto connection = pos::hq::PgConnection::open(conninfo);
    if (!connection) {
        std::cerr << "pos-hq: cannot connect to the head office database: " << connection.error().message
                  << "\n(check --db, and the password in ~/.pgpass or PGPASSWORD)\n";
        return std::nullopt;
    }
    return std::move(*connection);
}

int failed(const pos::hq::PgError& error) {
    std::cerr << "pos-hq: " << error.message << "\n";
    return error.sqlstate == "22023" || error.sqlstate == "22007" ? exit_bad_input : 1;
}

struct TargetOptions {
    std::string store, region, month, amount;
};

struct ReportOptions {
    std::string period = "month", date, from, to, by = "region", format = "text", out;
};

int set_target(pos::hq::PgConnection& connection, const TargetOptions& options) {
    auto fen = pos::hq::parse_yuan(options.amount);
    if (!fen) {
        std::cerr << "pos-hq: amount \"" << options.amount << "\": yuan with at most 2 decimals, e.g. 500000.00\n";
        return exit_bad_input;
    }
    bool store = !options.store.empty();
    auto saved = pos::hq::set_target(connection, store ? "store" : "region", store ? options.store : options.region,
                                     options.month, *fen);
    if (!saved) return failed(saved.error());
    std::cout << "target of " << (store ? "store " + options.store : "region " + options.region) << " for "
              << options.month << ": " << pos::hq::yuan(*fen) << "\n";
    return 0;
}

struct PriceOptions {
    std::vector<std::string> items;
    std::string effective, reason, by, region, store;
    int64_t id = 0;
};

int set_price(pos::hq::PgConnection& connection, const PriceOptions& options) {
    pos::hq::ChainPriceChange change;
    change.scope = !options.store.empty() ? "store" : !options.region.empty() ? "region" : "chain";
    change.target = !options.store.empty() ? options.store : options.region;
    change.effective_on = options.effective;
    change.reason = options.reason;
    change.created_by = options.by;
    for (const std::string& item : options.items) {
        size_t equals = item.find('=');
        auto fen = equals == std::string::npos ? std::nullopt : pos::hq::parse_yuan(item.substr(equals + 1));
        if (!fen || equals == 0) {
            std::cerr << "pos-hq: item \"" << item << "\": write SKU=PRICE in yuan, e.g. 100001=3.50\n";
            return exit_bad_input;
        }
        change.items.push_back({item.substr(0, equals), *fen});
    }
    auto id = pos::hq::create_chain_price_change(connection, change);
    if (!id) return failed(id.error());
    std::cout << "chain price change " << *id << " for " << (change.target.empty() ? "the chain" : change.target)
              << ", effective " << change.effective_on << ": waiting for a second person's approval "
              << "(pos-hq price approve " << *id << " --by NAME)\n";
    return 0;
}

int approve_price(pos::hq::PgConnection& connection, const PriceOptions& options) {
    auto approved = pos::hq::approve_chain_price_change(connection, options.id, options.by);
    if (!approved) return failed(approved.error());
    std::cout << "chain price change " << approved->id << " approved by " << approved->approved_by
              << ": stores take it at their next pull, it applies on " << approved->effective_on << "\n";
    return 0;
}

int list_prices(pos::hq::PgConnection& connection) {
    auto changes = pos::hq::list_chain_price_changes(connection);
    if (!changes) return failed(changes.error());
    for (const pos::hq::ChainPriceChange& change : *changes) {
        std::cout << change.id << "  " << change.effective_on << "  "
                  << (change.target.empty() ? std::string("chain") : change.scope + " " + change.target) << "  "
                  << (change.approved_by.empty() ? "awaiting approval" : "approved by " + change.approved_by) << "  "
                  << change.reason << "\n";
        for (const pos::hq::ChainPriceItem& item : change.items) {
            std::cout << "    " << item.sku << " → " << pos::hq::yuan(item.new_price_fen) << "\n";
        }
    }
    if (changes->empty()) std::cout << "no chain price change yet\n";
    return 0;
}

int run_report(pos::hq::PgConnection& connection, const ReportOptions& options) {
    auto report =
        pos::hq::period_report(connection, {options.period, options.date, options.from, options.to}, options.by);
    if (!report) return failed(report.error());
    std::string body = options.format == "csv"    ? pos::hq::report_csv(*report)
                       : options.format == "json" ? pos::hq::report_json(*report)
                       : options.format == "html" ? pos::hq::report_html(*report)
                                                  : pos::hq::report_text(*report);
    if (options.out.empty()) {
        std::cout << body;
        return 0;
    }
    std::ofstream file(options.out, std::ios::binary | std::ios::trunc);
    file << body;
    if (!file.flush()) {
        std::cerr << "pos-hq: cannot write " << options.out << "\n";
        return 1;
    }
    std::cout << "report written to " << options.out << "\n";
    return 0;
}

int list_transfers(pos::hq::PgConnection& connection, bool open_only) {
    auto transfers = pos::hq::chain_transfers(connection, open_only);
    if (!transfers) return failed(transfers.error());
    // Thousandths: units, or grams of weighed goods.
    auto quantity = [](int64_t milli) {
        std::string text = std::to_string(milli / 1000);
        int64_t fraction = (milli < 0 ? -milli : milli) % 1000;
        return fraction == 0 ? text : text + "." + std::to_string(1000 + fraction).substr(1);
    };
    for (const pos::hq::ChainTransfer& transfer : *transfers) {
        std::cout << transfer.number << "  " << (transfer.from_store_id.empty() ? "?" : transfer.from_store_id) << " → "
                  << (transfer.to_store_id.empty() ? transfer.to_store : transfer.to_store_id) << "  " << transfer.state
                  << "  sent " << (transfer.sent_at.empty() ? "-" : transfer.sent_at) << " ("
                  << quantity(transfer.sent_milli) << ")";
        if (!transfer.to_store_id.empty()) {
            std::cout << "  received " << transfer.received_at << " (" << quantity(transfer.received_milli) << ")";
        }
        std::cout << "\n";
    }
    if (transfers->empty()) std::cout << (open_only ? "no transfer in transit\n" : "no transfer yet\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"pos-hq: the chain's head office on PostgreSQL"};
    std::string conninfo;
    app.add_option("--db", conninfo,
                   "libpq connection string, e.g. \"host=hq.example dbname=hq user=hq "
                   "sslmode=verify-full\"")
        ->required();
    app.require_subcommand(1);
    auto* init = app.add_subcommand("init", "create or migrate the head office schema");
    auto* store = app.add_subcommand("store", "the chain's stores");
    store->require_subcommand(1);
    auto* add = store->add_subcommand("add", "join a store: its own database role and password, printed once");
    std::string store_id, name, region;
    add->add_option("store", store_id, "store id: lower-case letters, digits and _, e.g. sh_001")->required();
    add->add_option("--name", name, "the store's name")->required();
    add->add_option("--region", region, "its region, for the regional reports")->required();

    auto* target = app.add_subcommand("target", "monthly sales targets (销售目标)");
    target->require_subcommand(1);
    auto* set = target->add_subcommand("set", "set a store's or a region's target for a month");
    TargetOptions target_options;
    auto* for_store = set->add_option("--store", target_options.store, "the store id");
    set->add_option("--region", target_options.region, "the region")->excludes(for_store);
    set->add_option("--month", target_options.month, "YYYY-MM")->required();
    set->add_option("--amount", target_options.amount, "net sales target in yuan, e.g. 500000.00")->required();

    auto* price = app.add_subcommand("price", "price changes decided at head office (总部变价单)");
    price->require_subcommand(1);
    PriceOptions price_options;
    auto* price_set = price->add_subcommand("set", "a price change for the chain, a region or a store, with a date");
    price_set->add_option("--item", price_options.items, "SKU=PRICE in yuan (per kg for weighed items); repeat")
        ->required();
    price_set->add_option("--effective", price_options.effective, "the day the new prices start, YYYY-MM-DD")
        ->required();
    price_set->add_option("--reason", price_options.reason, "why: kept with the document")->required();
    price_set->add_option("--by", price_options.by, "who decides it")->required();
    auto* price_region = price_set->add_option("--region", price_options.region, "only this region's stores");
    price_set->add_option("--store", price_options.store, "only this store")->excludes(price_region);
    auto* price_approve = price->add_subcommand("approve", "approve a price change: a second person");
    price_approve->add_option("ID", price_options.id, "the chain price change's number")->required();
    price_approve->add_option("--by", price_options.by, "who approves (not who made it)")->required();
    auto* price_list = price->add_subcommand("list", "every chain price change with its items");

    auto* catalog = app.add_subcommand("catalog", "the chain catalog: items, barcodes, prices, departments");
    catalog->require_subcommand(1);
    std::string master_file, master_by;
    auto* catalog_import = catalog->add_subcommand(
        "import", "a new chain catalog version from a CSV file as posctl catalog import takes it (docs/catalog.md)");
    catalog_import->add_option("FILE", master_file, "the CSV file")->required();
    catalog_import->add_option("--by", master_by, "who publishes it")->required();
    auto* catalog_list = catalog->add_subcommand("list", "the chain catalog versions");
    auto* promotion = app.add_subcommand("promotion", "promotions for the chain, a region or a store");
    promotion->require_subcommand(1);
    pos::hq_cli::PromotionScope promotion_scope;
    auto* promotion_add = promotion->add_subcommand(
        "add", "promotions from a JSON file as posctl promo add takes it (docs/promotions.md)");
    promotion_add->add_option("FILE", master_file, "the JSON file")->required();
    promotion_add->add_option("--by", master_by, "who decides it")->required();
    auto* promotion_region = promotion_add->add_option("--region", promotion_scope.region, "only this region's stores");
    promotion_add->add_option("--store", promotion_scope.store, "only this store")->excludes(promotion_region);
    auto* promotion_list = promotion->add_subcommand("list", "every chain promotion");

    auto* demo = app.add_subcommand("demo", "a demo chain: stores demo_001… with generated sales, for trying reports");
    pos::hq::DemoChain chain;
    demo->add_option("--stores", chain.stores, "stores (default 50)")->check(CLI::Range(1, 999));
    demo->add_option("--days", chain.days, "days of history (default 365)")->check(CLI::Range(1, 3660));
    demo->add_option("--sales", chain.sales, "sales per store and day (default 200)")->check(CLI::Range(1, 100000));
    demo->add_option("--last-day", chain.last_day, "the newest day, YYYY-MM-DD (default: yesterday)");

    auto* transfers = app.add_subcommand("transfers", "transfers between stores (调拨): both sides, in transit first");
    bool open_only = false;
    transfers->add_flag("--open", open_only, "only the transfers in transit");

    auto* report = app.add_subcommand(
        "report", "net sales of a period by region, store, department, item, cashier, hour or tender");
    ReportOptions report_options;
    auto* period = report
                       ->add_option("--period", report_options.period,
                                    "day, week (Monday to Sunday), month (default), quarter or year")
                       ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}));
    auto* date = report->add_option("--date", report_options.date, "a day in the period, YYYY-MM-DD (default: today)");
    auto* from = report->add_option("--from", report_options.from, "first day of a range, YYYY-MM-DD");
    auto* to = report->add_option("--to", report_options.to, "last day of a range, YYYY-MM-DD");
    from->excludes(period)->excludes(date)->needs(to);
    to->excludes(period)->excludes(date)->needs(from);
    report->add_option("--by", report_options.by, "region (default), store, department, item, cashier, hour or tender")
        ->check(CLI::IsMember(pos::hq::report_dimensions));
    report->add_option("--format", report_options.format, "text (default), csv, json or html")
        ->check(CLI::IsMember({"text", "csv", "json", "html"}));
    report->add_option("--out", report_options.out, "write to this file instead of standard output");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? 0 : exit_bad_input;
    }
    if (*set && target_options.store.empty() && target_options.region.empty()) {
        std::cerr << "pos-hq: target set needs --store S or --region R\n";
        return exit_bad_input;
    }

    auto connection = connect(conninfo);
    if (!connection) return 1;
    if (*init) {
        auto version = pos::hq::migrate(*connection);
        if (!version) return failed(version.error());
        std::cout << "head office schema at version " << *version << "\n";
        return 0;
    }
    if (*set) return set_target(*connection, target_options);
    if (*price_set) return set_price(*connection, price_options);
    if (*price_approve) return approve_price(*connection, price_options);
    if (*price_list) return list_prices(*connection);
    if (*report) return run_report(*connection, report_options);
    if (*catalog_import) return pos::hq_cli::import_chain_catalog(*connection, master_file, master_by);
    if (*catalog_list) return pos::hq_cli::list_chain_catalog(*connection);
    if (*promotion_add) return pos::hq_cli::add_chain_promotions(*connection, master_file, master_by, promotion_scope);
    if (*promotion_list) return pos::hq_cli::list_chain_promotions(*connection);
    if (*transfers) return list_transfers(*connection, open_only);
    if (*demo) {
        auto made = pos::hq::generate_demo_chain(*connection, chain);
        if (!made) return failed(made.error());
        std::cout << "demo chain: " << made->stores << " stores, " << made->records << " new records from "
                  << made->first_day << " to " << made->last_day << "\n";
        return 0;
    }
    auto credentials = pos::hq::add_store(*connection, store_id, name, region);
    if (!credentials) return failed(credentials.error());
    // The password once, on standard output only: give it to the store's pos.toml [head_office].
    std::cout << "store " << credentials->store_id << " joined\nrole: " << credentials->role
              << "\npassword: " << credentials->password << "\n";
    return 0;
}
