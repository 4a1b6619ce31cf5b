// Tests for pos/core/csv.hpp: RFC 4180 reading, exact error text, UTF-8 checks, formula guard.
#include "pos/core/csv.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using pos::core::CsvRow;
using pos::core::CsvTable;
using pos::core::ErrorCode;
using pos::core::format_csv_row;
using pos::core::parse_csv;
using pos::core::strip_formula_guard;

namespace {

// Parses text that must be good CSV; a failure shows its message in the test output.
CsvTable parse_ok(std::string_view text) {
    auto result = parse_csv(text);
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().message));
    return std::move(result).value();
}

std::string parse_error(std::string_view text) {
    auto result = parse_csv(text);
    REQUIRE(!result.ok());
    CHECK(result.error().code == ErrorCode::bad_input);
    return result.error().message;
}

}  // namespace

TEST_CASE("csv: plain rows split on commas, header first") {
    auto table = parse_ok("sku,name\nA1,Water\nA2,Tea\n");
    CHECK(table.header == CsvRow{"sku", "name"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0] == CsvRow{"A1", "Water"});
    CHECK(table.rows[1] == CsvRow{"A2", "Tea"});
}

TEST_CASE("csv: the trailing newline is optional") {
    CHECK(parse_ok("a,b\n1,2").rows == std::vector<CsvRow>{{"1", "2"}});
    CHECK(parse_ok("a,b\n1,2\n").rows == std::vector<CsvRow>{{"1", "2"}});
}

TEST_CASE("csv: CRLF, LF and a lone CR all end a row") {
    auto table = parse_ok("a,b\r\n1,2\r\n3,4\n5,6\r7,8\r\n");
    CHECK(table.header == CsvRow{"a", "b"});
    CHECK(table.rows == std::vector<CsvRow>{{"1", "2"}, {"3", "4"}, {"5", "6"}, {"7", "8"}});
}

TEST_CASE("csv: a UTF-8 BOM at the start is dropped") {
    auto table = parse_ok("\xEF\xBB\xBFsku,name\nA1,矿泉水\n");
    CHECK(table.header == CsvRow{"sku", "name"});
    CHECK(table.rows[0] == CsvRow{"A1", "矿泉水"});
}

TEST_CASE("csv: empty cells are kept, including at the ends of a row") {
    auto table = parse_ok("a,b,c\n,,\n1,,\n,,3\n\"\",x,\"\"\n");
    CHECK(table.rows == std::vector<CsvRow>{{"", "", ""}, {"1", "", ""}, {"", "", "3"}, {"", "x", ""}});
}

TEST_CASE("csv: a blank line is a row with one empty cell, so row numbers match the file") {
    auto table = parse_ok("a\n\nb\n");
    CHECK(table.rows == std::vector<CsvRow>{{""}, {"b"}});
}

TEST_CASE("csv: empty text gives an empty table") {
    auto table = parse_ok("");
    CHECK(table.header.empty());
    CHECK(table.rows.empty());
    CHECK(parse_ok("\xEF\xBB\xBF").header.empty());
}

TEST_CASE("csv: quoted cells hold commas, doubled quotes and newlines") {
    auto table = parse_ok("a,b,c\n\"1,5 L\",\"say \"\"hi\"\"\",\"line 1\nline 2\r\nline 3\"\nnext,row,here\n");
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0] == CsvRow{"1,5 L", "say \"hi\"", "line 1\nline 2\r\nline 3"});
    CHECK(table.rows[1] == CsvRow{"next", "row", "here"});
}

TEST_CASE("csv: spaces are data, not trimmed") { CHECK(parse_ok("a,b\n 1 , 2 \n").rows[0] == CsvRow{" 1 ", " 2 "}); }

TEST_CASE("csv: an unterminated quote names the row and column where it opened") {
    std::string text = "a,b,c\n";
    for (int r = 2; r < 14; ++r) text += "1,2,3\n";
    text += "1,2,\"never closed\n15,16,17\n";
    CHECK(parse_error(text) == "row 14, column 3: quote not closed — check the cell for a stray \" character");
    CHECK(parse_error("\"") == "row 1, column 1: quote not closed — check the cell for a stray \" character");
}

TEST_CASE("csv: rows are counted as records, so a quoted newline does not shift them") {
    CHECK(parse_error("a,b\n\"x\ny\",1\n2,\"open\n") ==
          "row 3, column 2: quote not closed — check the cell for a stray \" character");
}

TEST_CASE("csv: a quote inside an unquoted cell is an error") {
    CHECK(parse_error("a,b\n1,5\" screen\n") ==
          "row 2, column 2: quote inside a cell that does not start with one — put the whole cell in quotes and "
          "double the quote (\"\")");
    CHECK(parse_error("a,b\n1, \"x\"\n").starts_with("row 2, column 2: quote inside a cell"));
}

TEST_CASE("csv: text after a closing quote is an error") {
    CHECK(parse_error("a,b,c\n1,\"x\"y,3\n") ==
          "row 2, column 2: text after the closing quote — a quote inside a quoted cell must be doubled (\"\")");
}

