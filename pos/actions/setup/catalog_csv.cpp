// Catalog CSV import and export: validates every row and collects all its problems.
#include "pos/actions/setup/catalog_csv.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "pos/core/csv.hpp"

namespace pos::actions {
namespace {

using core::CatalogItem;
using core::Money;
using core::SaleUnit;
namespace scanner = drivers::scanner;

enum Column : size_t {
    col_sku,
    col_barcodes,
    col_plu,
    col_name_zh,
    col_name_en,
    col_spec,
    col_unit,
    col_department,
    col_cost,
    col_price,
    col_price_per_kg,
    col_sale_unit,
    col_low_stock,
    col_pinyin,
    column_count,
};

constexpr std::array<std::string_view, column_count> column_names = {
    "sku",        "barcodes", "plu",   "name_zh",      "name_en",   "spec",      "unit",
    "department", "cost",     "price", "price_per_kg", "sale_unit", "low_stock", "pinyin",
};

// The Column enum, column_names and the public header constant must never drift apart.
constexpr bool names_match_header() {
    std::string_view rest = catalog_csv_header;
    for (size_t c = 0; c < column_count; ++c) {
        if (!rest.starts_with(column_names[c])) return false;
        rest.remove_prefix(column_names[c].size());
        if (c + 1 < column_count) {
            if (!rest.starts_with(',')) return false;
            rest.remove_prefix(1);
        }
    }
    return rest.empty();
}
static_assert(names_match_header());

constexpr size_t max_problems = 100;
constexpr size_t max_sku_length = 20;
constexpr size_t max_name_length = 80;
constexpr size_t max_short_text_length = 40;  // spec, unit, department, pinyin
constexpr size_t max_low_stock_digits = 9;
constexpr size_t shown_value_length = 40;  // how much of a bad value a message repeats

// Code points, not bytes: a limit of 80 means 80 汉字 too. The text is valid UTF-8
// (parse_csv checked), so every byte that is not a continuation byte starts one.
[[nodiscard]] size_t count_code_points(std::string_view text) {
    size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

// 1-based character position of the first C0, DEL or C1 control character, or 0. C1
// (U+0080-U+009F) counts: those are what a mis-decoded legacy file leaves behind.
[[nodiscard]] size_t find_control_character(std::string_view text) {
    size_t position = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) == 0x80) continue;
        ++position;
        if (byte < 0x20 || byte == 0x7F) return position;
        if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) return position;
    }
    return 0;
}

// A value repeated in a message, in quotes and cut short so a 10,000-character cell
// does not make a 10,000-character message.
[[nodiscard]] std::string quoted(std::string_view text) {
    std::string out = "\"";
    size_t characters = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        bool starts_character = (byte & 0xC0) != 0x80;
        if (starts_character && ++characters > shown_value_length) {
            out += "…";
            break;
        }
        out.push_back(byte < 0x20 || byte == 0x7F ? '?' : text[i]);
    }
    return out + "\"";
}

[[nodiscard]] bool is_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

[[nodiscard]] bool is_sku_character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// The 14-digit GTIN written the way it is printed on the pack, so a person reading the
// export recognises it: EAN-8 as 8 digits, EAN-13 as 13 (UPC-A too, as its EAN-13 form
// with a leading 0, which every scanner and the engine read as the same GTIN).
[[nodiscard]] std::string natural_barcode(const std::string& gtin) {
    if (gtin.size() != 14 || !is_digits(gtin)) return gtin;
    if (gtin.starts_with("000000")) return gtin.substr(6);
    if (gtin.starts_with('0')) return gtin.substr(1);
    return gtin;
}

// Problems in file order, kept to max_problems; the rest are only counted.
class ProblemList {
public:
    void add(int row, std::string_view column, std::string message) {
        ++total_;
        if (kept_.size() < max_problems) {
            kept_.push_back({row, std::string(column), std::move(message)});
        } else if (first_skipped_row_ == 0) {
            first_skipped_row_ = row;
        }
    }
    [[nodiscard]] size_t total() const { return total_; }

    [[nodiscard]] std::vector<CatalogCsvProblem> finish() && {
        if (total_ > kept_.size()) {
            kept_.push_back(
                {first_skipped_row_, "",
                 std::to_string(total_ - kept_.size()) +
                     " more problems from this row on are not shown — fix the ones above and import again"});
        }
        return std::move(kept_);
    }

private:
    std::vector<CatalogCsvProblem> kept_;
    size_t total_ = 0;
    int first_skipped_row_ = 0;
};

