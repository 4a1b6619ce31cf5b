// The per-role limit on price overrides.
#include "pos/core/override_limit.hpp"

#include <cstdlib>
#include <string>

namespace pos::core {

Status check_override_limit(Money catalog_price, Money price, int limit_percent, std::string_view role) {
    if (limit_percent >= 100 || catalog_price.in_fen() <= 0) return Done{};
    int64_t change = std::llabs(price.in_fen() - catalog_price.in_fen());
    if (change * 100 <= int64_t(limit_percent) * catalog_price.in_fen()) return Done{};
    // Shown to one decimal, rounded up so a refused change never reads as within the limit.
    int64_t tenths = (change * 1000 + catalog_price.in_fen() - 1) / catalog_price.in_fen();
    std::string shown = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
    std::string message = "a " + std::string(role) + " may change a price by at most " + std::to_string(limit_percent) +
                          "%: " + catalog_price.to_string() + " to " + price.to_string() + " is " + shown +
                          "%. Ask someone with a higher limit to approve it";
    return make_error(ErrorCode::not_permitted, message);
}

}  // namespace pos::core
