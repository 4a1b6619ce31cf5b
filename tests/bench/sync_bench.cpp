// Benchmark: how fast a lane's outbox drains after hours offline, as a ratio to how fast the
// lane can sell. A lane commits N sales (each with lines, tender and outbox row, synchronous=
// FULL, back to back: the most a lane can sell), then one sync pass (batches of 50, as the
// worker) drains them into a store.db file (direct mode) and into pos-store over HTTP on
// 127.0.0.1 (service mode). Drain rate ÷ sell rate says how many lanes' worth of backlog the
// store catches up per second of selling. And the lane's sell rate while its sync worker keeps
// trying a store.db locked by another writer, against the same rate with no worker: near 1.
// Usage: sync_bench [sales] [directory] [pos-store]   (default 5000)
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "sync/http_store_sink.hpp"
#include "sync/lane_tokens.hpp"
#include "sync/sync_worker.hpp"
#include "tests/support/sync_records.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

void fail(const std::string& message) {
    std::fprintf(stderr, "sync_bench: %s\n", message.c_str());
    std::exit(1);
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

const pos::sync::SyncClock now = [] { return std::string("2026-11-23T18:00:00+08:00"); };

// A lane that sold `sales` sales while the store was away; returns sales committed per second.
double sell_offline(const std::string& path, int sales) {
    auto lane = pos::db::LaneDb::open(path, true);
    if (!lane) fail(lane.error().message);
    pos::db::ShiftRecord shift{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}};
    if (!(*lane)->open_shift(shift, pos::testing::sync_shift_json(shift)).ok()) fail("shift");
    auto start = Clock::now();
    for (int n = 0; n < sales; ++n) {
        auto sale = pos::testing::sync_sale(fmt::format("{}-sale-{}", path, n), 1, "shift-1");
        auto committed =
            (*lane)->commit_sale(sale, [](const pos::db::SaleRecord& s) { return pos::testing::sync_sale_json(s); });
        if (!committed) fail(committed.error().message);
    }
    return double(sales) / seconds_since(start);
}

// A lane that sells `sales` sales while its sync worker keeps trying a store.db that another
// program holds locked (BEGIN IMMEDIATE, for longer than the 5 s busy timeout), waking the worker
// after each sale as `pos` does; returns sales committed per second. The cashier must not wait
// on the store: this is to be close to sell_offline's rate (tests/sync and tests/e2e check that
// the sales commit while the store is stuck; how fast belongs here).
double sell_while_store_locked(const std::filesystem::path& dir, int sales) {
    std::string lane_path = (dir / "lane-locked.db").string();
    std::string store_path = (dir / "locked-store.db").string();
    if (auto created = pos::db::StoreDb::open(store_path, true); !created) fail(created.error().message);
    auto holder = pos::db::Connection::open(store_path, false);
    if (!holder) fail(holder.error().message);
    if (!(*holder)->exec("BEGIN IMMEDIATE").ok()) fail("cannot lock the store");
    auto lane = pos::db::LaneDb::open(lane_path, true);
    if (!lane) fail(lane.error().message);
    pos::db::ShiftRecord shift{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}};
    if (!(*lane)->open_shift(shift, pos::testing::sync_shift_json(shift)).ok()) fail("shift");
    pos::sync::SyncWorker worker(
        lane_path,
        [&store_path]() -> pos::db::DbResult<std::unique_ptr<pos::sync::StoreSink>> {
            auto store = pos::db::StoreDb::open(store_path, false);
            if (!store) return store.error();
            return std::unique_ptr<pos::sync::StoreSink>(new pos::sync::DirectStoreSink(std::move(*store)));
        },
        now,
        pos::sync::SyncWorkerOptions{50, std::chrono::milliseconds(100), std::chrono::milliseconds(10),
                                     std::chrono::milliseconds(100)});
    worker.start();
    auto start = Clock::now();
    for (int n = 0; n < sales; ++n) {
        auto sale = pos::testing::sync_sale(fmt::format("{}-sale-{}", lane_path, n), 1, "shift-1");
        auto committed =
            (*lane)->commit_sale(sale, [](const pos::db::SaleRecord& s) { return pos::testing::sync_sale_json(s); });
        if (!committed) fail(committed.error().message);
        worker.wake();
    }
    double rate = double(sales) / seconds_since(start);
    worker.stop();
    if (worker.snapshot().totals.stored != 0) fail("the locked store took records");
    return rate;
}

