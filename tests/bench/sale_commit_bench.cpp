// Benchmark: committing a complete sale vs a bare one-row INSERT+COMMIT on the same disk,
// both WAL + synchronous=FULL, measured in the same run and reported as a ratio.
// Usage: sale_commit_bench [iterations] [directory]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "db/lane/lane_db.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using pos::db::Connection;
using pos::db::LaneDb;

struct Percentiles {
    double p50_us = 0;
    double p99_us = 0;
};

Percentiles percentiles(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    return {at(0.50), at(0.99)};
}

template <typename F>
Percentiles measure(int iterations, F&& step) {
    std::vector<double> samples;
    samples.reserve(size_t(iterations));
    for (int i = 0; i < iterations; ++i) {
        auto start = Clock::now();
        step(i);
        samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    return percentiles(std::move(samples));
}

pos::db::SaleRecord typical_sale(int i) {
    pos::db::SaleRecord sale;
    sale.id = fmt::format("bench-sale-{:08}", i);
    sale.lane = 1;
    sale.shift_id = "bench-shift";
    sale.operator_id = "1001";
    sale.completed_at = "2026-11-23T10:00:00+08:00";
    for (int line = 1; line <= 8; ++line) {
        pos::db::SaleLineRecord record;
        record.line_no = line;
        record.sku = fmt::format("{}", 101000 + line);
        record.gtin = "06921168176748";
        record.name_zh = "农夫山泉饮用天然水";
        record.quantity_milli = 1000;
        record.unit_price_fen = 200;
        record.amount_fen = 200;
        sale.lines.push_back(record);
    }
    sale.total_fen = 1600;
    sale.paid_fen = 2000;
    sale.change_fen = 400;
    sale.item_count_milli = 8000;
    sale.tenders.push_back({1, "cash", 2000, ""});
    return sale;
}

void fail(const std::string& message) {
    std::fprintf(stderr, "sale_commit_bench: %s\n", message.c_str());
    std::exit(1);
}

Percentiles bare_insert(const std::string& path, int iterations, const char* synchronous) {
    auto connection = Connection::open(path, true);
    if (!connection) fail(connection.error().message);
    Connection& db = **connection;
    if (!db.use_wal().ok()) fail("cannot switch to WAL");
    if (!db.exec(fmt::format("PRAGMA synchronous={}; CREATE TABLE t (id TEXT PRIMARY KEY, v INTEGER)", synchronous))
             .ok()) {
        fail("cannot create the baseline table");
    }
    return measure(iterations, [&](int i) {
        if (!db.exec("BEGIN IMMEDIATE").ok()) fail("begin");
        auto insert = db.prepare("INSERT INTO t (id, v) VALUES (?, ?)");
        if (!insert || !(*insert)->bind(1, fmt::format("row-{}", i)).bind(2, int64_t(i)).run().ok()) fail("insert");
        if (!db.exec("COMMIT").ok()) fail("commit");
    });
}

// checkpoint_elsewhere: as `pos` runs, the selling connection never checkpoints
// (wal_autocheckpoint=0) and another thread, the sync worker's, checkpoints between passes.
Percentiles sale_commit(const std::string& path, int iterations, const char* synchronous, bool checkpoint_elsewhere) {
    auto lane = LaneDb::open(path, true);
    if (!lane) fail(lane.error().message);
    if (!(*lane)->connection().exec(fmt::format("PRAGMA synchronous={}", synchronous)).ok()) fail("pragma");
    std::jthread checkpointer;
    if (checkpoint_elsewhere) {
        if (!(*lane)->connection().exec("PRAGMA wal_autocheckpoint=0").ok()) fail("autocheckpoint");
        checkpointer = std::jthread([path](std::stop_token stop) {
            auto worker = Connection::open(path, false);
            if (!worker) fail(worker.error().message);
            while (!stop.stop_requested()) {
                (void)(*worker)->exec("PRAGMA wal_checkpoint(PASSIVE)");
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
    }
    if (!(*lane)->open_shift({"bench-shift", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}}, "{}").ok())
        fail("shift");
    auto payload = [](const pos::db::SaleRecord& sale) { return fmt::format("{{\"sale_id\":\"{}\"}}", sale.id); };
    return measure(iterations, [&](int i) {
        if (!(*lane)->commit_sale(typical_sale(i), payload).ok()) fail("commit_sale");
    });
}

}  // namespace

int main(int argc, char** argv) {
    int iterations = argc > 1 ? std::atoi(argv[1]) : 500;
    std::filesystem::path dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path() / "pos-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    std::printf("sale commit, %d iterations, in %s\n", iterations, dir.c_str());
    std::printf("%-34s %10s %10s %12s\n", "case", "p50 us", "p99 us", "p99 ratio");
    for (const char* synchronous : {"FULL", "NORMAL"}) {
        Percentiles bare =
            bare_insert((dir / fmt::format("bare-{}.db", synchronous)).string(), iterations, synchronous);
        Percentiles sale =
            sale_commit((dir / fmt::format("lane-{}.db", synchronous)).string(), iterations, synchronous, false);
        Percentiles as_pos =
            sale_commit((dir / fmt::format("lane-pos-{}.db", synchronous)).string(), iterations, synchronous, true);
        std::printf("%-34s %10.0f %10.0f %12s\n", fmt::format("bare INSERT+COMMIT ({})", synchronous).c_str(),
                    bare.p50_us, bare.p99_us, "1.00");
        std::printf("%-34s %10.0f %10.0f %12.2f\n", fmt::format("sale, 8 lines + outbox ({})", synchronous).c_str(),
                    sale.p50_us, sale.p99_us, sale.p99_us / bare.p99_us);
        std::printf("%-34s %10.0f %10.0f %12.2f\n", fmt::format("sale, checkpoint elsewhere ({})", synchronous).c_str(),
                    as_pos.p50_us, as_pos.p99_us, as_pos.p99_us / bare.p99_us);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
