// The barcode engine: one pure parser for scanned and typed codes (docs/design.md "Barcodes").
// EAN/UPC with check digits, in-store scale labels, GS1 element strings. No IO.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pos::drivers::scanner {

enum class BarcodeKind {
    item,     // a trade item looked up by GTIN
    priced,   // in-store label: counted item, price printed in the code
    weighed,  // in-store label: weighed item; price and/or weight in the code
    gs1,      // GS1 element string (GS1-128 / DataBar / DataMatrix)
};

enum class BarcodeError {
    none,
    empty,            // nothing but whitespace
    bad_character,    // not a digit where digits are required, control character, etc.
    bad_length,       // a length no symbology has (e.g. 10 digits)
    too_long,         // longer than any code we accept (over 100 characters)
    bad_check_digit,  // the check digit does not match
    unknown_prefix,   // in-store prefix (20-29) with no configured scale format, etc.
    bad_gs1,          // malformed GS1 element string: unknown AI, bad length, missing FNC1
};

// One field of a scale label, in the order it appears after the flag.
struct ScaleField {
    enum class Kind { plu, price, weight };
    Kind kind = Kind::plu;
    int digits = 5;
};

// A store-configured scale label format (docs/cn-pos-conventions.md, "Scale barcodes").
struct ScaleFormat {
    std::string flag;                         // "20", "21", "22", "26"...
    int length = 13;                          // 13 or 18, check digit included
    BarcodeKind kind = BarcodeKind::weighed;  // priced or weighed
    std::vector<ScaleField> fields;           // e.g. {plu 5, price 5}; digits add up to length - flag - 1
    int price_decimals = 2;                   // price field has this many decimals of a yuan
    int weight_decimals = 3;                  // weight field in kg with this many decimals (3 = grams)
};

struct Nomenclature {
    std::vector<ScaleFormat> scale_formats;
};

// docs/design.md "Barcodes" defaults: 20 priced, 21 weighed priced by scale, 22 weighed by weight,
// 26 (18 digits) price + weight.
[[nodiscard]] Nomenclature default_nomenclature();

struct ApplicationIdentifier {
    std::string ai;  // "01", "10", "17", "3103", "3922"...
    std::string value;
};

struct ParsedBarcode {
    bool valid = false;
    std::string symbology;  // "ean13", "ean8", "upca", "upce", "gtin14", "scale13", "scale18", "gs1"
    std::string aim;        // AIM identifier if one prefixed the data ("]E0"), else empty
    std::string gtin;       // 14-digit GTIN (zero-padded) for item and gs1 kinds with AI 01
    BarcodeKind kind = BarcodeKind::item;
    std::string plu;                   // scale labels
    std::optional<int64_t> price_fen;  // scale price, or GS1 392x
    std::optional<int64_t> weight_g;   // scale weight, or GS1 310x (rounded half-up to grams)
    std::vector<ApplicationIdentifier> ais;
    BarcodeError error = BarcodeError::none;
    std::string message;  // why it is invalid, in words a cashier can act on (English)
};

// Parses a scanned or typed code. Leading/trailing whitespace and an AIM prefix are accepted.
[[nodiscard]] ParsedBarcode parse_barcode(std::string_view text, const Nomenclature& nomenclature);

// GS1 mod-10 check digit of a string of digits (the check digit itself not included).
[[nodiscard]] int gs1_check_digit(std::string_view digits_without_check);

// UPC-E (8 digits with number system and check) to UPC-A (12 digits); nullopt if malformed.
[[nodiscard]] std::optional<std::string> expand_upce(std::string_view upce);

[[nodiscard]] std::string_view kind_name(BarcodeKind kind);     // "item", "priced", "weighed", "gs1"
[[nodiscard]] std::string_view error_name(BarcodeError error);  // "bad_check_digit", ...

}  // namespace pos::drivers::scanner
