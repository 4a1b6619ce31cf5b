// What the lane prints and when (docs/receipts.md): a sale's receipt once it is committed,
// a drawer kick for cash and no-sale only, reprints marked 重打小票, X/Z reports through the
// receipt printer's column layout. Runs on the UI thread; the printing itself is the
// PrintQueue's worker.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "drivers/printer/printer_watch.hpp"
#include "drivers/printer/profile.hpp"
#include "drivers/usb/device_match.hpp"
#include "pos/actions/setup/config.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/printing/print_queue.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// The profile pos.toml names ([devices] printer_profile), else the one listing the first
// configured printer, else generic-58. An unknown name is an error that lists the known ones.
[[nodiscard]] core::Result<drivers::printer::PrinterProfile> configured_printer_profile(
    const LaneConfig& config, const std::string& profiles_dir);

// Opens the first USB printer-class device, the configured VID:PIDs first; `profile` gives
// the chunk size for every printer it opens.
[[nodiscard]] PrinterOpener usb_printer_opener(drivers::printer::PrinterProfile profile,
                                               std::vector<drivers::usb::VidPid> printers);

// Opens the printer a PrinterWatch saw arrive on the shared USB context (pos with a USB
// thread): nothing is searched while it is unplugged.
[[nodiscard]] PrinterOpener watched_printer_opener(drivers::printer::PrinterWatch& watch);
// `profile` listing the configured VID:PIDs too, for the watch's preference.
[[nodiscard]] drivers::printer::PrinterProfile with_configured_printers(
    drivers::printer::PrinterProfile profile, const std::vector<drivers::usb::VidPid>& printers);

// An X or Z report as printed: shift_report_lines at the profile's width, then feed and cut.
[[nodiscard]] std::vector<uint8_t> shift_report_bytes(const ShiftReport& report, const LaneConfig& config,
                                                      const drivers::printer::PrinterProfile& profile);

// ESC @ then ESC p: the drawer kick on its own.
[[nodiscard]] std::vector<uint8_t> drawer_kick_bytes();

// The highest receipt number on this lane; not_found when nothing has been sold yet.
[[nodiscard]] core::Result<int64_t> last_receipt_no(db::LaneDb& db);

class Printing {
public:
    Printing(db::LaneDb& db, const LaneConfig& config, PrintQueue& queue) : db_(db), config_(config), queue_(queue) {}

    // Queues the receipt of a committed sale, after a drawer kick when cash was taken. Never
    // call before the commit: the sale is complete whatever the printer does. Returns its receipt number.
    [[nodiscard]] core::Result<int64_t> print_sale(const std::string& sale_id);
    // 重打小票 of a receipt (the lane's last when unset), marked with `now`; never kicks the drawer.
    [[nodiscard]] core::Result<int64_t> reprint(std::optional<int64_t> receipt_no, const std::string& now);
    // No-sale (F5): the drawer opens, nothing prints.
    void open_drawer();
    void print_report(const ShiftReport& report);
    // Plain lines (the 日结 totals) as a report slip.
    void print_lines(const std::vector<std::string>& lines);

    [[nodiscard]] core::Result<int64_t> last_receipt() { return last_receipt_no(db_); }
    [[nodiscard]] PrintQueueStatus status() const { return queue_.status(); }
    [[nodiscard]] PrintQueue& queue() { return queue_; }
    // Why the configured logo is left off the receipts (unreadable file); empty when fine.
    [[nodiscard]] const std::string& logo_problem();

private:
    // The [receipt] logo, read once from the data directory (lane.db's folder).
    const std::optional<drivers::printer::Raster>& logo();
    bool logo_loaded_ = false;
    std::optional<drivers::printer::Raster> logo_;
    std::string logo_problem_;

    db::LaneDb& db_;
    const LaneConfig& config_;
    PrintQueue& queue_;
};

}  // namespace pos::actions
