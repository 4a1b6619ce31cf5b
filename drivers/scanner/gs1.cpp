// GS1 element strings: the application identifiers a till needs, in raw and bracketed form.
#include "drivers/scanner/barcode_detail.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace pos::drivers::scanner::detail {

namespace {

enum class Content {
    numeric,
    alphanumeric,     // GS1 character set 82
    date,             // YYMMDD, DD may be 00 (the whole month)
    currency_amount,  // ISO 4217 numeric currency code, then the amount
};

// What an AI's value means to the till beyond being listed in ais.
enum class Role { none, gtin, net_weight_kg, price, price_with_currency };

struct AiSpec {
    std::string_view ai;  // the whole AI, or its first three digits when decimals follow
    bool decimal_digit;   // a fourth AI digit gives the number of decimals in the value
    int max_decimals;
    int min_length;  // of the value; min == max is a predefined (fixed) length
    int max_length;
    Content content;
    bool check_digit;  // the value ends with a GS1 mod-10 check digit
    Role role;
};

// GS1 General Specifications §3.2, the AIs a supermarket till meets. Fixed-length ones are
// all in the "predefined length" table (§7.8.5), so no GS follows them in raw data.
constexpr std::array<AiSpec, 14> ai_specs{{
    {"00", false, 0, 18, 18, Content::numeric, true, Role::none},  // SSCC
    {"01", false, 0, 14, 14, Content::numeric, true, Role::gtin},
    {"02", false, 0, 14, 14, Content::numeric, true, Role::gtin},       // GTIN of contained items
    {"10", false, 0, 1, 20, Content::alphanumeric, false, Role::none},  // batch or lot
    {"11", false, 0, 6, 6, Content::date, false, Role::none},           // production date
    {"13", false, 0, 6, 6, Content::date, false, Role::none},           // packaging date
    {"15", false, 0, 6, 6, Content::date, false, Role::none},           // best before
    {"17", false, 0, 6, 6, Content::date, false, Role::none},           // expiry
    {"21", false, 0, 1, 20, Content::alphanumeric, false, Role::none},  // serial number
    {"30", false, 0, 1, 8, Content::numeric, false, Role::none},        // variable count
    {"37", false, 0, 1, 8, Content::numeric, false, Role::none},        // count of contained items
    {"310", true, 5, 6, 6, Content::numeric, false, Role::net_weight_kg},
    {"392", true, 9, 1, 15, Content::numeric, false, Role::price},
    {"393", true, 9, 4, 18, Content::currency_amount, false, Role::price_with_currency},
}};

// ISO 4217 numeric code of the yuan: the only currency a 393n price is taken in.
constexpr std::string_view cny_numeric = "156";

struct FoundAi {
    const AiSpec* spec = nullptr;
    int decimals = 0;
};

// The spec for exactly this AI ("17", "3103"), or spec == nullptr.
FoundAi find_ai(std::string_view ai) {
    for (const auto& spec : ai_specs) {
        if (!spec.decimal_digit) {
            if (ai == spec.ai) return {&spec, 0};
            continue;
        }
        if (ai.size() == spec.ai.size() + 1 && ai.starts_with(spec.ai) && is_digit(ai.back())) {
            const int decimals = ai.back() - '0';
            if (decimals <= spec.max_decimals) return {&spec, decimals};
        }
    }
    return {};
}

// How many digits the AI at the start of raw data has, to name an unknown one: four for the
// measure families (31-36, 39), two otherwise.
std::size_t ai_length_for_message(std::string_view data) {
    if (data.size() >= 2 && (data.substr(0, 2) == "39" || (data[0] == '3' && data[1] >= '1' && data[1] <= '6'))) {
        return 4;
    }
    return 2;
}

// GS1 AI encodable character set 82 (§7.11, figure 7.11-1).
bool in_cset82(char c) {
    constexpr std::string_view symbols = "!\"%&'()*+,-./:;<=>?_";
    return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || symbols.find(c) != std::string_view::npos;
}

int days_in_month(int yy, int month) {
    switch (month) {
        case 2: return yy % 4 == 0 ? 29 : 28;  // YY within 2000-2099 in practice
        case 4:
        case 6:
        case 9:
        case 11: return 30;
        default: return 31;
    }
}

constexpr std::string_view fix_hint = ": rescan, or key the item in by its barcode number";

std::string element(std::string_view ai) { return "GS1 AI (" + std::string(ai) + ")"; }

// Why the value does not fit its AI, or nullopt. The length is checked by the caller.
std::optional<std::string> value_problem(std::string_view ai, const AiSpec& spec, std::string_view value) {
    switch (spec.content) {
        case Content::numeric:
        case Content::date:
        case Content::currency_amount:
            if (!all_digits(value)) {
                return element(ai) + " must be digits only, found \"" + std::string(value) + "\"";
            }
            break;
        case Content::alphanumeric:
            for (const char c : value) {
                if (!in_cset82(c)) {
                    return element(ai) + " has " + describe_char(c) + ", which GS1 does not allow in it";
                }
            }
            break;
    }
    if (spec.check_digit) {
        const int expected = gs1_check_digit(value.substr(0, value.size() - 1));
        if (value.back() - '0' != expected) {
            return element(ai) + " check digit is " + std::string(1, value.back()) + ", expected " +
                   std::to_string(expected);
        }
    }
    if (spec.content == Content::date) {
        const int yy = static_cast<int>(*to_int(value.substr(0, 2)));
        const int month = static_cast<int>(*to_int(value.substr(2, 2)));
        const int day = static_cast<int>(*to_int(value.substr(4, 2)));
        if (month < 1 || month > 12) {
            return element(ai) + " date " + std::string(value) + " has no month " + std::to_string(month);
        }
        if (day > days_in_month(yy, month)) {
            return element(ai) + " date " + std::string(value) + " has no day " + std::to_string(day) + " in month " +
                   std::to_string(month);
        }
    }
    return std::nullopt;
}

std::string length_problem(std::string_view ai, const AiSpec& spec, std::size_t length) {
    const std::string what = spec.content == Content::alphanumeric ? " characters" : " digits";
    if (spec.min_length == spec.max_length) {
        return element(ai) + " needs " + std::to_string(spec.max_length) + what + ", found " + std::to_string(length);
    }
    if (length == 0) return element(ai) + " has no value";
    if (static_cast<int>(length) < spec.min_length) {
        return element(ai) + " needs at least " + std::to_string(spec.min_length) + what + ", found " +
               std::to_string(length);
    }
    return element(ai) + " allows at most " + std::to_string(spec.max_length) + what + ", found " +
           std::to_string(length);
}

bool length_fits(const AiSpec& spec, std::size_t length) {
    return static_cast<int>(length) >= spec.min_length && static_cast<int>(length) <= spec.max_length;
}

ParsedBarcode bad_gs1(std::string reason) {
    return invalid(BarcodeError::bad_gs1, std::move(reason) + std::string(fix_hint));
}

}  // namespace

