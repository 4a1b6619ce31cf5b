// The lane's configuration, read from pos.toml in the data directory (docs/design.md "Configuration").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/display/display_worker.hpp"
#include "drivers/scale/scale_worker.hpp"
#include "drivers/scanner/barcode.hpp"
#include "drivers/serial/serial_port.hpp"
#include "drivers/usb/device_match.hpp"
#include "pos/actions/payments/payment_config.hpp"
#include "pos/actions/setup/key_bindings.hpp"
#include "pos/core/cash_rounding.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// [display]: the customer display (客显) on a serial port (docs/devices.md "Customer display").
struct DisplayConfig {
    drivers::display::DisplayModel model = drivers::display::DisplayModel::led8;
    std::string port;                    // e.g. "/dev/ttyUSB0" or a /dev/serial/by-id/ path
    drivers::serial::LineSettings line;  // the display's DIP switches; default 2400 8N1 (led8), 9600 8N1 (vfd)
    int timeout_ms = 500;                // longest a write may take before the display counts as gone
    std::string idle_text;               // shown between sales (vfd); empty: the store name
    drivers::display::Led8Options led8;  // lamp_codes
    drivers::display::VfdOptions vfd;    // commands, charset
};

// [display] window = true: on a dual-screen till (双屏), a window for the customer on the second
// monitor (docs/devices.md "The customer's screen").
struct CustomerWindowConfig {
    std::string idle_text;  // shown between sales; empty: the store name
    bool operator==(const CustomerWindowConfig&) const = default;
};

// [scale]: the checkout scale (称重) on a serial port (docs/devices.md "Checkout scale").
struct ScaleConfig {
    drivers::scale::ScaleProtocol protocol = drivers::scale::ScaleProtocol::toledo8217;
    std::string port;
    drivers::serial::LineSettings line;  // default 9600 7E1 (toledo8217), 9600 8N1 (continuous)
    int timeout_ms = 500;                // longest an answer may take
    int64_t min_grams = 20;              // lighter weights are not sold from the scale
    int64_t max_grams = 15000;           // the scale's capacity
};

struct LaneConfig {
    std::string store_name = "Demo Store";
    std::string store_address;
    std::string store_tax_id;
    int lane = 1;
    std::string language = "zh_CN";
    std::string store_db_path = "store.db";  // relative paths are inside the data directory
    // Service mode: the pos-store address and this lane's token. Empty url: store_db_path is used.
    std::string store_url;
    std::string store_token;
    std::string store_pin;  // SHA-256 of pos-store's certificate, 64 hex digits (needed with https)
    // [head_office] (issue 22): where this store pushes its records. conninfo is libpq's
    // ("host=hq.example dbname=hq user=store_sh_001 sslmode=verify-full sslrootcert=..."); the
    // password is read from password_file (mode 0600) or libpq's ~/.pgpass. Empty: no head office.
    std::string head_office_conninfo;
    std::string head_office_password_file;
    core::CashRounding cash_rounding;
    core::Money pay_out_approval_above = core::Money::yuan(100);  // pay-outs above this need a supervisor
    core::Money variance_approval_above = core::Money::yuan(10);  // shift variances above this need one too
    // [approvals] override_<role>_percent: how far an approver of each role may move a price at the
    // till, in percent of the catalog price (100: no limit; admins have none). Unset: no limit
    // above the cashier, as before the limits existed.
    int override_cashier_percent = 0;
    int override_supervisor_percent = 100;
    int override_manager_percent = 100;
    int64_t lockout_minutes = 15;  // [security] after 5 wrong PINs in a row the operator waits this long
    // [security] approver_pin_digits: the fewest digits of a supervisor's, manager's or admin's PIN
    // (6 to 8; cashiers keep 4 to 8). scripted_time: action scripts and posctl --now may set the
    // clock (demo and test lanes only: `init --demo` writes it); otherwise the system clock rules.
    int approver_pin_digits = 6;
    bool scripted_time = false;
    drivers::scanner::Nomenclature nomenclature = drivers::scanner::default_nomenclature();
    // USB scanners the lane reads itself ([devices] scanners). Others type as keyboards.
    std::vector<drivers::usb::VidPid> scanners;
    // The USB receipt printer ([devices] printers, printer_profile). No printer listed: `pos`
    // prints nothing and shows no printer state. printer_profile is a file name in
    // assets/printers without .json; empty: the profile listing the printer, else generic-58.
    std::vector<drivers::usb::VidPid> printers;
    std::string printer_profile;
    // [receipt] code: the receipt number as "qr" (CODE128 on printers whose profile says
    // "qr": false) or "code128". logo: an image file (PNG or PBM) printed at the top; relative
    // paths are inside the data directory; empty: no logo.
    std::string receipt_code = "qr";
    std::string receipt_logo;
    // [keys]: the checkout key of every remappable action (key_bindings.hpp), defaults with the
    // store's [keys] applied; no key does two actions on one screen (docs/keys.md).
    std::map<std::string, std::string> keys = default_key_bindings();
    // [payments]: payment codes (付款码) charged through the gateways; none set: F4 says so.
    PaymentConfig payments;
    // [display] and [scale]; none (the default, or kind = "none"): the lane has no such device.
    std::optional<DisplayConfig> display;
    std::optional<CustomerWindowConfig> customer_window;  // [display] window = true
    std::optional<ScaleConfig> scale;
};

// Parses pos.toml text. Any unknown key or bad value is an error naming the key and its line,
// never silently ignored. `source` names the file in messages.
[[nodiscard]] core::Result<LaneConfig> parse_config(std::string_view toml_text, std::string_view source);

// Reads DIR/pos.toml; a missing file gives the defaults.
[[nodiscard]] core::Result<LaneConfig> load_config(const std::string& data_dir);

}  // namespace pos::actions
