// The barcode engine (docs/design.md "Barcodes"): trimming, AIM ids, EAN/UPC check digits, scale labels.
#include "drivers/scanner/barcode.hpp"

#include "drivers/scanner/barcode_detail.hpp"

#include <array>
#include <cstddef>

namespace pos::drivers::scanner {

namespace detail {

bool all_digits(std::string_view text) {
    for (const char c : text) {
        if (!is_digit(c)) return false;
    }
    return true;
}

std::optional<int64_t> to_int(std::string_view digits) {
    if (digits.empty() || digits.size() > 18 || !all_digits(digits)) return std::nullopt;
    int64_t value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

int64_t rescale_half_up(int64_t value, int from_decimals, int to_decimals) {
    int64_t factor = 1;
    for (int i = 0; i < (from_decimals > to_decimals ? from_decimals - to_decimals : to_decimals - from_decimals);
         ++i) {
        factor *= 10;
    }
    if (from_decimals <= to_decimals) return value * factor;
    return (value + factor / 2) / factor;
}

std::string describe_char(char c) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) return "a non-ASCII character";
    if (byte < 0x20 || byte == 0x7f) {
        constexpr std::string_view hex = "0123456789ABCDEF";
        return std::string("control character 0x") + hex[byte >> 4] + hex[byte & 0x0f];
    }
    if (c == ' ') return "a space";
    return std::string("'") + c + "'";
}

ParsedBarcode invalid(BarcodeError error, std::string message) {
    ParsedBarcode result;
    result.valid = false;
    result.error = error;
    result.message = std::move(message);
    return result;
}

}  // namespace detail

namespace {

using detail::all_digits;
using detail::describe_char;
using detail::group_separator;
using detail::invalid;
using detail::is_digit;

// Past this a scan is no product code (a GS1-128 symbol holds at most 48 characters): it is
// usually a URL or a document scanned by mistake.
constexpr std::size_t max_code_length = 100;

// The lengths we read, for the bad_length message.
constexpr std::string_view known_lengths = "EAN-8 has 8 digits, UPC-A 12, EAN-13 13, GTIN-14 14, scale labels 13 or 18";

constexpr bool is_trimmed_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

constexpr bool is_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
}

constexpr bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_trimmed_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_trimmed_space(text.back())) text.remove_suffix(1);
    return text;
}

// AIM symbology identifiers (ISO/IEC 15424) that announce a GS1 element string: GS1-128 ]C1,
// GS1 DataBar ]e0, GS1 DataMatrix ]d2, GS1 QR Code ]Q3, GS1 DotCode ]J1.
bool is_gs1_aim(std::string_view aim) {
    constexpr std::array<std::string_view, 5> gs1_aims{"]C1", "]e0", "]d2", "]Q3", "]J1"};
    for (const auto candidate : gs1_aims) {
        if (aim == candidate) return true;
    }
    return false;
}

// The whole code's last digit against the GS1 mod-10 of the others; nullopt if it matches.
std::optional<std::string> check_digit_problem(std::string_view digits) {
    const int expected = gs1_check_digit(digits.substr(0, digits.size() - 1));
    if (digits.back() - '0' == expected) return std::nullopt;
    return std::string("check digit is ") + digits.back() + ", expected " + std::to_string(expected) +
           ": rescan or type the code again";
}

// An EAN/UPC/GTIN-14 code as its GTIN digits (UPC-E already expanded to UPC-A).
ParsedBarcode trade_item(std::string_view symbology, std::string_view gtin_digits) {
    ParsedBarcode result;
    result.symbology = symbology;
    if (auto problem = check_digit_problem(gtin_digits)) {
        result.error = BarcodeError::bad_check_digit;
        result.message = std::move(*problem);
        return result;
    }
    result.valid = true;
    result.kind = BarcodeKind::item;
    result.gtin = std::string(14 - gtin_digits.size(), '0');
    result.gtin += gtin_digits;
    return result;
}