ParsedBarcode parse_gs1_element_string(std::string_view data, Gs1Form form, std::size_t offset) {
    ParsedBarcode result;
    result.kind = BarcodeKind::gs1;
    result.symbology = "gs1";
    if (data.empty()) return bad_gs1("the GS1 code has no data after its FNC1");

    bool has_price = false;
    std::size_t at = 0;
    while (at < data.size()) {
        std::string_view ai;
        std::string_view value;
        FoundAi found;
        if (form == Gs1Form::parenthesized) {
            if (data[at] != '(') {
                return bad_gs1("the GS1 code has " + describe_char(data[at]) + " at position " +
                               std::to_string(offset + at + 1) + " where an AI in parentheses belongs");
            }
            const std::size_t close = data.find(')', at);
            if (close == std::string_view::npos) {
                return bad_gs1("the GS1 code has a '(' with no ')' at position " + std::to_string(offset + at + 1));
            }
            ai = data.substr(at + 1, close - at - 1);
            found = find_ai(ai);
            if (found.spec == nullptr) {
                return bad_gs1("the GS1 code has (" + std::string(ai) +
                               "), an application identifier this till does not read");
            }
            // A value ends where the next AI opens. GS1 allows '(' inside alphanumeric values,
            // which makes the bracketed form ambiguous there; scanners send the raw form.
            const std::size_t end = std::min(data.find('(', close + 1), data.size());
            value = data.substr(close + 1, end - close - 1);
            at = end;
            if (!length_fits(*found.spec, value.size())) {
                return bad_gs1(length_problem(ai, *found.spec, value.size()));
            }
        } else {
            const std::string_view rest = data.substr(at);
            const std::size_t non_digit = std::min(rest.find_first_not_of("0123456789"), std::size_t{2});
            if (non_digit < 2) {
                return bad_gs1("the GS1 code has " + describe_char(rest[non_digit]) + " at position " +
                               std::to_string(offset + at + non_digit + 1) +
                               " where an application identifier belongs");
            }
            for (std::size_t width = 2; width <= std::min(rest.size(), std::size_t{4}); ++width) {
                found = find_ai(rest.substr(0, width));
                if (found.spec != nullptr) {
                    ai = rest.substr(0, width);
                    break;
                }
            }
            if (found.spec == nullptr) {
                const std::size_t width = std::min(ai_length_for_message(rest), rest.size());
                return bad_gs1("the GS1 code has (" + std::string(rest.substr(0, width)) +
                               "), an application identifier this till does not read");
            }
            at += ai.size();
            const AiSpec& spec = *found.spec;
            if (spec.min_length == spec.max_length) {
                const auto width = static_cast<std::size_t>(spec.max_length);
                const std::size_t end = std::min(data.find(group_separator, at), data.size());
                if (end - at < width) return bad_gs1(length_problem(ai, spec, end - at));
                value = data.substr(at, width);
                at += width;
                // Not needed after a predefined length, but some printers put one there.
                if (at < data.size() && data[at] == group_separator) ++at;
            } else {
                const std::size_t end = std::min(data.find(group_separator, at), data.size());
                value = data.substr(at, end - at);
                at = end < data.size() ? end + 1 : end;
                if (!length_fits(spec, value.size())) {
                    std::string problem = length_problem(ai, spec, value.size());
                    if (static_cast<int>(value.size()) > spec.max_length) {
                        problem += " (a GS separator may be missing)";
                    }
                    return bad_gs1(std::move(problem));
                }
            }
        }

        const AiSpec& spec = *found.spec;
        if (auto problem = value_problem(ai, spec, value)) return bad_gs1(std::move(*problem));

        // GS1 lets an AI repeat only with the same value; the repeat adds nothing.
        bool repeated = false;
        for (const auto& earlier : result.ais) {
            if (earlier.ai != ai) continue;
            if (earlier.value != value) {
                return bad_gs1(element(ai) + " appears twice with different values");
            }
            repeated = true;
        }
        result.ais.push_back({std::string(ai), std::string(value)});
        if (repeated) continue;

        switch (spec.role) {
            case Role::none: break;
            case Role::gtin:
                if (!result.gtin.empty()) return bad_gs1(element(ai) + " gives a second GTIN");
                result.gtin = value;
                break;
            case Role::net_weight_kg:
                if (result.weight_g) return bad_gs1(element(ai) + " gives a second net weight");
                result.weight_g = rescale_half_up(*to_int(value), found.decimals, 3);
                break;
            case Role::price:
            case Role::price_with_currency: {
                if (has_price) return bad_gs1(element(ai) + " gives a second price");
                has_price = true;
                std::string_view amount = value;
                if (spec.role == Role::price_with_currency) {
                    // A price in another currency is listed in ais but not charged.
                    if (value.substr(0, 3) != cny_numeric) break;
                    amount = value.substr(3);
                }
                result.price_fen = rescale_half_up(*to_int(amount), found.decimals, 2);
                break;
            }
        }
    }
    result.valid = true;
    return result;
}

}  // namespace pos::drivers::scanner::detail
