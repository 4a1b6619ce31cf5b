// Card data checks: no full card numbers in references, last four digits only.
#include "pos/core/card_data.hpp"

#include <algorithm>

namespace pos::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The longest run of digits, where single spaces or dashes between digits do not break it.
size_t longest_digit_run(std::string_view text) {
    size_t longest = 0, run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (is_digit(c)) {
            longest = std::max(longest, ++run);
        } else if ((c == ' ' || c == '-') && run > 0 && i + 1 < text.size() && is_digit(text[i + 1])) {
            continue;
        } else {
            run = 0;
        }
    }
    return longest;
}

}  // namespace

Status check_card_reference(std::string_view reference) {
    if (longest_digit_run(reference) >= 13) {
        return make_error(ErrorCode::bad_input,
                          "the reference looks like a full card number: never key or store card numbers. Enter the "
                          "terminal's reference (凭证号/参考号) and, if wanted, the last four digits only");
    }
    if (reference.size() > 64) return make_error(ErrorCode::bad_input, "the reference is longer than 64 characters");
    if (std::any_of(reference.begin(), reference.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        return make_error(ErrorCode::bad_input, "the reference has control characters: type it again");
    }
    return Done{};
}

Status check_card_last4(std::string_view last4) {
    if (last4.empty() || (last4.size() == 4 && std::all_of(last4.begin(), last4.end(), is_digit))) return Done{};
    return make_error(ErrorCode::bad_input, "last4 must be exactly the last four digits of the card, like 1234");
}

std::string card_reference(std::string_view reference, std::string_view last4) {
    std::string kept(reference);
    if (!last4.empty()) kept += (kept.empty() ? "****" : " ****") + std::string(last4);
    return kept;
}

}  // namespace pos::core
