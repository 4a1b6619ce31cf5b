// Resolving a record kept aside at the store (pos/actions/access/kept_aside_review.hpp).
#include "pos/actions/access/kept_aside_review.hpp"

#include <fmt/format.h>

#include "pos/actions/access/store_audit.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"

namespace pos::actions {

core::Result<db::KeptAside> resolve_kept_aside(Lane& lane, db::StoreDb& store, const Approval& acting, int64_t id,
                                               const std::string& resolution, int64_t via_lane) {
    if (resolution.empty()) {
        return core::make_error(core::ErrorCode::bad_input,
                                "say what you found and did with --note, e.g. --note \"forged on lane 2, "
                                "technician replaced its token\": the auditor reads it");
    }
    auto manager =
        lane.authorize(acting, core::Action::kept_aside_resolve, fmt::format("resolving record {} kept aside", id), "");
    if (!manager) return manager.error();
    // The resolution and its audit record land together or not at all.
    auto transaction = store.begin_transaction();
    if (!transaction) return storage_error(transaction.error());
    auto resolved = db::resolve_kept_aside(store, id, manager->operator_id, resolution, local_now());
    if (!resolved) return storage_error(resolved.error());
    if (!resolved->row) {
        return core::make_error(core::ErrorCode::not_found,
                                fmt::format("nothing kept aside has the number {}: see posctl kept-aside list", id));
    }
    const db::KeptAside& row = *resolved->row;
    if (!resolved->changed) {
        return core::make_error(core::ErrorCode::bad_input,
                                fmt::format("record {} kept aside was resolved already, on {} by {}", id,
                                            row.resolved_at.value_or("?"), row.resolved_by.value_or("?")));
    }
    nlohmann::json detail = {
        {"lane", row.lane}, {"kind", row.kind}, {"ref", row.ref}, {"why", row.why}, {"note", resolution}};
    if (auto logged = record_store_audit(
            store, {local_now(), 0, "kept_aside_resolve", manager->operator_id, {}, std::to_string(id), detail},
            via_lane);
        !logged) {
        return logged.error();
    }
    if (auto committed = transaction->commit(); !committed) return storage_error(committed.error());
    return row;
}

}  // namespace pos::actions
