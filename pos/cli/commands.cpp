// posctl subcommands: init, barcode parse, session run, catalog import/export.
#include "pos/cli/commands.hpp"

#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "drivers/scanner/barcode.hpp"
#include "pos/actions/access/users.hpp"
#include "pos/actions/payments/payment_desk.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/catalog_import.hpp"
#include "pos/cli/acting_operator.hpp"
#include "pos/cli/terminal_progress.hpp"

namespace pos::cli {
namespace {

using nlohmann::json;
namespace scanner = drivers::scanner;

json barcode_json(const scanner::ParsedBarcode& parsed) {
    json ais = json::array();
    for (const scanner::ApplicationIdentifier& ai : parsed.ais) ais.push_back({{"ai", ai.ai}, {"value", ai.value}});
    auto money = [](std::optional<int64_t> fen) {
        return fen ? json(core::Money::fen(*fen).to_string()) : json(nullptr);
    };
    auto text_or_null = [](const std::string& text) { return text.empty() ? json(nullptr) : json(text); };
    json error = nullptr;
    if (!parsed.valid) error = {{"code", std::string(scanner::error_name(parsed.error))}, {"message", parsed.message}};
    return {{"valid", parsed.valid},
            {"symbology", text_or_null(parsed.symbology)},
            {"aim", text_or_null(parsed.aim)},
            {"gtin", text_or_null(parsed.gtin)},
            {"kind", parsed.valid ? json(std::string(scanner::kind_name(parsed.kind))) : json(nullptr)},
            {"plu", text_or_null(parsed.plu)},
            {"price", money(parsed.price_fen)},
            {"weight_g", parsed.weight_g ? json(*parsed.weight_g) : json(nullptr)},
            {"ais", ais},
            {"error", error}};
}

void register_init(CLI::App& app, Command& command) {
    auto* init = app.add_subcommand("init", "create lane.db, store.db and pos.toml in the data directory");
    auto demo = std::make_shared<bool>(false);
    init->add_flag("--demo", *demo, "load the demo catalog and demo users");
    init->callback([&command, demo] {
        bool with_demo = *demo;
        command = [with_demo](const std::string& data_dir) {
            auto report_init = actions::init_data_dir(data_dir, with_demo);
            if (!report_init) return report(report_init.error());
            std::cout << fmt::format("initialised {}: {} items, {} users\n", report_init->data_dir, report_init->items,
                                     report_init->users);
            return exit_ok;
        };
    });
}

void register_barcode(CLI::App& app, Command& command) {
    auto* barcode = app.add_subcommand("barcode", "barcode tools");
    barcode->require_subcommand(1);
    auto* parse = barcode->add_subcommand("parse", "parse a code as the lane would; JSON on stdout");
    auto code = std::make_shared<std::string>();
    parse->add_option("CODE", *code, "the code, as scanned or typed")->required();
    parse->callback([&command, code] {
        command = [code](const std::string& data_dir) {
            // Use the lane's configured scale formats when a data directory exists.
            auto config = actions::load_config(data_dir);
            if (!config) return report(config.error());
            scanner::ParsedBarcode parsed = scanner::parse_barcode(*code, config->nomenclature);
            std::cout << barcode_json(parsed).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
            if (!parsed.valid) {
                std::cerr << "posctl: " << parsed.message << "\n";
                return exit_bad_input;
            }
            return exit_ok;
        };
    });
}

void register_session(CLI::App& app, Command& command) {
    auto* session = app.add_subcommand("session", "action scripts");
    session->require_subcommand(1);
    auto* run = session->add_subcommand("run", "replay a JSON Lines action script, one JSON result per action");
    auto file = std::make_shared<std::string>();
    run->add_option("FILE", *file, "the script (- for standard input)")->required();
    auto settle_wait = std::make_shared<int>(default_settle_wait_seconds);
    run->add_option("--settle-wait", *settle_wait,
                    "seconds to wait for the gateways to settle orders left open before the script runs")
        ->check(CLI::Range(1, 86400));
    run->callback([&command, file, settle_wait] {
        command = [file, settle_wait](const std::string& data_dir) {
            auto lane_files = actions::open_lane(data_dir);
            if (!lane_files) return report(lane_files.error());
            std::ifstream script_file;
            if (*file != "-") {
                script_file.open(*file);
                if (!script_file)
                    return report(core::make_error(core::ErrorCode::bad_input, *file + " cannot be opened"));
            }
            std::istream& script = *file == "-" ? std::cin : script_file;
            actions::Lane lane(*lane_files->db, lane_files->config);
            auto desk = actions::open_payment_desk(data_dir, lane_files->config);
            if (!desk) return report(desk.error());
            // Like the screen at start: orders a killed lane left open are settled before it sells.
            if (*desk && !settle_open_payments(**desk, *settle_wait, false)) return exit_failure;
            auto summary = actions::run_session(lane, script, std::cout, actions::local_now, desk->get());
            // Every action ran and answered; a failed one is a failure of the script.
            return summary.failed == 0 ? exit_ok : exit_failure;
        };
    });
}

void register_catalog(CLI::App& app, Command& command) {
    auto* catalog = app.add_subcommand("catalog", "catalog import and export (CSV, UTF-8)");
    catalog->require_subcommand(1);
    auto file = std::make_shared<std::string>();

    auto* import =
        catalog->add_subcommand("import", "replace the catalog with a CSV file; a file with bad rows changes nothing");
    import->add_option("FILE", *file, "the CSV file")->required();
    auto by = std::make_shared<std::string>();
    import->add_option("--by", *by,
                       "your operator number (a manager); without it, the first line of standard input. "
                       "Your PIN is always read from standard input or the terminal");
    import->callback([&command, file, by] {
        command = [file, by](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    auto checked = actions::read_catalog_file(*file, lane->config);
    if (!checked) return report(checked.error());
    if (!checked->problems.empty()) {
        for (const auto& problem : checked->problems) {
            std::cerr << fmt::format("{}: row {}, column {}: {}\n", *file, problem.row, problem.column,
                                     problem.message);
        }
        std::cerr << fmt::format("posctl: {} problem(s) found; the catalog was not changed\n",
                                 checked->problems.size());
        return exit_bad_input;
    }
    // One progress line per database written (store.db, then lane.db), on a terminal only.
    std::unique_ptr<TerminalProgress> shown;
    std::string showing;
    auto progress = [&](const std::string& database, int64_t written, int64_t total) {
        if (database != showing) {
            shown.reset();  // ends the previous line
            shown = std::make_unique<TerminalProgress>("writing " + database, total, "items");
            showing = database;
        }
        shown->update(written);
    };
    // Refused before anyone is asked for a PIN.
    if (auto allowed = actions::local_catalog_import_allowed(data_dir, *lane); !allowed) return report(allowed.error());
    auto staffed = actions::lane_has_operators(*lane->db);
    if (!staffed) return report(staffed.error());
    actions::Approval acting = *staffed ? read_acting_operator(*by, "manager") : actions::Approval{};
    auto installed = actions::import_catalog(data_dir, *lane, checked->items, acting, *file, progress);
    shown.reset();
    if (!installed) return report(installed.error());
    std::cout << fmt::format("imported {} items from {}\n", checked->items.size(), *file);
    return exit_ok;
};
}  // namespace
);

auto* export_ = catalog->add_subcommand("export", "write the catalog to a CSV file");
export_->add_option("FILE", *file, "the CSV file to write")->required();
export_->callback([&command, file] {
    command = [file](const std::string& data_dir) {
        auto lane = actions::open_lane(data_dir);
        if (!lane) return report(lane.error());
        if (auto written = actions::write_catalog_file(*file, *lane->db); !written) return report(written.error());
        std::cout << fmt::format("exported the catalog to {}\n", *file);
        return exit_ok;
    };
});
}  // namespace pos::cli

}  // namespace

int write_out(const std::string& body, const std::string& out, const std::string& what) {
    if (out.empty()) {
        std::cout << body;
        return exit_ok;
    }
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file << body;
    file.close();
    if (!file)
        return report(
            core::make_error(core::ErrorCode::io, out + " cannot be written: check the folder exists and is writable"));
    std::cerr << fmt::format("wrote {} to {}\n", what, out);
    return exit_ok;
}

int report(const core::Error& error) {
    std::cerr << "posctl: " << error.message << "\n";
    switch (error.code) {
        case core::ErrorCode::bad_input:
        case core::ErrorCode::bad_amount:
        case core::ErrorCode::bad_barcode:
        case core::ErrorCode::not_found: return exit_bad_input;
        default: return exit_failure;
    }
}

void register_commands(CLI::App& app, const std::string& /*data_dir*/, Command& command) {
    register_init(app, command);
    register_barcode(app, command);
    register_session(app, command);
    register_catalog(app, command);
    register_sync(app, command);
    register_user(app, command);
    register_devices(app, command);
    register_shift(app, command);
    register_day(app, command);
    register_audit(app, command);
    register_kept_aside(app, command);
    register_receipt(app, command);
    register_report(app, command);
    register_demo(app, command);
    register_member(app, command);
    register_promo(app, command);
    register_head_office(app, command);
    register_price_change(app, command);
    register_payments(app, command);
    register_stock(app, command);
}

}  // namespace pos::cli