// Where a key (sku, GTIN, PLU) was first seen, for naming the earlier row in a duplicate.
using FirstSeen = std::map<std::string, int>;

// Checks one data row. Each cell gets at most one problem, the first that applies, and
// cross-column rules run only on cells that were good, so one mistake gives one message.
class RowChecker {
public:
    RowChecker(int row, std::vector<std::string> cells, ProblemList& problems,
               const scanner::Nomenclature& nomenclature)
        : row_(row), cells_(std::move(cells)), problems_(problems), nomenclature_(nomenclature) {}

    [[nodiscard]] std::optional<CatalogItem> check(FirstSeen& skus, FirstSeen& gtins, FirstSeen& plus) {
        size_t problems_before = problems_.total();
        for (size_t c = 0; c < column_count; ++c) {
            cells_[c] = core::strip_formula_guard(cells_[c]);
            if (size_t at = find_control_character(cells_[c])) {
                fail(c, std::string(column_names[c]) +
                            " has a control character (tab, line break or other invisible "
                            "character) at character " +
                            std::to_string(at) + " — remove it");
            }
        }
        CatalogItem item;
        check_sku(item);
        check_barcodes(item);
        check_plu(item);
        item.name_zh = check_text(col_name_zh, max_name_length, true);
        item.name_en = check_text(col_name_en, max_name_length, false);
        item.spec = check_text(col_spec, max_short_text_length, false);
        item.unit = check_text(col_unit, max_short_text_length, false);
        item.department = check_text(col_department, max_short_text_length, false);
        check_pinyin(item);
        item.cost = check_money(col_cost);
        item.price = check_money(col_price);
        item.price_per_kg = check_money(col_price_per_kg);
        check_sale_unit(item);
        check_low_stock(item);
        check_sellable(item);
        check_duplicates(item, skus, gtins, plus);
        if (problems_.total() != problems_before) return std::nullopt;
        return item;
    }

private:
    void fail(size_t column, std::string message) {
        bad_[column] = true;
        problems_.add(row_, column_names[column], std::move(message));
    }
    [[nodiscard]] bool good(size_t column) const { return !bad_[column]; }
    [[nodiscard]] const std::string& cell(size_t column) const { return cells_[column]; }

    void check_sku(CatalogItem& item) {
        if (!good(col_sku)) return;
        const std::string& sku = cell(col_sku);
        if (sku.empty()) return fail(col_sku, "sku is empty — every item needs its own item number");
        if (sku.size() > max_sku_length) {
            return fail(col_sku, "sku is " + std::to_string(count_code_points(sku)) + " characters long; at most " +
                                     std::to_string(max_sku_length));
        }
        for (char c : sku) {
            if (!is_sku_character(c)) {
                return fail(col_sku, "sku " + quoted(sku) + " may only use letters A-Z and a-z, digits, - and _");
            }
        }
        item.sku = sku;
    }

    void check_barcodes(CatalogItem& item) {
        if (!good(col_barcodes) || cell(col_barcodes).empty()) return;
        std::string_view rest = cell(col_barcodes);
        std::set<std::string> in_row;
        for (size_t index = 1;; ++index) {
            size_t bar = rest.find('|');
            std::string_view code = rest.substr(0, bar);
            if (code.empty()) {
                return fail(col_barcodes, "barcode " + std::to_string(index) + " is empty — remove the extra \"|\"");
            }
            scanner::ParsedBarcode parsed = scanner::parse_barcode(code, nomenclature_);
            if (!parsed.valid) return fail(col_barcodes, "barcode " + quoted(code) + ": " + parsed.message);
            if (parsed.kind != scanner::BarcodeKind::item) {
                return fail(col_barcodes,
                            "barcode " + quoted(code) + " reads as a " + std::string(scanner::kind_name(parsed.kind)) +
                                " code, not a trade item's EAN/UPC — a scale item goes in the plu column");
            }
            if (!in_row.insert(parsed.gtin).second) {
                return fail(col_barcodes, "barcode " + quoted(code) + " is listed twice in this row");
            }
            item.barcodes.push_back(parsed.gtin);
            if (bar == std::string_view::npos) break;
            rest.remove_prefix(bar + 1);
        }
    }

