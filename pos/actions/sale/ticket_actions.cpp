// Lane actions on the ticket itself: hold and resume (挂单/取单), item lookup, price override.
#include <fmt/format.h>

#include "db/lane/tickets.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/sale/held_ticket.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/core/override_limit.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

HeldTicket to_held(const db::HeldTicketRecord& record) {
    return HeldTicket{record.id, record.held_at, record.operator_id, record.lines, Money::fen(record.total_fen)};
}

}  // namespace

core::Result<HeldTicket> Lane::suspend(const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (!ticket_.has_live_lines())
        return make_error(ErrorCode::no_ticket, "the ticket is empty: there is nothing to hold");
    if (!ticket_.tenders().empty()) {
        return make_error(ErrorCode::payment_started, "payment has started: finish the payment, it cannot be held");
    }
    auto waiting = db::held_tickets(db_, config_.lane);
    if (!waiting) return storage_error(waiting.error());
    if (waiting->size() >= max_held_tickets) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("{} tickets are already on hold: resume one (取单) first", waiting->size()));
    }
    Money total = ticket_.payment(config_.cash_rounding).subtotal;
    db::HeldTicketRecord record{new_uuid(),
                                config_.lane,
                                operator_->operator_id,
                                now,
                                int64_t(ticket_.lines().size()),
                                total.in_fen(),
                                held_lines_json(ticket_)};
    if (auto held = db::hold_ticket(db_, record); !held) return storage_error(held.error());
    ticket_ = core::Ticket{};
    sale_id_.clear();  // a code refused for the held ticket names no sale: the next ticket gets its own id
    member_.reset();   // a held ticket keeps its lines only: look the member up again on resuming
    return to_held(record);
}

core::Result<std::vector<HeldTicket>> Lane::held_tickets() {
    auto records = db::held_tickets(db_, config_.lane);
    if (!records) return storage_error(records.error());
    std::vector<HeldTicket> held;
    for (const db::HeldTicketRecord& record : *records) held.push_back(to_held(record));
    return held;
}

core::Result<HeldTicket> Lane::resume(const std::optional<std::string>& id) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (ticket_.has_live_lines() || !ticket_.tenders().empty()) {
        return make_error(ErrorCode::ticket_open, "a ticket is open: finish or hold it before resuming another");
    }
    std::string wanted;
    if (id) {
        wanted = *id;
    } else {
        auto held = held_tickets();
        if (!held) return held.error();
        if (held->empty()) return make_error(ErrorCode::not_found, "no ticket is on hold");
        if (held->size() > 1) {
            return make_error(ErrorCode::bad_input,
                              fmt::format("{} tickets are on hold: choose which one to resume", held->size()));
        }
        wanted = held->front().id;
    }
    auto taken = db::take_held_ticket(db_, wanted);
    if (!taken) return storage_error(taken.error());
    if (!*taken)
        return make_error(ErrorCode::not_found, "that held ticket is not there any more: it was resumed already");
    auto lines = held_lines_from_json((*taken)->ticket);
    if (!lines) {
        (void)db::hold_ticket(db_, **taken);  // put it back untouched for the technician
        return lines.error();
    }
    ticket_ = core::Ticket::resumed(std::move(*lines));
    // Promotions are those of today, not of when it was held (the catalog may have moved on).
    if (auto priced = reprice(ticket_, {}); !priced) return priced.error();
    return to_held(**taken);
}

core::Result<std::vector<core::CatalogItem>> Lane::search(std::string_view query, int limit) {
    std::string text(query);
    if (text.empty()) return std::vector<core::CatalogItem>{};
    if (text.size() > 80) return make_error(ErrorCode::bad_input, "type fewer letters to search");
    auto found = db::search_items(db_, text, limit);
    if (!found) return storage_error(found.error());
    std::vector<core::CatalogItem> items;
    for (const db::ItemRecord& record : *found) items.push_back(to_catalog_item(record));
    return items;
}

core::Result<LineChange> Lane::override_price(int line, Money price, const Approval& approval, const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (auto approved = check_approval(approval, core::Action::price_override, "a price change at the till"); !approved)
        return approved.error();
    core::Ticket next = ticket_;  // kept only once the override is in the audit log
    if (auto changed = next.override_price(line, price, approval.approver); !changed) return changed.error();
    const core::TicketLine& after = next.lines()[size_t(line - 1)];
    // The limit is the approver's role's, against the catalog price (not an earlier override).
    auto approver = db_.find_user(approval.approver);
    if (!approver) return storage_error(approver.error());
    std::string role = *approver ? (*approver)->role : std::string("cashier");
    int limit = role == "admin"        ? 100
                : role == "manager"    ? config_.override_manager_percent
                : role == "supervisor" ? config_.override_supervisor_percent
                                       : config_.override_cashier_percent;
    Money catalog_price = after.original_price.value_or(after.unit_price);
    if (auto within = core::check_override_limit(catalog_price, price, limit, role); !within) {
        AuditEvent refused{now.empty() ? local_now() : now,
                           config_.lane,
                           "override_refused",
                           operator_->operator_id,
                           approval.approver,
                           shift_->id,
                           {{"line", line},
                            {"sku", after.item.sku},
                            {"price", price.to_string()},
                            {"catalog_price", catalog_price.to_string()},
                            {"limit_percent", limit}}};
        if (auto logged = record_audit(db_, refused); !logged) return logged.error();
        return within.error();
    }
    if (auto priced = reprice(next, now); !priced) return priced.error();
    AuditEvent event{now.empty() ? local_now() : now,
                     config_.lane,
                     "override",
                     operator_->operator_id,
                     approval.approver,
                     shift_->id,
                     {{"line", line},
                      {"sku", after.item.sku},
                      {"price", price.to_string()},
                      {"catalog_price", ticket_.lines()[size_t(line - 1)].unit_price.to_string()},
                      {"limit_percent", limit}}};
    if (auto logged = record_audit(db_, event); !logged) return logged.error();
    ticket_ = std::move(next);
    return change_after(line);
}

}  // namespace pos::actions
