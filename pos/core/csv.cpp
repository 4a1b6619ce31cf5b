// RFC 4180 CSV reader and writer with UTF-8 validation and spreadsheet formula guarding.
#include "pos/core/csv.hpp"

#include <cstdint>
#include <optional>

namespace pos::core {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// Where a cell stops being valid UTF-8, and why, in words for the error message.
struct Utf8Fault {
    size_t offset = 0;  // 0-based byte offset inside the cell
    std::string_view reason;
};

[[nodiscard]] bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Validates against RFC 3629 §4 (the well-formed byte sequences table): the second
// byte's range after E0, ED, F0 and F4 is what rules out overlong forms, UTF-16
// surrogates and code points past U+10FFFF.
[[nodiscard]] std::optional<Utf8Fault> find_utf8_fault(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        size_t length = 0;
        unsigned char second_min = 0x80;
        unsigned char second_max = 0xBF;
        std::string_view second_fault = "incomplete multi-byte sequence";
        if (is_continuation(lead)) {
            return Utf8Fault{i, "continuation byte with no lead byte"};
        } else if (lead == 0xC0 || lead == 0xC1) {
            return Utf8Fault{i, "overlong encoding"};
        } else if (lead < 0xE0) {
            length = 2;
        } else if (lead < 0xF0) {
            length = 3;
            if (lead == 0xE0) {
                second_min = 0xA0;
                second_fault = "overlong encoding";
            }
            if (lead == 0xED) {
                second_max = 0x9F;
                second_fault = "UTF-16 surrogate, not a character";
            }
        } else if (lead < 0xF5) {
            length = 4;
            if (lead == 0xF0) {
                second_min = 0x90;
                second_fault = "overlong encoding";
            }
            if (lead == 0xF4) {
                second_max = 0x8F;
                second_fault = "code point above U+10FFFF";
            }
        } else {
            return Utf8Fault{i, "byte that never appears in UTF-8"};
        }
        if (i + 1 >= text.size() || !is_continuation(static_cast<unsigned char>(text[i + 1]))) {
            return Utf8Fault{i, "incomplete multi-byte sequence"};
        }
        auto second = static_cast<unsigned char>(text[i + 1]);
        if (second < second_min || second > second_max) return Utf8Fault{i, second_fault};
        for (size_t k = 2; k < length; ++k) {
            if (i + k >= text.size() || !is_continuation(static_cast<unsigned char>(text[i + k]))) {
                return Utf8Fault{i, "incomplete multi-byte sequence"};
            }
        }
        i += length;
    }
    return std::nullopt;
}

[[nodiscard]] Error csv_error(size_t row, size_t column, std::string_view what) {
    return make_error(ErrorCode::bad_input,
                      "row " + std::to_string(row) + ", column " + std::to_string(column) + ": " + std::string(what));
}

[[nodiscard]] bool ends_field(char c) { return c == ',' || c == '\n' || c == '\r'; }

// The characters that make Excel, LibreOffice and Google Sheets treat a cell as a
// formula (OWASP "CSV Injection"); tab and CR because some importers drop them first.
[[nodiscard]] bool is_formula_start(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// True for a formula-like cell, and for any run of apostrophes before one: guarding the
// latter too is what lets strip_formula_guard undo exactly one apostrophe, always.
[[nodiscard]] bool needs_formula_guard(std::string_view cell) {
    size_t i = 0;
    while (i < cell.size() && cell[i] == '\'') ++i;
    return i < cell.size() && is_formula_start(cell[i]);
}

}  // namespace

Result<CsvTable> parse_csv(std::string_view text) {
    if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
    CsvTable table;
    if (text.empty()) return table;

    std::vector<CsvRow> records;
    CsvRow record;
    size_t row = 1;  // a record, not a physical line: a quoted newline stays in its row
    size_t i = 0;
    while (true) {
        size_t column = record.size() + 1;
        std::string field;
        if (i < text.size() && text[i] == '"') {
            ++i;
            while (true) {
                size_t quote = text.find('"', i);
                if (quote == std::string_view::npos) {
                    return csv_error(row, column, "quote not closed — check the cell for a stray \" character");
                }
                field.append(text.substr(i, quote - i));
                i = quote + 1;
                if (i < text.size() && text[i] == '"') {
                    field.push_back('"');
                    ++i;
                    continue;
                }
                break;
            }
            if (i < text.size() && !ends_field(text[i])) {
                return csv_error(row, column,
                                 "text after the closing quote — a quote inside a quoted cell must be doubled (\"\")");
            }
        } else {
            size_t end = i;
            while (end < text.size() && !ends_field(text[end])) {
                if (text[end] == '"') {
                    return csv_error(row, column,
                                     "quote inside a cell that does not start with one — put the whole cell in "
                                     "quotes and double the quote (\"\")");
                }
                ++end;
            }
            field.assign(text.substr(i, end - i));
            i = end;
        }
        if (auto fault = find_utf8_fault(field)) {
            return csv_error(row, column,
                             "not UTF-8 text (" + std::string(fault->reason) + " at byte " +
                                 std::to_string(fault->offset + 1) +
                                 " of the cell) — save the file as UTF-8 (in Excel: \"CSV UTF-8\"), not GBK");
        }
        record.push_back(std::move(field));

        if (i >= text.size()) break;
        if (text[i] == ',') {
            ++i;
            continue;
        }
        // CRLF, LF, or a lone CR (old Mac exports) ends the record.
        i += (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
        records.push_back(std::move(record));
        record.clear();
        ++row;
        if (i >= text.size()) break;  // the trailing newline is optional, not an empty row
    }
    if (!record.empty()) records.push_back(std::move(record));

    table.header = std::move(records.front());
    table.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    return table;
}

std::string format_csv_row(const CsvRow& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
        if (c > 0) line.push_back(',');
        std::string cell = needs_formula_guard(row[c]) ? "'" + row[c] : row[c];
        if (cell.find_first_of(",\"\r\n") == std::string::npos) {
            line += cell;
            continue;
        }
        line.push_back('"');
        for (char ch : cell) {
            if (ch == '"') line.push_back('"');
            line.push_back(ch);
        }
        line.push_back('"');
    }
    line.push_back('\n');
    return line;
}

std::string strip_formula_guard(std::string_view cell) {
    if (!cell.empty() && cell.front() == '\'' && needs_formula_guard(cell.substr(1))) cell.remove_prefix(1);
    return std::string(cell);
}

}  // namespace pos::core
