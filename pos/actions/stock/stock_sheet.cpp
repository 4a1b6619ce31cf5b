// Reading stock sheets (CSV) against the catalog, collecting every bad row before anything is written.
#include "pos/actions/stock/stock_sheet.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "pos/actions/records.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/money.hpp"
#include "pos/core/safe_text.hpp"
#include "pos/core/stock.hpp"

namespace pos::actions {
namespace {

constexpr size_t max_problems_shown = 20;
constexpr size_t max_reason_length = 100;

bool looks_like_instant(const std::string& text) {
    // 2026-11-23T09:15:00+08:00: the offset is what lets lanes and sheets be compared.
    return text.size() == 25 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' &&
           text[16] == ':' && (text[19] == '+' || text[19] == '-') && text[22] == ':';
}

bool is_plain_number(std::string_view cell) {
    size_t i = cell.starts_with('-') ? 1 : 0;
    size_t digits = 0;
    size_t dots = 0;
    for (; i < cell.size(); ++i) {
        if (cell[i] == '.')
            ++dots;
        else if (cell[i] >= '0' && cell[i] <= '9')
            ++digits;
        else
            return false;
    }
    return digits > 0 && dots <= 1 && !cell.ends_with('.');
}

}  // namespace

std::string stock_csv_row(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t c = 0; c < cells.size(); ++c) {
        if (c > 0) line.push_back(',');
        if (is_plain_number(cells[c])) {
            line += cells[c];
            continue;
        }
        std::string quoted = core::format_csv_row({cells[c]});
        quoted.pop_back();  // its "\n"
        line += quoted;
    }
    return line + "\n";
}

std::string fit_columns(const std::string& text, size_t columns) {
    std::string out;
    size_t used = 0;
    for (size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        size_t width = length >= 3 ? 2 : 1;  // CJK and other wide characters are three bytes and up
        if (used + width > columns) break;
        out.append(text, i, length);
        used += width;
        i += length;
    }
    return out + std::string(columns - used, ' ');
}

core::Result<std::vector<SheetLine>> read_stock_sheet(std::string_view text, const SheetColumns& columns,
                                                      db::StoreDb& store, const SheetProgress& progress) {
    auto table = core::parse_csv(text);
    if (!table) {
        return core::make_error(core::ErrorCode::bad_input, table.error().message + "; nothing was changed");
    }
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < table->header.size(); ++i) column[table->header[i]] = i;
    std::vector<std::string> required = {"sku", columns.quantity};
    if (columns.unit_cost) required.push_back("unit_cost");
    if (columns.reason_required) required.push_back("reason");
    for (const std::string& name : required) {
        if (!column.count(name)) {
            std::string header;
            for (const std::string& r : required) header += (header.empty() ? "" : ",") + r;
            return core::make_error(core::ErrorCode::bad_input,
                                    fmt::format("the sheet has no column {}: its first row must name the columns, "
                                                "like {}; nothing was changed",
                                                name, header));
        }
    }
    std::vector<std::string> problems;
    std::vector<SheetLine> lines;
    std::set<std::string> seen;
    for (size_t r = 0; r < table->rows.size(); ++r) {
        if (progress) progress(r, table->rows.size());  // rows checked before this one
        const core::CsvRow& row = table->rows[r];
        int row_number = static_cast<int>(r) + 2;
        auto cell = [&](const std::string& name) {
            return column.count(name) && column[name] < row.size() ? core::strip_formula_guard(row[column[name]])
                                                                   : std::string();
        };
        auto problem = [&](const std::string& name, const std::string& message) {
            problems.push_back(fmt::format("row {}, column {}: {}", row_number, name, message));
        };
        bool blank = true;
        for (const std::string& value : row) blank = blank && value.empty();
        if (blank) continue;  // a spreadsheet's trailing empty rows
        SheetLine line;
        line.row = row_number;
        line.sku = cell("sku");
        if (line.sku.empty()) {
            problem("sku", "empty: write the item's sku");
            continue;
        }
        auto item = store.find_item_by_sku(line.sku);
        if (!item) return storage_error(item.error());
        if (!*item) {
            problem("sku", fmt::format("there is no item \"{}\" in the store's catalog", line.sku.substr(0, 40)));
            continue;
        }
        if (!seen.insert(line.sku).second) {
            problem("sku", fmt::format("item {} is listed twice: add the quantities on one row", line.sku));
            continue;
        }
        line.weighed = (*item)->sale_unit == "weight";
        auto quantity = core::parse_stock_quantity(cell(columns.quantity), line.weighed);
        if (quantity)
            line.quantity_milli = *quantity;
        else
            problem(columns.quantity, quantity.error().message);
        if (columns.unit_cost) {
            auto cost = core::Money::parse(cell("unit_cost"));
            if (!cost || cost->in_fen() < 0)
                problem("unit_cost", fmt::format("\"{}\" is not a cost: write yuan like 1.20 (per {})",
                                                 cell("unit_cost").substr(0, 40), line.weighed ? "kg" : "unit"));
            else
                line.unit_cost_fen = cost->in_fen();
        }
        if (columns.damaged && !cell("damaged").empty()) {
            auto damaged = core::parse_stock_quantity(cell("damaged"), line.weighed);
            if (damaged)
                line.damaged_milli = *damaged;
            else
                problem("damaged", damaged.error().message);
        }
        if (columns.reason || columns.reason_required) {
            line.reason = cell("reason");
            if (auto clean = core::check_text("the reason", line.reason, max_reason_length); !clean)
                problem("reason", clean.error().message);
            else if (columns.reason_required && line.reason.empty())
                problem("reason", "empty: say why, like 过期 (expired) or 破损 (broken)");
        }
        if (columns.counted_at && !cell("counted_at").empty()) {
            line.counted_at = cell("counted_at");
            if (!looks_like_instant(line.counted_at))
                problem("counted_at", "write the time like 2026-11-23T09:15:00+08:00");
        }
        lines.push_back(std::move(line));
    }
    if (progress) progress(table->rows.size(), table->rows.size());
    if (!problems.empty()) {
        std::string message = fmt::format("{} bad row{} in the sheet, nothing was changed:", problems.size(),
                                          problems.size() == 1 ? "" : "s");
        for (size_t i = 0; i < problems.size() && i < max_problems_shown; ++i) message += "\n  " + problems[i];
        if (problems.size() > max_problems_shown)
            message += fmt::format("\n  ... and {} more", problems.size() - max_problems_shown);
        return core::make_error(core::ErrorCode::bad_input, message);
    }
    if (lines.empty())
        return core::make_error(core::ErrorCode::bad_input, "the sheet lists no items; nothing was changed");
    return lines;
}

}  // namespace pos::actions
