// Price-change documents: parsing the manager's CSV, the two-person rule, applying at the date.
#include "pos/actions/pricing/price_changes.hpp"

#include <map>

#include <fmt/format.h>

#include "db/shared/catalog_tables.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/access/store_audit.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

bool is_day(const std::string& day) {
    if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (day[i] < '0' || day[i] > '9') return false;
    }
    return true;
}

core::Result<std::vector<db::PriceChangeItem>> parse_items(const std::string& csv, db::StoreDb& store) {
    auto table = core::parse_csv(csv);
    if (!table) return table.error();
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < table->header.size(); ++i) column[table->header[i]] = i;
    if (!column.count("sku") || !column.count("new_price")) {
        return make_error(ErrorCode::bad_input,
                          "the price-change file needs a header row with sku and new_price "
                          "(old_price optional), e.g. sku,old_price,new_price");
    }
    std::vector<db::PriceChangeItem> items;
    for (size_t r = 0; r < table->rows.size(); ++r) {
        const core::CsvRow& row = table->rows[r];
        auto cell = [&](const std::string& name) {
            return column.count(name) && column[name] < row.size() ? row[column[name]] : std::string();
        };
        std::string where = fmt::format("row {}", r + 2);
        auto item = store.find_item_by_sku(cell("sku"));
        if (!item) return storage_error(item.error());
        if (!*item) {
            return make_error(ErrorCode::unknown_item,
                              fmt::format("{}: there is no item {} in the store's catalog", where, cell("sku")));
        }
        Money current = Money::fen((*item)->sale_unit == "weight" ? (*item)->price_per_kg_fen : (*item)->price_fen);
        auto price = Money::parse(cell("new_price"));
        if (!price || *price <= Money{}) {
            return make_error(ErrorCode::bad_amount,
                              fmt::format("{}: new_price must be an amount above 0, like 3.50", where));
        }
        if (!cell("old_price").empty()) {
            auto old_price = Money::parse(cell("old_price"));
            if (!old_price || *old_price != current) {
                return make_error(
                    ErrorCode::bad_input,
                    fmt::format("{}: old_price {} is not the catalog's price of {} ({}): the catalog is {}", where,
                                cell("old_price"), cell("sku"), (*item)->name_zh, current.to_string()));
            }
        }
        for (const db::PriceChangeItem& earlier : items) {
            if (earlier.sku == cell("sku")) {
                return make_error(ErrorCode::bad_input, fmt::format("{}: item {} is listed twice", where, cell("sku")));
            }
        }
        items.push_back({cell("sku"), current.in_fen(), price->in_fen()});
    }
    if (items.empty()) return make_error(ErrorCode::bad_input, "the price-change file lists no items");
    return items;
}

nlohmann::json items_json(const db::PriceChangeRecord& change) {
    nlohmann::json items = nlohmann::json::array();
    for (const db::PriceChangeItem& item : change.items) {
        items.push_back({{"sku", item.sku},
                         {"old_price", Money::fen(item.old_price_fen).to_string()},
                         {"new_price", Money::fen(item.new_price_fen).to_string()}});
    }
    return items;
}

}  // namespace

core::Result<Operator> Lane::authorize(const Approval& approval, core::Action action, std::string_view what,
                                       std::string_view requester, const std::string& now) {
    if (approval.approver.empty()) {
        return make_error(ErrorCode::approval_required, fmt::format("{} needs a {}: give their number and PIN", what,
                                                                    core::role_name(core::permission(action).minimum)));
    }
    auto user = check_credentials(approval.approver, approval.pin, core::action_name(action), now);
    if (!user) return user.error();
    auto role = core::parse_role(user->role);
    if (!role)
        return make_error(ErrorCode::not_permitted, fmt::format("operator {} has no known role", approval.approver));
    if (auto allowed = core::may_approve(requester, user->operator_id, *role, action); !allowed) {
        return make_error(ErrorCode::not_permitted, fmt::format("{}: {}", what, allowed.error().message));
    }
    return to_operator(*user);
}

