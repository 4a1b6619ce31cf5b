// Returns at the service desk (退货, 红字): the original sale by its receipt, what is still
// returnable, the refund back to the original tenders, committed negative like a sale.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "db/lane/payment_journal.hpp"
#include "db/lane/returns.hpp"
#include "db/shared/members.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/sale/code_lookup.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/returns/return_store.hpp"
#include "pos/actions/access/secrets.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

// Where a receipt points: a sale id (its lane unknown, 0), or a receipt number on a lane.
struct ReceiptRef {
    std::optional<std::string> sale_id;
    std::optional<int64_t> receipt_no;
    int64_t lane = 0;
};

// Accepts the scanned receipt barcode (lane 2 digits + number 8 digits, with or without an AIM
// prefix such as "]C0"), a receipt number typed alone (this lane's), or a sale id.
core::Result<ReceiptRef> parse_receipt(std::string text, int64_t this_lane) {
    auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
    text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), blank));
    text.erase(std::find_if_not(text.rbegin(), text.rend(), blank).base(), text.end());
    if (text.size() > 3 && text[0] == ']') text = text.substr(3);
    if (text.empty()) return make_error(ErrorCode::bad_input, "scan the receipt's barcode or type its number (单号)");
    bool digits = std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digits) {
        if (text.size() == 36 && text.find('-') != std::string::npos) return ReceiptRef{text, std::nullopt, 0};
        return make_error(
            ErrorCode::bad_input,
            fmt::format("\"{}\" is not a receipt number: scan the barcode at the foot of the receipt", text));
    }
    if (text.size() == 10) return ReceiptRef{std::nullopt, std::stoll(text.substr(2)), std::stoll(text.substr(0, 2))};
    if (text.size() <= 8) return ReceiptRef{std::nullopt, std::stoll(text), this_lane};
    return make_error(ErrorCode::bad_input,
                      fmt::format("\"{}\" is not a receipt number: it has 10 digits (lane and number)", text));
}

// Pieces on a returned line (its quantity is negative), a weighed line counting as one.
int64_t item_count_of(const db::SaleLineRecord& line) {
    return line.sale_unit == "weight" ? 1000 : -line.quantity_milli;
}

// What the lane shows when the store cannot tell about another lane's receipt.
core::Error store_cannot_tell(const ReceiptRef& ref, const db::DbError& error) {
    std::string receipt = ref.sale_id ? "sale " + *ref.sale_id : "receipt " + receipt_code(ref.lane, *ref.receipt_no);
    std::string there = ref.sale_id ? std::string("the lane that sold it") : fmt::format("lane {:02}", ref.lane);
    if (error.code == db::DbErrorCode::not_found) {
        return make_error(ErrorCode::not_found,
                          fmt::format("{} is not on this lane and not at the store: {} may not have sent it yet (it "
                                      "sends within a minute while the network is up). Take the return at {}, or as "
                                      "a return without receipt (manager)",
                                      receipt, there, there));
    }
    return make_error(ErrorCode::store_unreachable,
                      fmt::format("{} is another lane's and the store cannot be asked ({}). Take the return at {}, or "
                                  "as a return without receipt (manager)",
                                  receipt, error.message, there));
}

// The lines and tenders of the original sale, with what earlier returns took back.
ReturnableSale returnable_of(db::SaleRecord sale, const db::ReturnHistory& history) {
    ReturnableSale result;
    result.receipt = receipt_code(sale.lane, sale.receipt_no);
    result.earlier_returns = history.returns;
    for (const db::SaleLineRecord& line : sale.lines) {
        if (line.kind != "item" || line.voided) continue;
        core::SoldLine sold{int(line.line_no), line.quantity_milli, Money::fen(line.amount_fen), 0, Money{}};
        if (auto back = history.lines.find(line.line_no); back != history.lines.end()) {
            sold.returned_milli = back->second.quantity_milli;
            sold.refunded = Money::fen(back->second.refunded_fen);
        }
        result.lines.push_back(sold);
    }
    for (const db::TenderRecord& tender : sale.tenders) {
        auto method = core::parse_tender_method(tender.method);
        if (!method) continue;
        auto same = std::find_if(result.tenders.begin(), result.tenders.end(),
                                 [&](const core::PaidTender& each) { return each.method == *method; });
        if (same == result.tenders.end()) {
            auto refunded = history.tenders.find(tender.method);
            result.tenders.push_back(core::PaidTender{
                *method, Money{}, Money::fen(refunded == history.tenders.end() ? 0 : refunded->second)});
            same = result.tenders.end() - 1;
        }
        same->paid += Money::fen(tender.amount_fen);
    }
    for (core::PaidTender& tender : result.tenders) {
        if (tender.method == core::TenderMethod::cash) tender.paid -= Money::fen(sale.change_fen);  // change went back
    }
    result.sale = std::move(sale);
    return result;
}

