// Counts: the snapshot at the start, counters' sheets, and the variance of each item when it was counted.
#include "pos/actions/stock/stocktake.hpp"

#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include "pos/actions/access/audit.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/stock/stock_documents.hpp"
#include "pos/actions/stock/stock_sheet.hpp"
#include "pos/actions/stock/stock_valuation.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::stock_quantity_text;

core::Result<db::StockDocumentRecord> open_count(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                 const std::string& department, const Approval& by,
                                                 const std::string& now) {
    if (auto clean = core::check_text("the department", department, 40); !clean) return clean.error();
    auto clerk = lane.authorize(by, core::Action::stock_document, "opening a count", "", now);
    if (!clerk) return clerk.error();
    auto items = store.all_items();
    if (!items) return storage_error(items.error());
    auto on_hand = db::stock_on_hand(store, now);
    if (!on_hand) return storage_error(on_hand.error());
    db::StockDocumentRecord count;
    count.kind = "count";
    count.department = department;
    count.created_by = clerk->operator_id;
    count.created_at = now;
    int64_t line_no = 0;
    for (const db::ItemRecord& item : *items) {
        if (!department.empty() && item.department != department) continue;
        int64_t held = on_hand->count(item.sku) ? on_hand->at(item.sku) : 0;
        count.lines.push_back({++line_no, item.sku, held, 0, std::nullopt, 0, ""});
    }
    if (count.lines.empty()) {
        return make_error(ErrorCode::bad_input, fmt::format("there is no item in department \"{}\": departments are "
                                                            "spelt as in the catalog (posctl catalog export)",
                                                            department));
    }
    auto id = db::create_stock_document(store, count);
    if (!id) return storage_error(id.error());
    auto stored = stock_document(store, *id);
    if (!stored) return stored;
    AuditEvent event{now,
                     lane.config().lane,
                     "stock_count_open",
                     clerk->operator_id,
                     {},
                     std::to_string(*id),
                     {{"number", stored->number}, {"department", department}, {"items", stored->lines.size()}}};
    if (auto logged = record_audit(lane_db, event); !logged) return logged.error();
    return stored;
}

core::Result<size_t> load_count_sheet(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, int64_t id,
                                      const std::string& csv, const std::string& sheet, const Approval& by,
                                      const std::string& now, const SheetProgress& progress) {
    auto count = stock_document(store, id);
    if (!count) return count.error();
    if (count->kind != "count")
        return make_error(ErrorCode::bad_input, fmt::format("stock document {} is not a count", id));
    if (count->status != "open")
        return make_error(ErrorCode::bad_input,
                          fmt::format("count {} is {} already: open a new count", count->number, count->status));
    auto counter = lane.authorize(by, core::Action::stock_document, "loading a count sheet", "", now);
    if (!counter) return counter.error();
    SheetColumns columns;
    columns.counted_at = true;
    auto lines = read_stock_sheet(csv, columns, store, progress);
    if (!lines) return lines.error();
    std::unordered_set<std::string> in_count;  // a whole-store count has every item: no search per row
    for (const db::StockDocumentLine& l : count->lines) in_count.insert(l.sku);
    std::vector<std::string> problems;
    std::vector<db::StockCountEntry> entries;
    for (const SheetLine& line : *lines) {
        if (!in_count.contains(line.sku)) {
            problems.push_back(fmt::format("row {}, column sku: item {} is not in count {} (department {})", line.row,
                                           line.sku, count->number, count->department));
            continue;
        }
        entries.push_back({counter->operator_id, sheet, line.sku, line.quantity_milli,
                           line.counted_at.empty() ? now : line.counted_at});
    }
    if (!problems.empty()) {
        std::string message = "the count sheet lists items outside the count, nothing was changed:";
        for (const std::string& problem : problems) message += "\n  " + problem;
        return make_error(ErrorCode::bad_input, message);
    }
    if (auto stored = db::replace_count_sheet(store, id, counter->operator_id, sheet, entries); !stored)
        return storage_error(stored.error());
    AuditEvent event{now,
                     lane.config().lane,
                     "stock_count_sheet",
                     counter->operator_id,
                     {},
                     std::to_string(id),
                     {{"number", count->number}, {"sheet", sheet}, {"lines", entries.size()}}};
    if (auto logged = record_audit(lane_db, event); !logged) return logged.error();
    return entries.size();
}

