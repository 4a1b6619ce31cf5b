// lane.db's print_jobs: the print queue's waiting jobs on disk, so a receipt waiting for paper
// is not lost when pos exits. Its own connection, used from the UI thread (add) and the
// printer worker (remove): every call is serialised by a mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/shared/sqlite.hpp"

namespace pos::db {

struct StoredPrintJob {
    int64_t id = 0;
    std::string kind;  // receipt, reprint, report
    int64_t receipt_no = 0;
    std::vector<uint8_t> bytes;
    std::string queued_at;
};

class PrintJobStore {
public:
    // Opens an existing, migrated lane.db (LaneDb::open ran the migrations).
    [[nodiscard]] static DbResult<std::unique_ptr<PrintJobStore>> open(const std::string& lane_db_path);

    [[nodiscard]] DbStatus add(const StoredPrintJob& job);
    [[nodiscard]] DbStatus remove(int64_t id);
    // In queue order.
    [[nodiscard]] DbResult<std::vector<StoredPrintJob>> waiting();

private:
    explicit PrintJobStore(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
    std::mutex mutex_;
    std::unique_ptr<Connection> connection_;
};

}  // namespace pos::db
