// Print jobs made from lane.db records; the bytes come from the receipt and report layouts.
#include "pos/actions/printing/printing.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "drivers/printer/escpos.hpp"
#include "drivers/printer/slip.hpp"
#include "drivers/printer/usb_transport.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/shift/shift_report.hpp"

namespace pos::actions {
namespace {

namespace printer = drivers::printer;

}  // namespace

core::Result<printer::PrinterProfile> configured_printer_profile(const LaneConfig& config,
                                                                 const std::string& profiles_dir) {
    auto profiles = printer::load_profiles(profiles_dir);
    if (!profiles) return core::make_error(core::ErrorCode::io, "printer profiles: " + profiles.error());
    if (!config.printer_profile.empty()) {
        std::string known;
        for (const printer::PrinterProfile& profile : *profiles) {
            if (profile.id == config.printer_profile) return profile;
            known += (known.empty() ? "" : ", ") + profile.id;
        }
        return core::make_error(core::ErrorCode::bad_input,
                                fmt::format("devices.printer_profile: no profile \"{}\" in {} (known: {})",
                                            config.printer_profile, profiles_dir, known));
    }
    printer::UsbId first;
    if (!config.printers.empty()) first = {config.printers.front().vid, config.printers.front().pid};
    return printer::match_profile(*profiles, first, 58);
}

printer::PrinterProfile with_configured_printers(printer::PrinterProfile profile,
                                                 const std::vector<drivers::usb::VidPid>& printers) {
    for (const drivers::usb::VidPid& id : printers) profile.usb.push_back({id.vid, id.pid});
    return profile;
}

PrinterOpener watched_printer_opener(printer::PrinterWatch& watch) {
    return [&watch] { return watch.open(); };
}

PrinterOpener usb_printer_opener(printer::PrinterProfile profile, std::vector<drivers::usb::VidPid> printers) {
    // The configured profile lists the configured VID:PIDs, so open_first tries them first
    // and gives every printer it opens this profile's chunk size.
    profile = with_configured_printers(std::move(profile), printers);
    return [profile]() -> printer::UsbResult<std::unique_ptr<printer::Transport>> {
        auto opened = printer::UsbTransport::open_first({profile}, profile.paper_mm);
        if (!opened) return opened.error();
        return std::unique_ptr<printer::Transport>(std::move(*opened));
    };
}

std::vector<uint8_t> shift_report_bytes(const ShiftReport& report, const LaneConfig& config,
                                        const printer::PrinterProfile& profile) {
    return printer::slip_bytes(shift_report_lines(report, config, profile.columns), profile);
}

std::vector<uint8_t> drawer_kick_bytes() { return printer::Encoder().initialize().drawer_kick().take(); }

core::Result<int64_t> last_receipt_no(db::LaneDb& db) {
    auto number = db.last_receipt_no();
    if (!number) return storage_error(number.error());
    if (!*number) return core::make_error(core::ErrorCode::not_found, "no receipt on this lane yet");
    return **number;
}

const std::optional<printer::Raster>& Printing::logo() {
    if (!logo_loaded_) {
        logo_loaded_ = true;
        std::string data_dir = std::filesystem::path(db_.path()).parent_path().string();
        auto loaded = configured_logo(config_, data_dir, queue_.profile());
        if (loaded)
            logo_ = std::move(*loaded);
        else
            logo_problem_ = loaded.error().message;
    }
    return logo_;
}

const std::string& Printing::logo_problem() {
    logo();
    return logo_problem_;
}

core::Result<int64_t> Printing::print_sale(const std::string& sale_id) {
    auto sale = find_sale_for_receipt(db_, sale_id, std::nullopt);
    if (!sale) return sale.error();
    ReceiptOptions options;
    options.profile = queue_.profile();
    options.cashier_name = cashier_name(db_, sale->operator_id);
    options.original_receipt = original_receipt_code(db_, *sale);
    options.member = receipt_member(db_, *sale);
    options.logo = logo();
    // The kick is a job of its own: the drawer opens now, even while the receipt waits for paper.
    options.open_drawer = false;
    if (takes_cash(*sale) && options.profile.drawer) queue_.submit(PrintKind::drawer, 0, drawer_kick_bytes());
    queue_.submit(PrintKind::receipt, sale->receipt_no, receipt_bytes(*sale, config_, options));
    return sale->receipt_no;
}

core::Result<int64_t> Printing::reprint(std::optional<int64_t> receipt_no, const std::string& now) {
    if (!receipt_no) {
        auto last = last_receipt_no(db_);
        if (!last) return last.error();
        receipt_no = *last;
    }
    auto sale = find_sale_for_receipt(db_, std::nullopt, receipt_no);
    if (!sale) return sale.error();
    ReceiptOptions options;
    options.profile = queue_.profile();
    options.cashier_name = cashier_name(db_, sale->operator_id);
    options.original_receipt = original_receipt_code(db_, *sale);
    options.member = receipt_member(db_, *sale);
    options.reprinted_at = now;
    options.logo = logo();
    options.open_drawer = false;
    queue_.submit(PrintKind::reprint, sale->receipt_no, receipt_bytes(*sale, config_, options));
    return sale->receipt_no;
}

void Printing::open_drawer() {
    if (queue_.profile().drawer) queue_.submit(PrintKind::drawer, 0, drawer_kick_bytes());
}

void Printing::print_report(const ShiftReport& report) {
    queue_.submit(PrintKind::report, 0, shift_report_bytes(report, config_, queue_.profile()));
}

void Printing::print_lines(const std::vector<std::string>& lines) {
    queue_.submit(PrintKind::report, 0, printer::slip_bytes(lines, queue_.profile()));
}

}  // namespace pos::actions