core::Result<std::vector<CountVarianceLine>> count_variances(db::StoreDb& store, const db::StockDocumentRecord& count) {
    auto entries = db::count_entries(store, count.id);
    if (!entries) return storage_error(entries.error());
    struct Counted {
        int64_t milli = 0;
        std::string at;
    };
    std::map<std::string, Counted> counted;
    for (const db::StockCountEntry& entry : *entries) {
        Counted& c = counted[entry.sku];
        c.milli += entry.quantity_milli;
        // The latest counter to reach the item decides when it was counted: what sold before then
        // was off the shelf for every counter of it.
        if (c.at.empty() || entry.counted_at > c.at) c.at = entry.counted_at;
    }
    // The snapshot from the ledger as dated, so a sale made before the start but delivered by its
    // lane afterwards still counts as before the start.
    auto snapshot = db::stock_on_hand(store, count.created_at);
    if (!snapshot) return storage_error(snapshot.error());
    auto positions = stock_positions(store);
    if (!positions) return positions.error();
    std::vector<CountVarianceLine> lines;
    for (const db::StockDocumentLine& line : count.lines) {
        CountVarianceLine out;
        out.sku = line.sku;
        auto item = store.find_item_by_sku(line.sku);
        if (!item) return storage_error(item.error());
        if (*item) {
            out.name = (*item)->name_zh;
            out.department = (*item)->department;
            out.weighed = (*item)->sale_unit == "weight";
        }
        out.snapshot_milli = snapshot->count(line.sku) ? snapshot->at(line.sku) : 0;
        out.unit_cost_fen =
            positions->count(line.sku) ? positions->at(line.sku).unit_cost_fen : (*item ? (*item)->cost_fen : 0);
        auto found = counted.find(line.sku);
        if (found != counted.end()) {
            out.counted = true;
            out.counted_at = found->second.at;
            auto moved = db::stock_moved_between(store, line.sku, count.created_at, out.counted_at);
            if (!moved) return storage_error(moved.error());
            out.moved_milli = *moved;
            out.variance =
                core::count_variance(out.snapshot_milli, out.moved_milli, found->second.milli, out.unit_cost_fen);
        } else {
            out.variance.expected_milli = out.snapshot_milli;
        }
        lines.push_back(std::move(out));
    }
    return lines;
}

std::string variance_text(const db::StockDocumentRecord& count, const std::vector<CountVarianceLine>& lines) {
    std::string text = fmt::format("count {} ({}), opened {} by {}, {}\n", count.number,
                                   count.department.empty() ? "whole store" : count.department, count.created_at,
                                   count.created_by, count.status);
    text += fmt::format("{:<8} {} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}\n", "sku", fit_columns("item", 20), "snapshot",
                        "moved", "expected", "counted", "diff", "value");
    core::Money shortage;
    core::Money surplus;
    size_t uncounted = 0;
    for (const CountVarianceLine& line : lines) {
        if (!line.counted) {
            ++uncounted;
            continue;
        }
        text += fmt::format(
            "{:<8} {} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}\n", line.sku, fit_columns(line.name, 20),
            stock_quantity_text(line.snapshot_milli, line.weighed), stock_quantity_text(line.moved_milli, line.weighed),
            stock_quantity_text(line.variance.expected_milli, line.weighed),
            stock_quantity_text(line.variance.counted_milli, line.weighed),
            stock_quantity_text(line.variance.difference_milli, line.weighed), line.variance.value.to_string());
        if (line.variance.value < core::Money{})
            shortage += line.variance.value;
        else
            surplus += line.variance.value;
    }
    text +=
        fmt::format("shortage {}  surplus {}  net {}  ({} of {} items counted; items not counted are not adjusted)\n",
                    shortage.to_string(), surplus.to_string(), (shortage + surplus).to_string(),
                    lines.size() - uncounted, lines.size());
    return text;
}

std::string variance_csv(const std::vector<CountVarianceLine>& lines) {
    std::string csv = stock_csv_row(
        {"sku", "name", "department", "snapshot", "moved", "expected", "counted", "difference", "unit_cost", "value"});
    for (const CountVarianceLine& line : lines) {
        if (!line.counted) continue;
        csv +=
            stock_csv_row({line.sku, line.name, line.department, stock_quantity_text(line.snapshot_milli, line.weighed),
                           stock_quantity_text(line.moved_milli, line.weighed),
                           stock_quantity_text(line.variance.expected_milli, line.weighed),
                           stock_quantity_text(line.variance.counted_milli, line.weighed),
                           stock_quantity_text(line.variance.difference_milli, line.weighed),
                           core::Money::fen(line.unit_cost_fen).to_string(), line.variance.value.to_string()});
    }
    return csv;
}

}  // namespace pos::actions
