// Benchmark of the head office on a throwaway PostgreSQL 15 (tests/support/pg_cluster.hpp), every
// figure against a baseline measured in the same run:
//   ingest: records a store's role takes through hq::ingest (COPY into a temporary table, keys
//     checked, conflicts compared) per second, against a bare COPY of the same rows in the same
//     batches into a table with no key (target ≥ 0.5×);
//   report: pos-hq's month-by-store report over a demo chain with 30, 61 and 365 days of history
//     (targets: < 1 s, and 365 days ≤ 1.5× 61 days, the smallest history holding every month the
//     report reads: the month, the one before, and last year's, which neither has).
// Sizes from the environment, small by default (the machine is shared): HQ_BENCH_RECORDS (20000),
// HQ_BENCH_BATCH (500), HQ_BENCH_STORES (10), HQ_BENCH_SALES (50 per store and day), HQ_BENCH_RUNS (5).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include "hq/demo.hpp"
#include "hq/head_office.hpp"
#include "hq/migrations.hpp"
#include "hq/reports.hpp"
#include "tests/support/pg_cluster.hpp"

using namespace pos::hq;
using pos::testing::PgCluster;
using Clock = std::chrono::steady_clock;

namespace {

int setting(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value ? std::max(1, std::atoi(value)) : fallback;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

PgConnection connect(const std::string& conninfo) {
    auto connection = PgConnection::open(conninfo);
    REQUIRE_MESSAGE(connection, (connection ? "" : connection.error().message));
    return std::move(*connection);
}

PgConnection database(PgCluster& cluster, const std::string& name) {
    PgConnection server = connect(cluster.admin());
    REQUIRE(server.script("CREATE DATABASE " + name));
    PgConnection admin = connect(cluster.admin(name));
    REQUIRE(migrate(admin));
    return admin;
}

// A sale as a store pushes it: a few lines and a tender, ~700 bytes of JSON.
IncomingRecord sale(int n) {
    std::string id = fmt::format("L1-20261130-{:07}", n);
    std::string lines;
    for (int line = 1; line <= 3; ++line) {
        lines += fmt::format(
            R"({}{{"line":{},"sku":"1010{:02}","gtin":"06921168509256","name_zh":"农夫山泉 550ml","department":"饮料","qty_milli":1000,"unit_price_fen":200,"amount_fen":200,"discount_fen":0,"voided":0}})",
            line > 1 ? "," : "", line, (n + line) % 97);
    }
    std::string payload = fmt::format(
        R"({{"id":"{}","kind":"sale","lane":1,"shift_id":"shift-1","operator":"1001","completed_at":"2026-11-30T10:00:00+08:00","total_fen":600,"rounding_fen":0,"paid_fen":600,"change_fen":0,"lines":[{}],"tenders":[{{"seq":1,"method":"cash","amount_fen":600,"reference":""}}]}})",
        id, lines);
    return {"sale", id, "2026-11-30", 1, payload};
}

std::string copy_text(const std::vector<IncomingRecord>& batch) {
    std::string data;
    for (const IncomingRecord& record : batch) {
        data += copy_field(record.kind) + '\t' + copy_field(record.ref) + '\t' + record.business_day + "\t1\t" +
                copy_field(record.payload) + '\n';
    }
    return data;
}

double median_report_seconds(PgConnection& admin, int runs) {
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        auto start = Clock::now();
        auto report = period_report(admin, "month", "2026-11-15", "store");
        times.push_back(seconds_since(start));
        REQUIRE_MESSAGE(report, (report ? "" : report.error().message));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

TEST_CASE("hq bench: ingest against a bare COPY, and the month-by-store report at 30, 61 and 365 days") {
    int records = setting("HQ_BENCH_RECORDS", 20000), batch = setting("HQ_BENCH_BATCH", 500);
    int stores = setting("HQ_BENCH_STORES", 10), sales = setting("HQ_BENCH_SALES", 50);
    int runs = setting("HQ_BENCH_RUNS", 5);
    PgCluster cluster;

    PgConnection admin = database(cluster, "hq");
    StoreCredentials store = *add_store(admin, "sh_001", "上海人民广场店", "华东");
    PgConnection as_store = connect(cluster.conninfo(store.role, store.password, "hq"));
    REQUIRE(admin.script("SELECT hq_ensure_month('2026-11-30')"));
    REQUIRE(
        admin.script("CREATE TABLE bare_copy (kind text, ref text, business_day date, lane integer, payload jsonb)"));
    std::vector<std::vector<IncomingRecord>> batches;
    for (int n = 0; n < records; n += batch) {
        batches.emplace_back();
        for (int k = n; k < std::min(records, n + batch); ++k) batches.back().push_back(sale(k));
    }

    auto copy_start = Clock::now();
    for (const auto& each : batches) {
        REQUIRE(in_transaction(admin, [&] {
            return admin.copy_in("COPY bare_copy (kind, ref, business_day, lane, payload) FROM STDIN", copy_text(each));
        }));
    }
    double copy_rate = records / seconds_since(copy_start);
    auto ingest_start = Clock::now();
    for (const auto& each : batches) {
        auto taken = ingest(as_store, each);
        REQUIRE_MESSAGE(taken, (taken ? "" : taken.error().message));
        REQUIRE(taken->stored == static_cast<int64_t>(each.size()));
    }
    double ingest_rate = records / seconds_since(ingest_start);

    PgConnection month = database(cluster, "hq30");
    PgConnection year = database(cluster, "hq365");
    // November's report also reads October (the previous period) and November 2025 (last year):
    // 61 days of history hold October too, so against it a year adds history but no rows read.
    PgConnection two_months = database(cluster, "hq61");
    auto small = generate_demo_chain(month, {stores, 30, sales, "2026-11-30"});
    REQUIRE_MESSAGE(small, (small ? "" : small.error().message));
    auto middle = generate_demo_chain(two_months, {stores, 61, sales, "2026-11-30"});
    REQUIRE_MESSAGE(middle, (middle ? "" : middle.error().message));
    auto large = generate_demo_chain(year, {stores, 365, sales, "2026-11-30"});
    REQUIRE_MESSAGE(large, (large ? "" : large.error().message));
    double at_30 = median_report_seconds(month, runs);
    double at_61 = median_report_seconds(two_months, runs);
    double at_365 = median_report_seconds(year, runs);

    fmt::print("\nhead office bench ({} records in batches of {}; {} stores × {} sales a day)\n", records, batch,
               stores, sales);
    fmt::print("{:<52} {:>14}\n", "measure", "value");
    fmt::print("{:<52} {:>14.0f}\n", "bare COPY, records/s (baseline)", copy_rate);
    fmt::print("{:<52} {:>14.0f}\n", "hq::ingest as the store's role, records/s", ingest_rate);
    fmt::print("{:<52} {:>13.2f}×   (target ≥ 0.5×)\n", "ingest ÷ bare COPY", ingest_rate / copy_rate);
    fmt::print("{:<52} {:>12.1f} ms\n", fmt::format("month by store, 30 days ({} records)", small->records),
               at_30 * 1000);
    fmt::print("{:<52} {:>12.1f} ms   (target < 1000 ms)\n",
               fmt::format("month by store, 365 days ({} records)", large->records), at_365 * 1000);
    fmt::print("{:<52} {:>12.1f} ms\n", fmt::format("month by store, 61 days ({} records)", middle->records),
               at_61 * 1000);
    fmt::print("{:<52} {:>13.2f}×   (reads twice the rows: October)\n", "365 days ÷ 30 days", at_365 / at_30);
    fmt::print("{:<52} {:>13.2f}×   (target ≤ 1.5×; same rows read)\n", "365 days ÷ 61 days", at_365 / at_61);
}