    void check_plu(CatalogItem& item) {
        if (!good(col_plu)) return;
        const std::string& plu = cell(col_plu);
        if (!plu.empty() && (plu.size() != 5 || !is_digits(plu))) {
            return fail(col_plu, "plu " + quoted(plu) + " must be exactly 5 digits, like 00123, or empty");
        }
        item.plu = plu;
    }

    [[nodiscard]] std::string check_text(size_t column, size_t max_length, bool required) {
        if (!good(column)) return {};
        const std::string& text = cell(column);
        if (required && text.empty()) {
            fail(column,
                 std::string(column_names[column]) + " is empty — the item needs it for the screen and receipt");
            return {};
        }
        if (size_t length = count_code_points(text); length > max_length) {
            fail(column, std::string(column_names[column]) + " is " + std::to_string(length) +
                             " characters long; at most " + std::to_string(max_length));
            return {};
        }
        return text;
    }

    void check_pinyin(CatalogItem& item) {
        if (!good(col_pinyin)) return;
        std::string pinyin = cell(col_pinyin);
        for (char& c : pinyin) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        if (pinyin.size() > max_short_text_length) {
            return fail(col_pinyin, "pinyin is " + std::to_string(count_code_points(pinyin)) +
                                        " characters long; at most " + std::to_string(max_short_text_length));
        }
        for (char c : pinyin) {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return fail(col_pinyin, "pinyin " + quoted(cell(col_pinyin)) +
                                            " may only use letters a-z and digits, like nfsq for 农夫山泉");
            }
        }
        item.pinyin = std::move(pinyin);
    }

    // An empty amount is 0.00: spreadsheets leave the column of the other sale unit blank.
    [[nodiscard]] Money check_money(size_t column) {
        if (!good(column) || cell(column).empty()) return Money{};
        auto parsed = Money::parse(cell(column));
        if (!parsed) {
            fail(column, std::string(column_names[column]) + " " + parsed.error().message);
            return Money{};
        }
        if (parsed->is_negative()) {
            fail(column, std::string(column_names[column]) + " " + parsed->to_string() + " is below 0.00");
            return Money{};
        }
        return *parsed;
    }

    void check_sale_unit(CatalogItem& item) {
        if (!good(col_sale_unit)) return;
        if (cell(col_sale_unit) == "piece") {
            item.sale_unit = SaleUnit::piece;
        } else if (cell(col_sale_unit) == "weight") {
            item.sale_unit = SaleUnit::weight;
        } else {
            fail(col_sale_unit, "sale_unit " + quoted(cell(col_sale_unit)) +
                                    " must be piece (counted) or weight (weighed, priced per kg)");
        }
    }

    void check_low_stock(CatalogItem& item) {
        if (!good(col_low_stock) || cell(col_low_stock).empty()) return;
        const std::string& text = cell(col_low_stock);
        if (!is_digits(text) || text.size() > max_low_stock_digits) {
            return fail(col_low_stock,
                        "low_stock " + quoted(text) + " must be a whole number of units from 0 to 999999999");
        }
        std::from_chars(text.data(), text.data() + text.size(), item.low_stock);
    }

    // Rules across columns: only judged when the cells they read were good.
    void check_sellable(const CatalogItem& item) {
        if (good(col_barcodes) && good(col_plu) && item.barcodes.empty() && item.plu.empty()) {
            fail(col_barcodes, "the item has no barcode and no plu — give at least one so the lane can find it");
        }
        if (!good(col_sale_unit)) return;
        if (item.sale_unit == SaleUnit::weight) {
            if (good(col_price_per_kg) && item.price_per_kg <= Money{}) {
                fail(col_price_per_kg, "a weighed item (sale_unit weight) needs a price_per_kg above 0.00");
            }
            if (good(col_plu) && item.plu.empty()) {
                fail(col_plu, "a weighed item (sale_unit weight) needs the 5-digit plu its scale labels carry");
            }
        } else if (good(col_price) && item.price <= Money{}) {
            fail(col_price, "a piece item (sale_unit piece) needs a price above 0.00");
        }
    }

    // The first row to use a key keeps it; every later one is the problem, naming it.
    void check_duplicates(const CatalogItem& item, FirstSeen& skus, FirstSeen& gtins, FirstSeen& plus) {
        if (good(col_sku)) {
            auto [at, fresh] = skus.emplace(item.sku, row_);
            if (!fresh)
                fail(col_sku, "sku " + quoted(item.sku) + " is already used in row " + std::to_string(at->second));
        }
        if (good(col_barcodes)) {
            std::string first_duplicate;
            for (const std::string& gtin : item.barcodes) {
                auto [at, fresh] = gtins.emplace(gtin, row_);
                if (!fresh && first_duplicate.empty()) {
                    first_duplicate = "barcode " + quoted(natural_barcode(gtin)) + " is already used in row " +
                                      std::to_string(at->second);
                }
            }
            if (!first_duplicate.empty()) fail(col_barcodes, std::move(first_duplicate));
        }
        if (good(col_plu) && !item.plu.empty()) {
            auto [at, fresh] = plus.emplace(item.plu, row_);
            if (!fresh)
                fail(col_plu, "plu " + quoted(item.plu) + " is already used in row " + std::to_string(at->second));
        }
    }

    int row_;
    std::vector<std::string> cells_;
    std::array<bool, column_count> bad_{};
    ProblemList& problems_;
    const scanner::Nomenclature& nomenclature_;
};

