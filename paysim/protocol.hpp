// What one request to the simulator gets back: the body, and what the connection does around
// it (docs/payments.md, "The simulator"): answer at once, answer late, or drop the connection
// before or after the charge is booked.
#pragma once

#include <string>

namespace pos::paysim {

enum class Fault { none, slow, drop, drop_after };

struct Answer {
    std::string body;
    std::string content_type = "text/xml; charset=utf-8";
    Fault fault = Fault::none;
};

// "2026-12-07 10:15:00" and "20261207101500", both China time, from the system clock.
struct Clock {
    std::string now_text;                       // yyyy-MM-dd HH:mm:ss
    [[nodiscard]] std::string compact() const;  // yyyyMMddHHmmss
    [[nodiscard]] std::string day() const { return now_text.substr(0, 10); }
};

}  // namespace pos::paysim
