// No card data at the lane (PCI DSS): a card tender keeps the terminal's reference and the last
// four digits only. These checks refuse anything that looks like a full card number (PAN).
#pragma once

#include <string>
#include <string_view>

#include "pos/core/result.hpp"

namespace pos::core {

// Refuses a reference holding 13 to 19 digits in a row (spaces and dashes between digits count
// as part of the run, as card numbers are often written "6222 0212 3456 7890").
[[nodiscard]] Status check_card_reference(std::string_view reference);
// Exactly four digits, or empty.
[[nodiscard]] Status check_card_last4(std::string_view last4);
// What the sale keeps in the tender's reference: "REF" or "REF ****1234" (or "****1234").
[[nodiscard]] std::string card_reference(std::string_view reference, std::string_view last4);

}  // namespace pos::core