// One sync pass from the lane to `sink`: sales drained per second.
double drain(const std::string& lane_path, pos::sync::StoreSink& sink, int sales) {
    auto lane = pos::db::LaneDb::open(lane_path, false);
    if (!lane) fail(lane.error().message);
    auto start = Clock::now();
    pos::sync::SyncOutcome outcome = pos::sync::sync_pass(**lane, sink, 50, now);
    double seconds = seconds_since(start);
    if (outcome.error) fail(outcome.error->message);
    if (outcome.counts.stored != sales + 1)
        fail(fmt::format("stored {} of {} records", outcome.counts.stored, sales + 1));
    return double(sales) / seconds;
}

// pos-store serving DIR/store.db on a free port of 127.0.0.1, stopped by the destructor.
class PosStore {
public:
    PosStore(const std::string& binary, const std::string& dir) {
        std::string out = dir + "/pos-store.out";
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&files, 2, (dir + "/pos-store.err").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        std::vector<std::string> args = {binary, "--data", dir, "serve", "--listen", "127.0.0.1:0"};
        std::vector<char*> argv;
        for (std::string& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, binary.c_str(), &files, nullptr, argv.data(), environ) != 0)
            fail("cannot start " + binary);
        posix_spawn_file_actions_destroy(&files);
        std::regex serving(R"(on https://127\.0\.0\.1:(\d+) \(certificate pin ([0-9a-f]{64}))");
        auto deadline = Clock::now() + std::chrono::seconds(30);
        while (Clock::now() < deadline) {
            std::stringstream printed;
            printed << std::ifstream(out).rdbuf();
            std::string text = printed.str();
            std::smatch found;
            if (std::regex_search(text, found, serving)) {
                url_ = "https://127.0.0.1:" + found[1].str();
                pin_ = found[2].str();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        fail("pos-store did not start; see " + dir + "/pos-store.err");
    }
    ~PosStore() {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    PosStore(const PosStore&) = delete;
    PosStore& operator=(const PosStore&) = delete;
    [[nodiscard]] const std::string& url() const { return url_; }
    [[nodiscard]] const std::string& pin() const { return pin_; }

private:
    pid_t pid_ = -1;
    std::string url_;
    std::string pin_;
};

}  // namespace

int main(int argc, char** argv) {
    int sales = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5000;
    std::filesystem::path dir =
        argc > 2 ? argv[2] : std::filesystem::temp_directory_path() / fmt::format("pos-sync-bench-{}", getpid());
    std::string pos_store = argc > 3 ? argv[3] : POS_STORE;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "direct");
    std::filesystem::create_directories(dir / "service");

    // Two lanes with the same backlog, one per way of reaching the store.
    double sell_direct = sell_offline((dir / "lane-direct.db").string(), sales);
    double sell_service = sell_offline((dir / "lane-service.db").string(), sales);
    double sell = (sell_direct + sell_service) / 2;
    double sell_locked = sell_while_store_locked(dir, sales);

    auto store = pos::db::StoreDb::open((dir / "direct" / "store.db").string(), true);
    if (!store) fail(store.error().message);
    pos::sync::DirectStoreSink direct_sink(std::move(*store));
    double direct = drain((dir / "lane-direct.db").string(), direct_sink, sales);

    std::string token;
    {
        auto service_store = pos::db::StoreDb::open((dir / "service" / "store.db").string(), true);
        if (!service_store) fail(service_store.error().message);
        auto issued = pos::sync::issue_lane_token(**service_store, 1, now());
        if (!issued) fail(issued.error().message);
        token = *issued;
    }
    double service = 0;
    {
        PosStore server(pos_store, (dir / "service").string());
        pos::sync::HttpStoreOptions options;
        options.url = server.url();
        options.token = token;
        options.lane = 1;
        options.pin = server.pin();
        pos::sync::HttpStoreSink http_sink(options);
        service = drain((dir / "lane-service.db").string(), http_sink, sales);
    }
    std::filesystem::remove_all(dir);

    std::printf("sync drain after %d sales offline (batches of 50), vs the lane's sale commits/s\n", sales);
    std::printf("%-44s %12s %8s\n", "case", "sales/s", "ratio");
    std::printf("%-44s %12.0f %8.2f\n", "lane sells (commit_sale, FULL, back to back)", sell, 1.0);
    std::printf("%-44s %12.0f %8.2f\n", "lane sells, sync retrying a locked store.db", sell_locked, sell_locked / sell);
    std::printf("%-44s %12.0f %8.2f\n", "drain to store.db (direct)", direct, direct / sell);
    std::printf("%-44s %12.0f %8.2f\n", "drain to pos-store over HTTPS", service, service / sell);
    return 0;
}
