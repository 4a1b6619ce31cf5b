// The print queue's journal in lane.db (print_jobs, lane migration 0010): receipts and reports
// waiting for the printer survive pos exiting, and print once at the next start.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "db/lane/print_jobs.hpp"
#include "pos/actions/printing/print_queue.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

class LanePrintJournal final : public PrintJournal {
public:
    // Its own connection to the lane's lane.db (already opened and migrated by open_lane).
    [[nodiscard]] static core::Result<std::unique_ptr<LanePrintJournal>> open(const std::string& lane_db_path,
                                                                              std::function<std::string()> clock);

    std::string keep(const PrintJob& job) override;
    void forget(uint64_t job_id) override;
    // What was waiting when the last run ended, in queue order.
    [[nodiscard]] core::Result<std::vector<PrintJob>> waiting();

private:
    LanePrintJournal(std::unique_ptr<db::PrintJobStore> store, std::function<std::string()> clock)
        : store_(std::move(store)), clock_(std::move(clock)) {}
    std::unique_ptr<db::PrintJobStore> store_;
    std::function<std::string()> clock_;
};

}  // namespace pos::actions
