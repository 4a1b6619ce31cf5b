// One line of progress for a long command (catalog import, demo generate): done, rate, time left.
// Pure: the caller measures the elapsed time and decides where the line goes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pos::core {

// "412,000 / 1,000,000 rows (41%), 52,310 rows/s, 11 s left". The rate and the time left are
// left out until something is done and time has passed; the time left when `total` is unknown (0).
[[nodiscard]] std::string format_progress(int64_t done, int64_t total, double elapsed_seconds, std::string_view unit);

// A duration as a person reads it: "<1 s", "42 s", "3 min 05 s", "2 h 07 min".
[[nodiscard]] std::string format_duration(double seconds);

// 1234567 → "1,234,567".
[[nodiscard]] std::string group_thousands(int64_t value);

}  // namespace pos::core