// ---------------------------------------------------------------------------------------------
// Scale labels

// The formats whose flag and length fit; the longest flag wins so a store can configure
// "2" for most labels and "29" for one vendor, and the first listed wins a tie. A format
// with no flag matches nothing: it would swallow every code of its length.
const ScaleFormat* find_scale_format(std::string_view digits, const Nomenclature& nomenclature) {
    const ScaleFormat* best = nullptr;
    for (const auto& format : nomenclature.scale_formats) {
        if (format.flag.empty() || format.length < 0 || static_cast<std::size_t>(format.length) != digits.size() ||
            !digits.starts_with(format.flag)) {
            continue;
        }
        if (best == nullptr || format.flag.size() > best->flag.size()) best = &format;
    }
    return best;
}

// Why a configured format cannot be read, or nullopt if it is sound. The config loader should
// refuse such formats; this guards the arithmetic if one slips through.
std::optional<std::string> scale_format_problem(const ScaleFormat& format) {
    if (format.kind != BarcodeKind::priced && format.kind != BarcodeKind::weighed) {
        return "its kind must be priced or weighed";
    }
    if (format.price_decimals < 0 || format.price_decimals > 9 || format.weight_decimals < 0 ||
        format.weight_decimals > 9) {
        return "its decimals must be between 0 and 9";
    }
    int plus = 0;
    int prices = 0;
    int weights = 0;
    int total = 0;
    for (const auto& field : format.fields) {
        // 15 digits keep every amount and its scaling to fen or grams inside int64.
        if (field.digits < 1 || field.digits > 15) return "a field must have 1 to 15 digits";
        total += field.digits;
        switch (field.kind) {
            case ScaleField::Kind::plu: ++plus; break;
            case ScaleField::Kind::price: ++prices; break;
            case ScaleField::Kind::weight: ++weights; break;
        }
    }
    if (plus != 1 || prices > 1 || weights > 1) {
        return "it needs one PLU field and at most one price and one weight field";
    }
    if (format.kind == BarcodeKind::priced && prices == 0) {
        return "a priced label needs a price field";
    }
    if (prices == 0 && weights == 0) return "a weighed label needs a price or a weight field";
    const int expected = format.length - static_cast<int>(format.flag.size()) - 1;
    if (total != expected) {
        return "its fields add up to " + std::to_string(total) + " digits, the label has room for " +
               std::to_string(expected);
    }
    return std::nullopt;
}

ParsedBarcode parse_scale_label(std::string_view digits, const ScaleFormat& format) {
    if (auto problem = scale_format_problem(format)) {
        return invalid(BarcodeError::unknown_prefix, "the scale label format with flag " + format.flag +
                                                         " is set up wrong (" + *problem +
                                                         "): ask the store manager to fix the scale label settings");
    }
    ParsedBarcode result;
    result.symbology = "scale" + std::to_string(format.length);
    if (auto problem = check_digit_problem(digits)) {
        result.error = BarcodeError::bad_check_digit;
        result.message = std::move(*problem);
        return result;
    }
    std::size_t at = format.flag.size();
    for (const auto& field : format.fields) {
        const auto width = static_cast<std::size_t>(field.digits);
        const std::string_view value = digits.substr(at, width);
        at += width;
        switch (field.kind) {
            case ScaleField::Kind::plu: result.plu = value; break;
            case ScaleField::Kind::price:
                result.price_fen = detail::rescale_half_up(*detail::to_int(value), format.price_decimals, 2);
                break;
            case ScaleField::Kind::weight:
                result.weight_g = detail::rescale_half_up(*detail::to_int(value), format.weight_decimals, 3);
                break;
        }
    }
    result.valid = true;
    result.kind = format.kind;
    return result;
}

// ---------------------------------------------------------------------------------------------
// Digits only: scale labels, EAN/UPC, GTIN-14

