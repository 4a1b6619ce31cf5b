// RFC 4180 CSV reading and writing, pure: text in, rows out, with row and column in every error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pos/core/result.hpp"

namespace pos::core {

using CsvRow = std::vector<std::string>;

struct CsvTable {
    CsvRow header;
    std::vector<CsvRow> rows;  // rows[i] is file row i + 2 (row 1 is the header)
};

// Parses UTF-8 CSV text: comma separated, "" quoting, CRLF or LF, optional UTF-8 BOM,
// a trailing newline optional. Fails (bad_input, message naming row and column) on an
// unterminated quote, a quote inside an unquoted field, or invalid UTF-8.
[[nodiscard]] Result<CsvTable> parse_csv(std::string_view text);

// Writes one CSV line (ending in "\n"), quoting fields that need it. A field that a
// spreadsheet would run as a formula (starting with = + - @ tab or CR) is written with a
// leading apostrophe, so opening an export never executes anything.
[[nodiscard]] std::string format_csv_row(const CsvRow& row);

// Undoes the apostrophe format_csv_row adds to formula-like cells, so export then import
// gives back the same text.
[[nodiscard]] std::string strip_formula_guard(std::string_view cell);

}  // namespace pos::core