// A line of the return: the original line (or catalog item) negated.
db::SaleLineRecord returned_line(db::SaleLineRecord line, int64_t number, int64_t milli, Money refund) {
    line.original_line_no = line.line_no;
    line.line_no = number;
    line.quantity_milli = -milli;
    line.amount_fen = -refund.in_fen();
    line.voided = false;
    line.voided_by.clear();
    return line;
}

db::SaleLineRecord line_for_item(const ResolvedCode& resolved, int64_t number) {
    db::SaleLineRecord line;
    line.line_no = number;
    line.sku = resolved.item.sku;
    line.gtin = resolved.gtin;
    line.name_zh = resolved.item.name_zh;
    line.name_en = resolved.item.name_en;
    line.spec = resolved.item.spec;
    line.unit = resolved.item.unit;
    line.department = resolved.item.department;
    line.sale_unit = resolved.item.sale_unit == core::SaleUnit::weight ? "weight" : "piece";
    Money amount =
        resolved.label_amount ? *resolved.label_amount : core::extend_price(resolved.unit_price, resolved.quantity);
    line.quantity_milli = -resolved.quantity.in_milli();
    line.unit_price_fen = resolved.unit_price.in_fen();
    line.amount_fen = -amount.in_fen();
    return line;
}

}  // namespace

// This lane's own sales are in lane.db; another lane's come from the store. Either way the store
// adds the returns other lanes took (synced), and lane.db this lane's own, synced or not.
core::Result<ReturnableSale> Lane::find_returnable(const std::string& receipt) {
    if (auto ready = require_selling(); !ready) return ready.error();
    auto ref = parse_receipt(receipt, config_.lane);
    if (!ref) return ref.error();
    std::optional<db::SaleRecord> local;
    if (ref->sale_id || ref->lane == config_.lane) {
        auto sale = find_sale_for_receipt(db_, ref->sale_id, ref->receipt_no);
        if (sale)
            local = std::move(*sale);
        else if (!ref->sale_id || sale.error().code != ErrorCode::not_found)
            return sale.error();
    }
    db::SaleQuery query{ref->sale_id, ref->lane, ref->receipt_no.value_or(0)};
    if (local) query = db::SaleQuery{local->id, 0, 0};
    std::string data_dir = std::filesystem::path(db_.path()).parent_path().string();
    auto at_store = ask_store_for_sale(data_dir.empty() ? "." : data_dir, config_, query);

    std::vector<db::ReturnTaken> store_returns;
    std::string notice;
    if (!local && !at_store) return store_cannot_tell(*ref, at_store.error());
    // This lane's sale unknown to the store was not sent yet, so no other lane can have returned it;
    // a store that cannot be asked leaves other lanes' returns uncounted, and the cashier is told.
    if (at_store) {
        store_returns = std::move(at_store->returns);
    } else if (at_store.error().code != db::DbErrorCode::not_found) {
        notice = fmt::format(
            "the store could not be asked ({}): returns of this receipt taken at other lanes and "
            "not seen here are not counted",
            at_store.error().message);
    }
    db::SaleRecord sale = local ? std::move(*local) : std::move(at_store->sale);
    if (sale.kind == "return") {
        return make_error(ErrorCode::bad_input,
                          fmt::format("receipt {} is a return (退货单) itself: scan the original sale's receipt",
                                      receipt_code(sale.lane, sale.receipt_no)));
    }
    auto own = db::returns_of(db_, sale.id);
    if (!own) return storage_error(own.error());
    std::vector<db::ReturnTaken> all = store_returns;
    all.insert(all.end(), own->begin(), own->end());
    bool other_lane = !local;
    ReturnableSale result = returnable_of(std::move(sale), db::history_of(all));
    result.store_returns = std::move(store_returns);
    result.other_lane = other_lane;
    result.notice = std::move(notice);
    return result;
}

