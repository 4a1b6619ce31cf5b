// The lane's configuration, read from pos.toml in the data directory (docs/design.md "Configuration").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/scanner/barcode.hpp"
#include "drivers/usb/device_match.hpp"
#include "pos/actions/payments/payment_config.hpp"
#include "pos/actions/setup/key_bindings.hpp"
#include "pos/core/cash_rounding.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

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
};

// Parses pos.toml text. Any unknown key or bad value is an error naming the key and its line,
// never silently ignored. `source` names the file in messages.
[[nodiscard]] core::Result<LaneConfig> parse_config(std::string_view toml_text, std::string_view source);

// Reads DIR/pos.toml; a missing file gives the defaults.
[[nodiscard]] core::Result<LaneConfig> load_config(const std::string& data_dir);

}  // namespace pos::actions