// The first header cell that differs, for a message shorter than the whole header.
[[nodiscard]] CatalogCsvProblem header_problem(const core::CsvRow& header) {
    std::string expected = "the first row must be exactly the header " + std::string(catalog_csv_header);
    for (size_t c = 0; c < column_count; ++c) {
        if (c >= header.size()) {
            return {
                1, std::string(column_names[c]),
                expected + " — column " + std::to_string(c + 1) + " (" + std::string(column_names[c]) + ") is missing"};
        }
        if (header[c] != column_names[c]) {
            return {1, std::string(column_names[c]),
                    expected + " — column " + std::to_string(c + 1) + " is " + quoted(header[c]) + ", expected " +
                        std::string(column_names[c])};
        }
    }
    return {
        1, "",
        expected + " — it has " + std::to_string(header.size()) + " columns, expected " + std::to_string(column_count)};
}

[[nodiscard]] bool all_empty(const core::CsvRow& row) {
    for (const std::string& cell : row) {
        if (!cell.empty()) return false;
    }
    return true;
}

}  // namespace

core::Result<CatalogCsvParse> parse_catalog_csv(std::string_view text, const scanner::Nomenclature& nomenclature) {
    auto table = core::parse_csv(text);
    if (!table) return table.error();

    CatalogCsvParse result;
    const core::CsvRow& header = table->header;
    if (header.size() != column_count || !std::equal(header.begin(), header.end(), column_names.begin())) {
        result.problems.push_back(header_problem(header));
        return result;
    }

    ProblemList problems;
    FirstSeen skus;
    FirstSeen gtins;
    FirstSeen plus;
    for (size_t i = 0; i < table->rows.size(); ++i) {
        int row = static_cast<int>(i) + 2;
        core::CsvRow& cells = table->rows[i];
        // Spreadsheets save blank rows as empty lines or as a row of commas.
        if (all_empty(cells)) continue;
        if (cells.size() != column_count) {
            problems.add(row, "",
                         "row has " + std::to_string(cells.size()) + (cells.size() == 1 ? " cell" : " cells") +
                             "; a catalog row has " + std::to_string(column_count) + ", in the order of the header");
            continue;
        }
        RowChecker checker(row, std::move(cells), problems, nomenclature);
        if (auto item = checker.check(skus, gtins, plus)) result.items.push_back(std::move(*item));
    }
    result.problems = std::move(problems).finish();
    return result;
}

std::string format_catalog_csv(const std::vector<core::CatalogItem>& items) {
    std::string out = core::format_csv_row(core::CsvRow(column_names.begin(), column_names.end()));
    for (const CatalogItem& item : items) {
        std::string barcodes;
        for (const std::string& gtin : item.barcodes) {
            if (!barcodes.empty()) barcodes.push_back('|');
            barcodes += natural_barcode(gtin);
        }
        out += core::format_csv_row({
            item.sku,
            barcodes,
            item.plu,
            item.name_zh,
            item.name_en,
            item.spec,
            item.unit,
            item.department,
            item.cost.to_string(),
            item.price.to_string(),
            item.price_per_kg.to_string(),
            item.sale_unit == SaleUnit::weight ? "weight" : "piece",
            std::to_string(item.low_stock),
            item.pinyin,
        });
    }
    return out;
}

}  // namespace pos::actions