core::Result<ReturnOutcome> Lane::return_items(const ReturnRequest& request, const std::string& now) {
    if (auto idle = require_idle_shift(); !idle) return idle.error();
    if (request.lines.empty()) return make_error(ErrorCode::bad_input, "choose the lines to return");
    bool with_receipt = !request.receipt.empty();

    std::optional<ReturnableSale> original;
    db::SaleRecord record;
    record.kind = "return";
    record.reason = request.reason;
    std::vector<std::pair<int, int64_t>> taken;  // original line, thousandths
    Money exact;
    if (with_receipt) {
        auto found = find_returnable(request.receipt);
        if (!found) return found.error();
        original = std::move(*found);
        std::set<int> seen;
        for (const ReturnLine& wanted : request.lines) {
            auto sold = std::find_if(original->lines.begin(), original->lines.end(),
                                     [&](const core::SoldLine& each) { return each.line == wanted.line; });
            if (sold == original->lines.end()) {
                return make_error(
                    ErrorCode::bad_line,
                    fmt::format("receipt {} has no item line {} that can be returned", original->receipt, wanted.line));
            }
            if (!seen.insert(wanted.line).second) {
                return make_error(ErrorCode::bad_input,
                                  fmt::format("line {} is listed twice: give its quantity once", wanted.line));
            }
            int64_t milli = wanted.quantity ? wanted.quantity->in_milli() : core::returnable_milli(*sold);
            if (core::returnable_milli(*sold) == 0) {
                return make_error(
                    ErrorCode::over_return,
                    fmt::format("line {} of receipt {} was returned in full already", wanted.line, original->receipt));
            }
            auto refund = core::refund_for(*sold, milli);
            if (!refund) return refund.error();
            const auto& lines = original->sale.lines;
            auto source = std::find_if(lines.begin(), lines.end(),
                                       [&](const db::SaleLineRecord& each) { return each.line_no == wanted.line; });
            record.lines.push_back(returned_line(*source, int64_t(record.lines.size()) + 1, milli, *refund));
            taken.emplace_back(wanted.line, milli);
            exact += *refund;
        }
    } else {
        if (request.reason.empty()) {
            return make_error(ErrorCode::bad_input,
                              "a return without a receipt needs a reason: it goes on the return slip");
        }
        if (request.refund && *request.refund != core::TenderMethod::cash) {
            return make_error(ErrorCode::bad_input, "a return without a receipt is refunded in cash only");
        }
        for (const ReturnLine& wanted : request.lines) {
            if (wanted.code.empty())
                return make_error(ErrorCode::bad_input, "without a receipt, scan each item returned");
            auto resolved = resolve_code(db_, config_.nomenclature, wanted.code, wanted.quantity);
            if (!resolved) return resolved.error();
            record.lines.push_back(line_for_item(*resolved, int64_t(record.lines.size()) + 1));
            exact -= Money::fen(record.lines.back().amount_fen);
        }
    }

    core::Action action = with_receipt ? core::Action::return_with_receipt : core::Action::return_without_receipt;
    std::string what = with_receipt ? "a return" : "a return without a receipt";
    if (auto approved = check_approval(request.approval, action, what); !approved) return approved.error();

    auto plan = core::plan_refund(exact, original ? original->tenders : std::vector<core::PaidTender>{}, request.refund,
                                  config_.cash_rounding);
    if (!plan) return plan.error();

    record.id = new_uuid();
    record.lane = config_.lane;
    record.shift_id = shift_->id;
    record.operator_id = operator_->operator_id;
    record.completed_at = now;
    record.total_fen = -plan->total.in_fen();
    record.rounding_fen = plan->rounding.in_fen();
    record.paid_fen = -plan->total.in_fen();
    record.approved_by = request.approval.approver;
    if (original) record.original_sale_id = original->sale.id;
    for (const db::SaleLineRecord& line : record.lines) record.item_count_milli -= item_count_of(line);
    if (!plan->rounding.is_zero()) {
        db::SaleLineRecord rounding;
        rounding.line_no = int64_t(record.lines.size()) + 1;
        rounding.kind = "rounding";
        rounding.name_zh = "抹零";
        rounding.name_en = "Cash rounding";
        rounding.quantity_milli = 1000;
        rounding.unit_price_fen = plan->rounding.in_fen();
        rounding.amount_fen = plan->rounding.in_fen();
        record.lines.push_back(std::move(rounding));
    }
    int64_t seq = 0;
    for (const core::Tender& tender : plan->tenders) {
        record.tenders.push_back(
            db::TenderRecord{++seq, std::string(core::tender_method_name(tender.method)), -tender.amount.in_fen(), {}});
    }

    // Checked again inside the commit's transaction: a return committed meanwhile (another
    // screen, a script) cannot make the two together exceed what was sold or paid.
    std::optional<core::Error> refused;
    // A refund to a member account credits that member's balance back (lane_members.cpp), in
    // this same transaction: the card is the original sale's account tender, else the member on the lane.
    Money to_account;
    for (const core::Tender& tender : plan->tenders) {
        if (tender.method == core::TenderMethod::account) to_account += tender.amount;
    }
    std::string account_card = member_ ? member_->card : std::string{};
    if (original) {
        for (const db::TenderRecord& tender : original->sale.tenders) {
            if (tender.method == "account" && !tender.reference.empty()) account_card = tender.reference;
        }
    }
    if (!to_account.is_zero() && account_card.empty()) {
        return make_error(ErrorCode::no_member,
                          "a refund to a member account needs the member: look the member up first");
    }
    for (db::TenderRecord& tender : record.tenders) {
        if (tender.method == "account") tender.reference = account_card;
    }
    auto credit_back = [&]() -> db::DbStatus {
        if (to_account.is_zero()) return support::Done{};
        db::MemberMovementRecord movement{new_uuid(), account_card, "refund",   -to_account.in_fen(),   0,
                                          record.id,  config_.lane, shift_->id, operator_->operator_id, now};
        auto moved = db::apply_member_movement(db_, movement);
        if (!moved) return moved.error();
        return support::Done{};
    };
    auto check_history = [&]() -> db::DbStatus {
        if (!original) return support::Done{};
        auto own = db::returns_of(db_, original->sale.id);
        if (!own) return own.error();
        std::vector<db::ReturnTaken> all = original->store_returns;
        all.insert(all.end(), own->begin(), own->end());
        db::ReturnHistory history = db::history_of(all);
        for (const auto& [line, milli] : taken) {
            auto sold = std::find_if(original->lines.begin(), original->lines.end(),
                                     [line = line](const core::SoldLine& each) { return each.line == line; });
            auto back = history.lines.find(line);
            int64_t before = back == history.lines.end() ? 0 : back->second.quantity_milli;
            if (before + milli > sold->sold_milli) {
                refused = core::make_error(
                    ErrorCode::over_return,
                    fmt::format("line {} of receipt {} was returned meanwhile: only {} can still "
                                "come back; look the receipt up again",
                                line, original->receipt, core::Quantity::milli(sold->sold_milli - before).to_string()));
                return db::DbError{db::DbErrorCode::constraint, refused->message};
            }
        }
        for (const core::Tender& tender : plan->tenders) {
            if (tender.method == core::TenderMethod::cash) continue;
            std::string method(core::tender_method_name(tender.method));
            Money paid;
            for (const core::PaidTender& each : original->tenders) {
                if (each.method == tender.method) paid += each.paid;
            }
            Money before = Money::fen(history.tenders.contains(method) ? history.tenders.at(method) : 0);
            if (before + tender.amount > paid) {
                refused = core::make_error(
                    ErrorCode::tender_over,
                    fmt::format("receipt {}: {} was refunded to {} meanwhile; look the receipt up again",
                                original->receipt, before.to_string(), method));
                return db::DbError{db::DbErrorCode::constraint, refused->message};
            }
        }
        return support::Done{};
    };
    // A refund to a payment code goes back through the gateway: journaled here, in the return's
    // transaction, then driven to final by the payment desk. Only this lane's journal knows the orders.
    for (const core::Tender& tender : plan->tenders) {
        if (core::is_payment_code_method(tender.method) && (!original || original->other_lane)) {
            return make_error(ErrorCode::bad_input,
                              fmt::format("{} payments are refunded on the lane that took them (lane {}), or refund "
                                          "in cash here",
                                          core::tender_method_name(tender.method), original ? original->sale.lane : 0));
        }
    }
    auto journal_code_refunds = [&]() -> db::DbStatus {
        for (const core::Tender& tender : plan->tenders) {
            if (!core::is_payment_code_method(tender.method)) continue;
            auto journaled =
                db::journal_refunds(db_, original->sale.id, std::string(core::tender_method_name(tender.method)),
                                    tender.amount.in_fen(), record.id, now);
            if (!journaled) return journaled;
        }
        return support::Done{};
    };
    auto guard = [&]() -> db::DbStatus {
        if (auto checked = check_history(); !checked) return checked;
        if (auto journaled = journal_code_refunds(); !journaled) return journaled;
        if (original && original->other_lane) {
            const db::SaleRecord& sold = original->sale;
            if (auto kept = db::save_foreign_original(db_, record.id, sold.id, sold.lane, sold.receipt_no); !kept) {
                return kept;
            }
        }
        return credit_back();
    };
    AuditEvent event{now,
                     config_.lane,
                     "return",
                     operator_->operator_id,
                     request.approval.approver,
                     record.id,
                     {{"original_sale", original ? original->sale.id : std::string{}},
                      {"original_receipt", original ? original->receipt : std::string{}},
                      {"reason", request.reason},
                      {"total", Money::fen(record.total_fen).to_string()}}};
    auto committed = with_audit(db_, event, [&] {
        return db_.commit_sale(
            record, [](const db::SaleRecord& sale) { return sale_to_json(sale).dump(); }, guard);
    });
    if (!committed) {
        if (refused) return *refused;
        core::Error failure = storage_error(committed.error());
        failure.message = "the return was NOT saved, nothing was refunded: " + failure.message;
        return failure;
    }
    ReturnOutcome outcome;
    outcome.sale_id = record.id;
    outcome.receipt_no = *committed;
    if (original) outcome.original_receipt = original->receipt;
    outcome.refund = std::move(*plan);
    return outcome;
}

}  // namespace pos::actions
