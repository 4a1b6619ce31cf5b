// Lane actions on the ticket itself: hold and resume (挂单/取单), item lookup, price override.
#include <fmt/format.h>

#include "db/lane_tickets.hpp"
#include "pos/actions/held_ticket.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/secrets.hpp"

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
    if (!ticket_.has_live_lines()) return make_error(ErrorCode::no_ticket, "the ticket is empty: there is nothing to hold");
    if (!ticket_.tenders().empty()) {
        return make_error(ErrorCode::payment_started, "payment has started: finish the payment, it cannot be held");
    }
    auto waiting = db::held_tickets(db_, config_.lane);
    if (!waiting) return storage_error(waiting.error());
    if (waiting->size() >= max_held_tickets) {
        return make_error(ErrorCode::bad_input, fmt::format("{} tickets are already on hold: resume one (取单) first",
                                                            waiting->size()));
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
    if (!*taken) return make_error(ErrorCode::not_found, "that held ticket is not there any more: it was resumed already");
    auto lines = held_lines_from_json((*taken)->ticket);
    if (!lines) {
        (void)db::hold_ticket(db_, **taken);  // put it back untouched for the technician
        return lines.error();
    }
    ticket_ = core::Ticket::resumed(std::move(*lines));
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

core::Result<LineChange> Lane::override_price(int line, Money price, const Approval& approval) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (auto approved = check_approval(approval, "a price change at the till"); !approved) return approved.error();
    if (auto changed = ticket_.override_price(line, price, approval.approver); !changed) return changed.error();
    return LineChange{line, ticket_.lines()[size_t(line - 1)], ticket_.payment(config_.cash_rounding).subtotal};
}

}  // namespace pos::actions