TEST_CASE("csv: invalid UTF-8 is rejected with its row, column and reason") {
    struct Case {
        std::string text;
        std::string message;
    };
    const std::string advice = " of the cell) — save the file as UTF-8 (in Excel: \"CSV UTF-8\"), not GBK";
    const std::vector<Case> cases = {
        // 矿 in GBK: what Excel's plain "CSV" writes on a Chinese Windows.
        {"a,b\nx,\xBF\xF3\n",
         "row 2, column 2: not UTF-8 text (continuation byte with no lead byte at byte 1" + advice},
        {"a,b\nx,ab\xC0\xAF\n", "row 2, column 2: not UTF-8 text (overlong encoding at byte 3" + advice},
        {"a,b\nx,\xE0\x80\xAF\n", "row 2, column 2: not UTF-8 text (overlong encoding at byte 1" + advice},
        {"a,b\nx,\xF0\x80\x80\xAF\n", "row 2, column 2: not UTF-8 text (overlong encoding at byte 1" + advice},
        {"a,b\n\xED\xA0\x80,y\n",
         "row 2, column 1: not UTF-8 text (UTF-16 surrogate, not a character at byte 1" + advice},
        {"a,b\nx,\xF4\x90\x80\x80\n", "row 2, column 2: not UTF-8 text (code point above U+10FFFF at byte 1" + advice},
        {"a,b\nx,\xFF\n", "row 2, column 2: not UTF-8 text (byte that never appears in UTF-8 at byte 1" + advice},
        // Truncated: at the end of the cell, before a comma, and before an ASCII byte.
        {"a,b\nx,\xE7\x9F\n", "row 2, column 2: not UTF-8 text (incomplete multi-byte sequence at byte 1" + advice},
        {"a,b\n\xE7,y\n", "row 2, column 1: not UTF-8 text (incomplete multi-byte sequence at byte 1" + advice},
        {"a,b\nx,\"\xE7\x9F\"\n", "row 2, column 2: not UTF-8 text (incomplete multi-byte sequence at byte 1" + advice},
        {"a,b\nx,\xF0\x9F\x98z\n",
         "row 2, column 2: not UTF-8 text (incomplete multi-byte sequence at byte 1" + advice},
        {"a\xC3,b\n", "row 1, column 1: not UTF-8 text (incomplete multi-byte sequence at byte 2" + advice},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_error(c.text) == c.message);
    }
}

TEST_CASE("csv: valid UTF-8 at every length and at the edges passes") {
    // U+007F, U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF, and 😀.
    std::string edges =
        "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"
        "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\xF0\x9F\x98\x80";
    auto table = parse_ok("a\n" + edges + "\n");
    CHECK(table.rows[0] == CsvRow{edges});
}

TEST_CASE("csv: format quotes only cells that need it") {
    CHECK(format_csv_row({"A1", "Water", "2.00"}) == "A1,Water,2.00\n");
    CHECK(format_csv_row({"1,5 L", "say \"hi\"", "a\nb", "c\rd"}) ==
          "\"1,5 L\",\"say \"\"hi\"\"\",\"a\nb\",\"c\rd\"\n");
    CHECK(format_csv_row({"", "x", ""}) == ",x,\n");
    CHECK(format_csv_row({}) == "\n");
    CHECK(format_csv_row({"矿泉水 550ml"}) == "矿泉水 550ml\n");
}

TEST_CASE("csv: formula-like cells are written with a leading apostrophe") {
    CHECK(format_csv_row({"=SUM(A1)"}) == "'=SUM(A1)\n");
    CHECK(format_csv_row({"+1"}) == "'+1\n");
    CHECK(format_csv_row({"-1"}) == "'-1\n");
    CHECK(format_csv_row({"@cmd"}) == "'@cmd\n");
    CHECK(format_csv_row({"\t=1"}) == "'\t=1\n");
    CHECK(format_csv_row({"\r=1"}) == "\"'\r=1\"\n");
    CHECK(format_csv_row({"=HYPERLINK(\"http://x\",\"y\")"}) == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n");
    // Not at the start: harmless, left alone.
    CHECK(format_csv_row({"a=1", "1-2", "x@y"}) == "a=1,1-2,x@y\n");
    // A cell that already looks guarded gets one more apostrophe, so import gives it back.
    CHECK(format_csv_row({"'=1"}) == "''=1\n");
    CHECK(format_csv_row({"'plain"}) == "'plain\n");
}

TEST_CASE("csv: strip_formula_guard removes only the apostrophe format added") {
    CHECK(strip_formula_guard("'=SUM(A1)") == "=SUM(A1)");
    CHECK(strip_formula_guard("'-1") == "-1");
    CHECK(strip_formula_guard("''=1") == "'=1");
    CHECK(strip_formula_guard("'plain") == "'plain");
    CHECK(strip_formula_guard("'") == "'");
    CHECK(strip_formula_guard("") == "");
    CHECK(strip_formula_guard("=1") == "=1");
}

TEST_CASE("csv: format, parse and strip give back every cell") {
    const CsvRow original = {"=SUM(A1)",
                             "+1",
                             "-1",
                             "@cmd",
                             "\t=1",
                             "\r=1",
                             "'=1",
                             "''-x",
                             "'plain",
                             "'",
                             "",
                             "a,b",
                             "q\"q",
                             "x\ny",
                             "矿泉水",
                             " sp ",
                             "=HYPERLINK(\"http://evil\",\"click\")"};
    std::string text = format_csv_row(original) + format_csv_row(original);
    auto table = parse_ok(text);
    REQUIRE(table.rows.size() == 1);
    for (const CsvRow* row : {&table.header, &table.rows[0]}) {
        REQUIRE(row->size() == original.size());
        for (size_t c = 0; c < original.size(); ++c) {
            CAPTURE(c);
            CHECK(strip_formula_guard((*row)[c]) == original[c]);
            // What a spreadsheet would see never starts a formula.
            const std::string& raw = (*row)[c];
            CHECK((raw.empty() || std::string_view("=+-@\t\r").find(raw.front()) == std::string_view::npos));
        }
    }
}
