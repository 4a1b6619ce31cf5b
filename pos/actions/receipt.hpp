// The customer receipt (小票): a committed sale laid out for a 58 or 80 mm printer as ESC/POS
// bytes, in zh_CN or en (notes/cn-pos-conventions.md "Receipts"). Previews and tests run the
// bytes back through drivers/printer's interpreter, so what they check is what prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/lane_db.hpp"
#include "drivers/printer/profile.hpp"
#include "pos/actions/config.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct ReceiptOptions {
    drivers::printer::PrinterProfile profile = drivers::printer::generic_profile(58);
    std::string language;                     // empty: the lane's language
    std::string cashier_name;                 // printed after the operator number when known
    std::optional<std::string> reprinted_at;  // set: a reprint (重打小票) made at this time
    std::optional<bool> open_drawer;          // unset: kick only for a first print of a cash sale
};

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
[[nodiscard]] core::Result<db::SaleRecord> find_sale_for_receipt(db::LaneDb& db, const std::optional<std::string>& sale_id,
                                                                 std::optional<int64_t> receipt_no);

// The cashier's name for the receipt, empty when the operator is unknown.
[[nodiscard]] std::string cashier_name(db::LaneDb& db, const std::string& operator_id);

}  // namespace pos::actions
