// posctl receipt render: a committed sale's receipt as text, ESC/POS bytes or a PNG preview,
// made by running the exact printer bytes through the ESC/POS interpreter. posctl receipt
// print: the same bytes sent to the lane's USB printer now, for a technician testing it.
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "drivers/printer/interpreter.hpp"
#include "drivers/printer/printer.hpp"
#include "drivers/printer/render.hpp"
#include "pos/actions/printing/printing.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

namespace printer = drivers::printer;

struct RenderArgs {
    std::string sale_id;
    int64_t receipt_no = 0;
    std::string format = "text";
    int width = 0;  // 0: the profile's (58 unless configured)
    std::string output;
    bool reprint = false;
    std::string language;
};

core::Status write_output(const std::string& path, const std::string& data) {
    if (path.empty() || path == "-") {
        std::cout << data;
        std::cout.flush();
        return core::Done{};
    }
    std::ofstream file(path, std::ios::binary);
    file << data;
    file.close();
    if (!file) return core::make_error(core::ErrorCode::io, path + " cannot be written");
    return core::Done{};
}

int render(const RenderArgs& args, const std::string& data_dir) {
    auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    std::optional<std::string> id;
    std::optional<int64_t> number;
    if (!args.sale_id.empty()) id = args.sale_id;
    if (args.receipt_no > 0) number = args.receipt_no;
    auto sale = actions::find_sale_for_receipt(*lane->db, id, number);
    if (!sale) return report(sale.error());

    actions::ReceiptOptions options;
    options.profile = printer::generic_profile(args.width == 80 ? 80 : 58);
    options.language = args.language;
    options.cashier_name = actions::cashier_name(*lane->db, sale->operator_id);
    options.original_receipt = actions::original_receipt_code(*lane->db, *sale);
    options.member = actions::receipt_member(*lane->db, *sale);
    if (args.reprint) options.reprinted_at = actions::local_now();
    auto logo = actions::configured_logo(lane->config, data_dir, options.profile);
    if (!logo) return report(logo.error());
    options.logo = *logo;
    std::vector<uint8_t> bytes = actions::receipt_bytes(*sale, lane->config, options);

    std::string data;
    if (args.format == "escpos") {
        data.assign(bytes.begin(), bytes.end());
    } else {
        auto document = printer::interpret(bytes);
        if (!document) {
            return report(core::make_error(core::ErrorCode::internal,
                                           fmt::format("receipt bytes rejected at offset {}: {}",
                                                       document.error().offset, document.error().message)));
        }
        if (args.format == "text") {
            data = printer::to_text(*document, options.profile.columns);
        } else {
            auto bitmap = printer::render(*document, printer::RenderOptions{options.profile.dots, 24});
            if (!bitmap) return report(core::make_error(core::ErrorCode::io, bitmap.error()));
            std::vector<uint8_t> png = printer::encode_png(*bitmap);
            data.assign(png.begin(), png.end());
        }
    }
    if (auto written = write_output(args.output, data); !written) return report(written.error());
    return exit_ok;
}

struct PrintArgs {
    std::string sale_id;
    int64_t receipt_no = 0;
    bool reprint = false;
    bool drawer = false;
};

