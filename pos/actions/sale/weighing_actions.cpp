// Weighed items at the till (docs/cashier.md "Weighing at the till"): the weight from the lane's
// scale, or typed by hand, which on a lane with a scale needs a supervisor. Every other rule of a
// scan (lookup, prices, promotions) is scan()'s.
#include <fmt/format.h>

#include "pos/actions/access/audit.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/sale/code_lookup.hpp"
#include "pos/actions/scripts/session.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;

namespace {

// Any weight makes a weighed code resolve without asking for one; what matters is the item and
// whether its code already carries a weight (a scale label).
constexpr core::Quantity probe_weight = core::Quantity::grams(1);

}  // namespace

core::Result<std::optional<core::CatalogItem>> Lane::item_to_weigh(std::string_view code) {
    auto resolved = resolve_code(db_, config_.nomenclature, code, probe_weight);
    if (!resolved || resolved->from_label || resolved->item.sale_unit != core::SaleUnit::weight) {
        return std::optional<core::CatalogItem>{};
    }
    return std::optional<core::CatalogItem>{resolved->item};
}

core::Result<LineChange> Lane::scan_weighed(std::string_view code, core::Quantity grams, const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (!config_.scale) {
        return make_error(ErrorCode::bad_input, "this lane has no [scale] in pos.toml: type the weight instead");
    }
    if (grams.in_milli() < config_.scale->min_grams || grams.in_milli() > config_.scale->max_grams) {
        return make_error(ErrorCode::bad_amount,
                          fmt::format("{} g is outside the scale's range of {} to {} g", grams.in_milli(),
                                      config_.scale->min_grams, config_.scale->max_grams));
    }
    auto item = item_to_weigh(code);
    if (!item) return item.error();
    if (!*item) return make_error(ErrorCode::bad_input, fmt::format("{} is not an item weighed at the till", code));
    auto resolved = resolve_code(db_, config_.nomenclature, code, grams);
    if (!resolved) return resolved.error();
    core::Ticket next = ticket_;
    auto line = next.add_item(resolved->item, resolved->gtin, resolved->quantity, resolved->unit_price,
                              resolved->label_amount, resolved->from_label);
    if (!line) return line.error();
    if (auto marked = next.record_weight_source(*line, true, {}); !marked) return marked.error();
    if (auto priced = reprice(next, now); !priced) return priced.error();
    ticket_ = std::move(next);
    return change_after(*line);
}

core::Result<LineChange> Lane::scan_keyed_weight(std::string_view code, core::Quantity weight, const Approval& approval,
                                                 const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    auto item = item_to_weigh(code);
    if (!item) return item.error();
    if (!*item) return make_error(ErrorCode::bad_input, fmt::format("{} is not an item weighed at the till", code));
    if (config_.scale) {
        if (auto approved = check_approval(approval, core::Action::keyed_weight, "a weight typed by hand"); !approved)
            return approved.error();
    }
    auto resolved = resolve_code(db_, config_.nomenclature, code, weight);
    if (!resolved) return resolved.error();
    core::Ticket next = ticket_;  // kept only once the keyed weight is in the audit log
    auto line = next.add_item(resolved->item, resolved->gtin, resolved->quantity, resolved->unit_price,
                              resolved->label_amount, resolved->from_label);
    if (!line) return line.error();
    std::string approver = config_.scale ? approval.approver : std::string();
    if (auto marked = next.record_weight_source(*line, false, approver); !marked) return marked.error();
    if (auto priced = reprice(next, now); !priced) return priced.error();
    if (config_.scale) {
        AuditEvent event{now.empty() ? local_now() : now,
                         config_.lane,
                         "keyed_weight",
                         operator_->operator_id,
                         approval.approver,
                         shift_->id,
                         {{"line", *line}, {"sku", resolved->item.sku}, {"grams", weight.in_milli()}}};
        if (auto logged = record_audit(db_, event); !logged) return logged.error();
    }
    ticket_ = std::move(next);
    return change_after(*line);
}

}  // namespace pos::actions