std::string price_change_status(const db::PriceChangeRecord& change) {
    if (!change.applied_at.empty()) return "applied " + change.applied_at;
    if (!change.approved_by.empty()) return "approved, effective " + change.effective_on;
    return "waiting for approval";
}

core::Result<db::PriceChangeRecord> create_price_change(Lane& lane, db::LaneDb& /*lane_db*/, db::StoreDb& store,
                                                        const PriceChangeRequest& request, const std::string& now) {
    if (!is_day(request.effective_on)) {
        return make_error(ErrorCode::bad_input, "--effective must be a date like 2026-11-24");
    }
    if (request.effective_on < now.substr(0, 10)) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("the effective date {} is in the past: a price change takes "
                                      "effect today or later",
                                      request.effective_on));
    }
    if (auto clean = core::check_text("the reason", request.reason, 200); !clean) return clean.error();
    if (request.reason.empty())
        return make_error(ErrorCode::bad_input, "give a --reason: it is kept with the price change");
    auto creator = lane.authorize(request.by, core::Action::price_change_create, "creating a price change", "", now);
    if (!creator) return creator.error();
    auto items = parse_items(request.csv, store);
    if (!items) return items.error();
    db::PriceChangeRecord change{0,     request.effective_on, request.reason, creator->operator_id, now, {}, {}, {},
                                 *items};
    auto id = db::create_price_change(store, change);
    if (!id) return storage_error(id.error());
    change.id = *id;
    AuditEvent event{now,
                     lane.config().lane,
                     "price_change_create",
                     creator->operator_id,
                     {},
                     std::to_string(*id),
                     {{"effective", change.effective_on}, {"reason", change.reason}, {"items", items_json(change)}}};
    if (auto logged = record_store_audit(store, event, lane.config().lane); !logged) return logged.error();
    return change;
}

core::Result<db::PriceChangeRecord> approve_price_change(Lane& lane, db::LaneDb& /*lane_db*/, db::StoreDb& store,
                                                         int64_t id, const Approval& by, const std::string& now) {
    auto found = db::find_price_change(store, id);
    if (!found) return storage_error(found.error());
    if (!*found)
        return make_error(ErrorCode::not_found,
                          fmt::format("there is no price change {}: see posctl price-change list", id));
    db::PriceChangeRecord change = **found;
    if (!change.approved_by.empty()) {
        return make_error(ErrorCode::bad_input, fmt::format("price change {} was already approved by {} at {}", id,
                                                            change.approved_by, change.approved_at));
    }
    auto approver = lane.authorize(by, core::Action::price_change_approve, fmt::format("approving price change {}", id),
                                   change.created_by, now);
    if (!approver) return approver.error();
    if (auto approved = db::approve_price_change(store, id, approver->operator_id, now); !approved) {
        return storage_error(approved.error());
    }
    change.approved_by = approver->operator_id;
    change.approved_at = now;
    AuditEvent event{now,
                     lane.config().lane,
                     "price_change_approve",
                     change.created_by,
                     approver->operator_id,
                     std::to_string(id),
                     {{"effective", change.effective_on}, {"items", items_json(change)}}};
    if (auto logged = record_store_audit(store, event, lane.config().lane); !logged) return logged.error();
    return change;
}

core::Result<std::vector<int64_t>> apply_due_price_changes(db::LaneDb& /*lane_db*/, db::StoreDb& store,
                                                           int64_t lane_number, const std::string& now) {
    auto applied = db::apply_due_price_changes(store, now.substr(0, 10), now);
    if (!applied) return storage_error(applied.error());
    for (int64_t id : *applied) {
        AuditEvent event{now, lane_number,        "price_change_apply",    "posctl",
                         {},  std::to_string(id), nlohmann::json::object()};
        if (auto logged = record_store_audit(store, event, lane_number); !logged) return logged.error();
    }
    return *applied;
}

}  // namespace pos::actions
