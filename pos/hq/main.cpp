// pos-hq: the head office's program (docs/head-office.md). It works on the chain's PostgreSQL
// database named by --db (a libpq connection string; the password comes from ~/.pgpass or
// PGPASSWORD, never from the command line).
//   pos-hq --db CONNINFO init                                  create or migrate the schema
//   pos-hq --db CONNINFO store add STORE --name N --region R   the store's own role and password
#include <iostream>

#include <CLI/CLI.hpp>

#include "hq/head_office.hpp"
#include "hq/migrations.hpp"

namespace {

std::optional<pos::hq::PgConnection> connect(const std::string& conninfo) {
    auto connection = pos::hq::PgConnection::open(conninfo);
    if (!connection) {
        std::cerr << "pos-hq: cannot connect to the head office database: " << connection.error().message
                  << "\n(check --db, and the password in ~/.pgpass or PGPASSWORD)\n";
        return std::nullopt;
    }
    return std::move(*connection);
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
    CLI11_PARSE(app, argc, argv);

    auto connection = connect(conninfo);
    if (!connection) return 1;
    if (*init) {
        auto version = pos::hq::migrate(*connection);
        if (!version) {
            std::cerr << "pos-hq: " << version.error().message << "\n";
            return 1;
        }
        std::cout << "head office schema at version " << *version << "\n";
        return 0;
    }
    auto credentials = pos::hq::add_store(*connection, store_id, name, region);
    if (!credentials) {
        std::cerr << "pos-hq: " << credentials.error().message << "\n";
        return credentials.error().sqlstate == "22023" ? 2 : 1;
    }
    // The password once, on standard output only: give it to the store's pos.toml [head_office].
    std::cout << "store " << credentials->store_id << " joined\nrole: " << credentials->role
              << "\npassword: " << credentials->password << "\n";
    return 0;
}
