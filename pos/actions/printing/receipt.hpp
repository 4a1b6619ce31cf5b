// The customer receipt (小票): a committed sale laid out for a 58 or 80 mm printer as ESC/POS
// bytes, in zh_CN or en (docs/cn-pos-conventions.md "Receipts"). Previews and tests run the
// bytes back through drivers/printer's interpreter, so what they check is what prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "drivers/printer/profile.hpp"
#include "pos/actions/setup/config.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// A sale or return on a member account: who, how much went on (or came off) the account, and
// what the member owes after it (receipt_member).
struct ReceiptMember {
    std::string card;
    std::string name;
    int64_t on_account_fen = 0;
    int64_t balance_fen = 0;
};

struct ReceiptOptions {
    drivers::printer::PrinterProfile profile = drivers::printer::generic_profile(58);
    std::string language;                          // empty: the lane's language
    std::string cashier_name;                      // printed after the operator number when known
    std::optional<std::string> reprinted_at;       // set: a reprint (重打小票) made at this time
    std::optional<bool> open_drawer;               // unset: kick only for a first print of a cash sale
    std::string original_receipt;                  // a return's: the receipt code it reverses (original_receipt_code)
    std::optional<drivers::printer::Raster> logo;  // printed centred above the store name
    std::optional<ReceiptMember> member;           // printed under the tenders
};

// The [receipt] logo of pos.toml made 1-bit and no wider than the profile's dots; nullopt when
// none is configured. A relative path is inside `data_dir`. An unreadable file is an error
// naming it (the receipt then prints without it).
[[nodiscard]] core::Result<std::optional<drivers::printer::Raster>> configured_logo(
    const LaneConfig& config, const std::string& data_dir, const drivers::printer::PrinterProfile& profile);

// The receipt number is printed as a QR code when pos.toml asks for one ([receipt] code = "qr",
// the default) and the profile's printer can print them, else as CODE128.
[[nodiscard]] bool receipt_uses_qr(const LaneConfig& config, const drivers::printer::PrinterProfile& profile);

// What the receipt's barcode holds and its 单号 shows: lane (2 digits) + receipt number (8).
[[nodiscard]] std::string receipt_code(int64_t lane, int64_t receipt_no);

// A cash tender was taken: the drawer has to open. Card-, mobile- and account-only sales never
// open it.
[[nodiscard]] bool takes_cash(const db::SaleRecord& sale);

// The receipt as the printer receives it. Voided lines are not printed (they stay in the
// journal for the void report); the 抹零 line prints in the totals, not among the items.
[[nodiscard]] std::vector<uint8_t> receipt_bytes(const db::SaleRecord& sale, const LaneConfig& config,
                                                 const ReceiptOptions& options);

// A sale by its id, or by this lane's receipt number; not_found names what was asked for.
[[nodiscard]] core::Result<db::SaleRecord> find_sale_for_receipt(db::LaneDb& db,
                                                                 const std::optional<std::string>& sale_id,
                                                                 std::optional<int64_t> receipt_no);

// The receipt code of the sale a return reverses; empty for a sale or a return without receipt.
[[nodiscard]] std::string original_receipt_code(db::LaneDb& db, const db::SaleRecord& sale);

// The member account movement of this sale or return, if it had one.
[[nodiscard]] std::optional<ReceiptMember> receipt_member(db::LaneDb& db, const db::SaleRecord& sale);

// The cashier's name for the receipt, empty when the operator is unknown.
[[nodiscard]] std::string cashier_name(db::LaneDb& db, const std::string& operator_id);

}  // namespace pos::actions
