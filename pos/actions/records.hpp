// Mapping between database records (db/) and domain values (pos/core), and DbError to core::Error.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "db/shared/db_error.hpp"
#include "db/shared/members.hpp"
#include "db/shared/records.hpp"
#include "pos/actions/lane_types.hpp"
#include "pos/core/catalog.hpp"
#include "pos/core/result.hpp"
#include "pos/core/ticket.hpp"

namespace pos::actions {

[[nodiscard]] core::CatalogItem to_catalog_item(const db::ItemRecord& record);
[[nodiscard]] db::ItemRecord to_item_record(const core::CatalogItem& item);

// The Lane's own values of its operator, shift and member. A role lane.db does not know (its
// users table allows only the four) reads as the least one, cashier.
[[nodiscard]] Operator to_operator(const db::UserRecord& user);
[[nodiscard]] OpenShift to_open_shift(const db::ShiftRecord& shift);
[[nodiscard]] Member to_member(const db::MemberRecord& record);

// storage, or corrupt_database when the file is damaged; the message already says what to do.
[[nodiscard]] core::Error storage_error(const db::DbError& error);

struct SaleContext {
    std::string sale_id;
    int64_t lane = 0;
    std::string shift_id;
    std::string operator_id;
    std::string completed_at;
};

// The sale as it is journaled: every line (voided ones too), the 抹零 line, the tenders.
[[nodiscard]] db::SaleRecord to_sale_record(const core::Ticket& ticket, const core::PaymentState& payment,
                                            const SaleContext& context);

// The JSON the store receives for a sale (outbox payload). Money as decimal strings.
[[nodiscard]] nlohmann::json sale_to_json(const db::SaleRecord& sale);

}  // namespace pos::actions
