// End of day (日结) for the store: what the Lane's day_status and end_of_day take and answer,
// and their JSON and text forms for action scripts and `posctl day`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/store/store_records.hpp"
#include "pos/core/business_day.hpp"

namespace pos::actions {

struct EndOfDayRequest {
    bool force = false;  // close past the blockers: needs a supervisor and a reason
    std::string reason;
    std::string approver;  // supervisor number; required when forcing
    std::string pin;
};

// The open business day as the store sees it, and what stops it from closing.
struct DayStatus {
    core::OpenDay day;
    std::vector<core::DayBlocker> blockers;
    std::optional<db::BusinessDayRecord> last_closed;
};

struct EndOfDayOutcome {
    db::BusinessDayRecord day;  // as locked
    core::DayTotals totals;
    std::vector<core::DayBlocker> forced_over;  // what still blocked when a supervisor forced it
};

[[nodiscard]] nlohmann::json blockers_json(const std::vector<core::DayBlocker>& blockers);
[[nodiscard]] nlohmann::json day_totals_json(const core::DayTotals& totals);
[[nodiscard]] nlohmann::json day_status_json(const DayStatus& status);
// A closed day: its locked totals and its late sales.
[[nodiscard]] nlohmann::json closed_day_json(const db::BusinessDayRecord& day,
                                             const std::vector<db::LateSaleRecord>& late);

class Lane;

// The action-script op {"op":"end_of_day","approver":"9001","pin":"999999","force":true,"reason":"..."}
// against the lane's store.db: the locked day, or {"ok":false,...,"blockers":[...]}.
[[nodiscard]] nlohmann::json apply_end_of_day(Lane& lane, const nlohmann::json& action, const std::string& now);

// Readable forms for `posctl day`.
[[nodiscard]] std::vector<std::string> day_status_lines(const DayStatus& status);
[[nodiscard]] std::vector<std::string> closed_day_lines(const db::BusinessDayRecord& day,
                                                        const std::vector<db::LateSaleRecord>& late);

}  // namespace pos::actions
