// Progress lines for long commands (see progress.hpp).
#include "pos/core/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pos::core {
namespace {

// Two numbers with a word after each ("3 min 05 s"); pos::core links no formatting library.
std::string two_units(int64_t first, const char* first_unit, int64_t second, const char* second_unit) {
    char text[64];
    std::snprintf(text, sizeof text, "%lld %s %02lld %s", static_cast<long long>(first), first_unit,
                  static_cast<long long>(second), second_unit);
    return text;
}

// Whole numbers from 10 up; one decimal below, so a slow rate does not read "0 days/s".
std::string format_rate(double rate) {
    if (rate >= 10) return group_thousands(int64_t(std::llround(rate)));
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", rate);
    return text;
}

}  // namespace

std::string group_thousands(int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string grouped;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return value < 0 ? "-" + grouped : grouped;
}

std::string format_duration(double seconds) {
    if (!(seconds >= 1)) return "<1 s";  // also NaN
    auto whole = int64_t(std::llround(seconds));
    if (whole < 60) return std::to_string(whole) + " s";
    if (whole < 3600) return two_units(whole / 60, "min", whole % 60, "s");
    return two_units(whole / 3600, "h", whole % 3600 / 60, "min");
}

std::string format_progress(int64_t done, int64_t total, double elapsed_seconds, std::string_view unit) {
    std::string line = group_thousands(done);
    if (total > 0) {
        int64_t percent = std::min<int64_t>(100, done * 100 / total);
        line += " / " + group_thousands(total) + " " + std::string(unit) + " (" + std::to_string(percent) + "%)";
    } else {
        line += " " + std::string(unit);
    }
    if (done <= 0 || !(elapsed_seconds > 0)) return line;
    double rate = double(done) / elapsed_seconds;
    line += ", " + format_rate(rate) + " " + std::string(unit) + "/s";
    if (total > done) line += ", " + format_duration(double(total - done) / rate) + " left";
    return line;
}

}  // namespace pos::core
