// print_jobs rows to and from PrintJobs.
#include "pos/actions/printing/print_journal.hpp"

#include <iostream>

#include "pos/actions/records.hpp"

namespace pos::actions {
namespace {

const char* kind_name(PrintKind kind) {
    switch (kind) {
        case PrintKind::receipt: return "receipt";
        case PrintKind::reprint: return "reprint";
        case PrintKind::report: return "report";
        case PrintKind::drawer: return "drawer";
    }
    return "receipt";
}

}  // namespace

core::Result<std::unique_ptr<LanePrintJournal>> LanePrintJournal::open(const std::string& lane_db_path,
                                                                       std::function<std::string()> clock) {
    auto store = db::PrintJobStore::open(lane_db_path);
    if (!store) return storage_error(store.error());
    return std::unique_ptr<LanePrintJournal>(new LanePrintJournal(std::move(*store), std::move(clock)));
}

std::string LanePrintJournal::keep(const PrintJob& job) {
    db::StoredPrintJob row{static_cast<int64_t>(job.id), kind_name(job.kind), job.receipt_no, job.bytes, clock_()};
    if (auto added = store_->add(row); !added) return "print job not saved in lane.db: " + added.error().message;
    return {};
}

void LanePrintJournal::forget(uint64_t job_id) {
    // Left behind, the job prints once more at the next start: said on stderr, nothing else to do.
    if (auto removed = store_->remove(static_cast<int64_t>(job_id)); !removed) {
        std::cerr << "pos: printed job " << job_id << " still in lane.db: " << removed.error().message << "\n";
    }
}

core::Result<std::vector<PrintJob>> LanePrintJournal::waiting() {
    auto rows = store_->waiting();
    if (!rows) return storage_error(rows.error());
    std::vector<PrintJob> jobs;
    for (db::StoredPrintJob& row : *rows) {
        PrintKind kind = row.kind == "reprint"  ? PrintKind::reprint
                         : row.kind == "report" ? PrintKind::report
                                                : PrintKind::receipt;
        jobs.push_back(PrintJob{static_cast<uint64_t>(row.id), kind, row.receipt_no, std::move(row.bytes)});
    }
    return jobs;
}

}  // namespace pos::actions
