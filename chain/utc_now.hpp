// The time a store records its head-office bookkeeping with: UTC, "2026-12-07T03:15:00Z".
#pragma once

#include <chrono>
#include <ctime>
#include <string>

namespace pos::chain {

inline std::string utc_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

}  // namespace pos::chain