ParsedBarcode parse_digits(std::string_view aim, std::string_view digits, const Nomenclature& nomenclature) {
    if (const ScaleFormat* format = find_scale_format(digits, nomenclature)) {
        return parse_scale_label(digits, *format);
    }
    switch (digits.size()) {
        case 8:
            // 8 digits are EAN-8 or UPC-E and the digits alone do not say which; only the
            // symbology does. AIM ids give EAN-8 its own ]E4 while EAN-13, UPC-A and UPC-E share
            // ]E0, and scanners send UPC-E as ]E0 + 8 digits, so 8 digits after ]E0 with number
            // system 0 or 1 (the only ones UPC-E encodes) are UPC-E. Everything else is EAN-8:
            // typed codes, and scanners sending no AIM id. EAN-8 is what Chinese shelves carry,
            // UPC-E is North American; a store selling UPC-E goods turns on AIM ids or has the
            // scanner expand UPC-E to UPC-A, which arrives as 12 digits.
            if (aim == "]E0" && (digits[0] == '0' || digits[0] == '1')) {
                const auto upca = expand_upce(digits);
                return trade_item("upce", *upca);
            }
            return trade_item("ean8", digits);
        case 12: return trade_item("upca", digits);
        // 20-29 in-store prefixes with no configured format land here too: stores print their
        // own item labels with those prefixes, looked up by GTIN like any other item.
        case 13: return trade_item("ean13", digits);
        case 14: return trade_item("gtin14", digits);
        case 18:
            return invalid(BarcodeError::unknown_prefix,
                           "no scale label format starts with " + std::string(digits.substr(0, 2)) +
                               " and has 18 digits: check the scale's barcode settings against "
                               "the lane's scale label formats");
        default:
            return invalid(BarcodeError::bad_length,
                           "a " + std::to_string(digits.size()) + "-digit code is not a barcode we know (" +
                               std::string(known_lengths) + "): rescan or type the whole code");
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public functions

Nomenclature default_nomenclature() {
    using Kind = ScaleField::Kind;
    Nomenclature nomenclature;
    nomenclature.scale_formats = {
        {"20", 13, BarcodeKind::priced, {{Kind::plu, 5}, {Kind::price, 5}}, 2, 3},
        {"21", 13, BarcodeKind::weighed, {{Kind::plu, 5}, {Kind::price, 5}}, 2, 3},
        {"22", 13, BarcodeKind::weighed, {{Kind::plu, 5}, {Kind::weight, 5}}, 2, 3},
        {"26", 18, BarcodeKind::weighed, {{Kind::plu, 5}, {Kind::price, 5}, {Kind::weight, 5}}, 2, 3},
    };
    return nomenclature;
}

ParsedBarcode parse_barcode(std::string_view text, const Nomenclature& nomenclature) {
    const std::string_view code = trim(text);
    if (code.empty()) {
        return invalid(BarcodeError::empty, "nothing was scanned: scan the code again or type it");
    }
    if (code.size() > max_code_length) {
        return invalid(BarcodeError::too_long, "the code has " + std::to_string(code.size()) +
                                                   " characters, more than any barcode we read (100): scan the item's "
                                                   "product barcode or type it");
    }
    // GS is checked later: it is allowed inside GS1 data only.
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (is_control(code[i]) && code[i] != group_separator) {
            return invalid(BarcodeError::bad_character, "the code has " + describe_char(code[i]) + " at position " +
                                                            std::to_string(i + 1) +
                                                            ": rescan, and if it repeats check the scanner's settings");
        }
    }

    std::string aim;
    std::string_view data = code;
    if (code.front() == ']') {
        if (code.size() < 3 || !is_ascii_letter(code[1]) || !is_digit(code[2])) {
            return invalid(BarcodeError::bad_character,
                           "the code starts with ']' but not with a symbology identifier such as "
                           "]E0: rescan, or type the digits only");
        }
        aim = code.substr(0, 3);
        data.remove_prefix(3);
    }

    ParsedBarcode result;
    if (data.empty()) {
        result = invalid(BarcodeError::empty,
                         "only the symbology identifier " + aim + " arrived, no code: scan the code again");
    } else if (is_gs1_aim(aim) || data.front() == '(' || data.front() == group_separator ||
               (aim.empty() && data.find(group_separator) != std::string_view::npos)) {
        // A GS1 element string: announced by its AIM id, written by hand with parentheses, or
        // sent with a leading FNC1 as GS. Scanners with AIM ids off drop the leading FNC1 but
        // keep the GS separators, and GS never occurs in EAN/UPC data, so GS anywhere is GS1 too.
        if (data.front() == '(') {
            result = detail::parse_gs1_element_string(data, detail::Gs1Form::parenthesized, aim.size());
        } else {
            const std::size_t fnc1 = data.front() == group_separator ? 1 : 0;
            result = detail::parse_gs1_element_string(data.substr(fnc1), detail::Gs1Form::raw, aim.size() + fnc1);
        }
    } else if (const auto bad = data.find_first_not_of("0123456789"); bad != std::string_view::npos) {
        result = invalid(BarcodeError::bad_character, "the code has " + describe_char(data[bad]) + " at position " +
                                                          std::to_string(aim.size() + bad + 1) +
                                                          " where only digits belong: rescan or type the code again");
    } else {
        result = parse_digits(aim, data, nomenclature);
    }
    result.aim = std::move(aim);
    return result;
}

int gs1_check_digit(std::string_view digits_without_check) {
    // GS1 General Specifications §7.9.1: weights 3, 1, 3... from the rightmost digit.
    int sum = 0;
    bool triple = true;
    for (auto it = digits_without_check.rbegin(); it != digits_without_check.rend(); ++it) {
        if (!is_digit(*it)) return -1;
        const int digit = *it - '0';
        sum += triple ? 3 * digit : digit;
        triple = !triple;
    }
    return (10 - sum % 10) % 10;
}

std::optional<std::string> expand_upce(std::string_view upce) {
    if (upce.size() != 8 || !all_digits(upce) || (upce[0] != '0' && upce[0] != '1')) {
        return std::nullopt;
    }
    // The last of the six data digits says where the suppressed zeros go; the number system
    // and check digit carry over unchanged (the check digit is not verified here).
    const std::string_view d = upce.substr(1, 6);
    std::string upca(1, upce[0]);
    switch (d[5]) {
        case '0':
        case '1':
        case '2':
            upca += d.substr(0, 2);
            upca += d[5];
            upca += "0000";
            upca += d.substr(2, 3);
            break;
        case '3':
            upca += d.substr(0, 3);
            upca += "00000";
            upca += d.substr(3, 2);
            break;
        case '4':
            upca += d.substr(0, 4);
            upca += "00000";
            upca += d[4];
            break;
        default:
            upca += d.substr(0, 5);
            upca += "0000";
            upca += d[5];
            break;
    }
    upca += upce[7];
    return upca;
}

std::string_view kind_name(BarcodeKind kind) {
    switch (kind) {
        case BarcodeKind::item: return "item";
        case BarcodeKind::priced: return "priced";
        case BarcodeKind::weighed: return "weighed";
        case BarcodeKind::gs1: return "gs1";
    }
    return "unknown";
}

std::string_view error_name(BarcodeError error) {
    switch (error) {
        case BarcodeError::none: return "none";
        case BarcodeError::empty: return "empty";
        case BarcodeError::bad_character: return "bad_character";
        case BarcodeError::bad_length: return "bad_length";
        case BarcodeError::too_long: return "too_long";
        case BarcodeError::bad_check_digit: return "bad_check_digit";
        case BarcodeError::unknown_prefix: return "unknown_prefix";
        case BarcodeError::bad_gs1: return "bad_gs1";
    }
    return "unknown";
}

}  // namespace pos::drivers::scanner
