// print_jobs rows: see print_jobs.hpp.
#include "db/lane/print_jobs.hpp"

namespace pos::db {
namespace {

std::string to_hex(const std::vector<uint8_t>& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

int nibble(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool from_hex(const std::string& text, std::vector<uint8_t>& out) {
    if (text.size() % 2 != 0) return false;
    out.clear();
    out.reserve(text.size() / 2);
    for (size_t i = 0; i < text.size(); i += 2) {
        int high = nibble(text[i]), low = nibble(text[i + 1]);
        if (high < 0 || low < 0) return false;
        out.push_back(static_cast<uint8_t>(high << 4 | low));
    }
    return true;
}

}  // namespace

DbResult<std::unique_ptr<PrintJobStore>> PrintJobStore::open(const std::string& lane_db_path) {
    auto connection = Connection::open(lane_db_path, false);
    if (!connection) return connection.error();
    return std::unique_ptr<PrintJobStore>(new PrintJobStore(std::move(*connection)));
}

DbStatus PrintJobStore::add(const StoredPrintJob& job) {
    std::lock_guard lock(mutex_);
    auto statement = connection_->prepare(
        "INSERT INTO print_jobs (id, kind, receipt_no, escpos_hex, queued_at) VALUES (?, ?, ?, ?, ?)");
    if (!statement) return statement.error();
    (*statement)
        ->reset()
        .bind(1, job.id)
        .bind(2, job.kind)
        .bind(3, job.receipt_no)
        .bind(4, to_hex(job.bytes))
        .bind(5, job.queued_at);
    return (*statement)->run();
}

DbStatus PrintJobStore::remove(int64_t id) {
    std::lock_guard lock(mutex_);
    auto statement = connection_->prepare("DELETE FROM print_jobs WHERE id = ?");
    if (!statement) return statement.error();
    (*statement)->reset().bind(1, id);
    return (*statement)->run();
}

DbResult<std::vector<StoredPrintJob>> PrintJobStore::waiting() {
    std::lock_guard lock(mutex_);
    auto statement =
        connection_->prepare("SELECT id, kind, receipt_no, escpos_hex, queued_at FROM print_jobs ORDER BY id");
    if (!statement) return statement.error();
    (*statement)->reset();
    std::vector<StoredPrintJob> jobs;
    for (;;) {
        auto row = (*statement)->step();
        if (!row) return row.error();
        if (!*row) break;
        StoredPrintJob job;
        job.id = (*statement)->column_int(0);
        job.kind = (*statement)->column_text(1);
        job.receipt_no = (*statement)->column_int(2);
        job.queued_at = (*statement)->column_text(4);
        // A damaged row cannot print sensibly: skipped rather than sent as garbage.
        if (from_hex((*statement)->column_text(3), job.bytes)) jobs.push_back(std::move(job));
    }
    (*statement)->reset();
    return jobs;
}

}  // namespace pos::db