// Straight to the printer, not through pos's queue: a technician wants the answer now.
int print(const PrintArgs& args, const std::string& data_dir) {
    auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    std::optional<std::string> id;
    std::optional<int64_t> number;
    if (!args.sale_id.empty()) id = args.sale_id;
    if (args.receipt_no > 0) number = args.receipt_no;
    auto sale = actions::find_sale_for_receipt(*lane->db, id, number);
    if (!sale) return report(sale.error());
    auto profile = actions::configured_printer_profile(lane->config, actions::assets_dir() + "/printers");
    if (!profile) return report(profile.error());

    actions::ReceiptOptions options;
    options.profile = *profile;
    options.cashier_name = actions::cashier_name(*lane->db, sale->operator_id);
    options.original_receipt = actions::original_receipt_code(*lane->db, *sale);
    options.member = actions::receipt_member(*lane->db, *sale);
    if (args.reprint) options.reprinted_at = actions::local_now();
    options.open_drawer = args.drawer;
    auto logo = actions::configured_logo(lane->config, data_dir, options.profile);
    if (!logo) return report(logo.error());
    options.logo = *logo;
    std::vector<uint8_t> bytes = actions::receipt_bytes(*sale, lane->config, options);

    auto transport = actions::usb_printer_opener(*profile, lane->config.printers)();
    if (!transport) return report(core::make_error(core::ErrorCode::io, transport.error().message));
    printer::PrintOutcome outcome = printer::print_job(**transport, *profile, bytes);
    if (!outcome.printed) {
        return report(core::make_error(core::ErrorCode::io,
                                       fmt::format("receipt {} not printed: {}", sale->receipt_no, outcome.reason)));
    }
    std::cout << fmt::format("receipt {} printed ({} bytes, profile {}){}\n", sale->receipt_no, bytes.size(),
                             profile->id, outcome.status.paper_near_end ? "; paper is running low" : "");
    return exit_ok;
}

}  // namespace

void register_receipt(CLI::App& app, Command& command) {
    auto* receipt = app.add_subcommand("receipt", "customer receipts");
    receipt->require_subcommand(1);
    auto args = std::make_shared<RenderArgs>();
    auto* render_cmd = receipt->add_subcommand("render", "a sale's receipt as the printer would print it");
    auto* by_sale = render_cmd->add_option("--sale", args->sale_id, "the sale id (UUID)");
    auto* by_receipt =
        render_cmd->add_option("--receipt", args->receipt_no, "this lane's receipt number")->check(CLI::PositiveNumber);
    by_sale->excludes(by_receipt);
    render_cmd->add_option("--format", args->format, "text, escpos (the printer's bytes) or png")
        ->check(CLI::IsMember({"text", "escpos", "png"}));
    render_cmd->add_option("--width", args->width, "paper width in mm")->check(CLI::IsMember({58, 80}));
    render_cmd->add_option("-o,--output", args->output, "write to this file (default: standard output)");
    render_cmd->add_option("--lang", args->language, "zh_CN or en (default: the lane's language)")
        ->check(CLI::IsMember({"zh_CN", "en"}));
    render_cmd->add_flag("--reprint", args->reprint, "mark it 重打小票 with the current time");
    render_cmd->callback([&command, args, by_sale, by_receipt] {
        if (by_sale->count() == 0 && by_receipt->count() == 0) throw CLI::RequiredError("--sale or --receipt");
        if (args->format == "png" && args->output.empty()) throw CLI::ValidationError("--format png", "needs -o FILE");
        command = [args](const std::string& data_dir) { return render(*args, data_dir); };
    });

    auto print_args = std::make_shared<PrintArgs>();
    auto* print_cmd =
        receipt->add_subcommand("print", "print a sale's receipt on the lane's USB printer now (printer test)");
    auto* print_sale = print_cmd->add_option("--sale", print_args->sale_id, "the sale id (UUID)");
    auto* print_receipt = print_cmd->add_option("--receipt", print_args->receipt_no, "this lane's receipt number")
                              ->check(CLI::PositiveNumber);
    print_sale->excludes(print_receipt);
    print_cmd->add_flag("--reprint", print_args->reprint, "mark it 重打小票 with the current time");
    print_cmd->add_flag("--drawer", print_args->drawer, "kick the drawer open too (off by default)");
    print_cmd->callback([&command, print_args, print_sale, print_receipt] {
        if (print_sale->count() == 0 && print_receipt->count() == 0) throw CLI::RequiredError("--sale or --receipt");
        command = [print_args](const std::string& data_dir) { return print(*print_args, data_dir); };
    });
}

}  // namespace pos::cli
