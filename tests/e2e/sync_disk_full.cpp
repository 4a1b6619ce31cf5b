// Store disk full: store.db on a small tmpfs that fills up. Sync fails with a clear error, the
// lane loses nothing, and the queue drains once space is freed. Needs permission to mount a
// tmpfs (root in CI); without it the test prints why and exits 77, which ctest reports as skipped.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tests/support/eventually.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/posctl.hpp"

using pos::testing::posctl;
using pos::testing::ProcessResult;
using pos::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// A tmpfs mounted for the life of the object.
class SmallDisk {
public:
    SmallDisk(const std::string& path, const char* size) : path_(path) {
        fs::create_directories(path_);
        std::string options = std::string("size=") + size;
        mounted_ = mount("tmpfs", path_.c_str(), "tmpfs", 0, options.c_str()) == 0;
        if (!mounted_) error_ = std::strerror(errno);
    }
    ~SmallDisk() {
        if (mounted_) umount2(path_.c_str(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    [[nodiscard]] bool mounted() const { return mounted_; }
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    std::string path_;
    bool mounted_ = false;
    std::string error_;
};

// Writes until the file system refuses; returns the bytes written.
size_t fill(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    REQUIRE(file);
    std::string block(4096, 'x');
    size_t written = 0;
    while (std::fwrite(block.data(), 1, block.size(), file) == block.size() && std::fflush(file) == 0)
        written += block.size();
    std::fclose(file);
    return written;
}

// Whether process `pid` has `path` open: the event "the worker has opened store.db", read in /proc.
bool holds_open(pid_t pid, const std::string& path) {
    std::error_code ignored;
    fs::path wanted = fs::weakly_canonical(path, ignored);
    for (const auto& fd : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ignored)) {
        if (fs::read_symlink(fd.path(), ignored) == wanted) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("sync: store disk full gives a clear error and loses nothing and drains after space is freed") {
    TempDir dir;
    SmallDisk disk(dir.file("storefs"), "2m");
    REQUIRE(disk.mounted());
    fs::create_directories(dir.file("data"));
    std::ofstream(dir.file("data/pos.toml")) << "[store_database]\npath = \"" << dir.file("storefs/store.db") << "\"\n";
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("sell.jsonl")) << pos::testing::selling_script(20);
    REQUIRE(posctl(dir, {"session", "run", dir.file("sell.jsonl")}).exit_code == 0);

    CHECK(fill(dir.file("storefs/filler")) > 0);
    ProcessResult full = posctl(dir, {"sync", "--once"});
    CAPTURE(full.out);
    CHECK(full.exit_code == 1);
    CHECK(full.err.rfind("posctl: sync stopped, the lane keeps every unsent record: " + dir.file("storefs/store.db"),
                         0) == 0);
    // SQLite reports a full disk as "database or disk is full", or as a disk I/O error when even
    // its shared-memory file cannot grow; both messages name the disk.
    bool names_disk = full.err.find("the disk is full; free space") != std::string::npos ||
                      full.err.find("the disk reported an error") != std::string::npos;
    CHECK(names_disk);
    CHECK(full.out.find("queue: 21 waiting\n") != std::string::npos);
    CHECK(pos::testing::query_count(dir.file("data/lane.db"), "SELECT count(*) FROM outbox WHERE synced_at IS NULL") ==
          21);
    CHECK(pos::testing::query_count(dir.file("data/lane.db"), "SELECT count(*) FROM sales") == 20);

    fs::remove(dir.file("storefs/filler"));
    ProcessResult drained = posctl(dir, {"sync", "--once"});
    CAPTURE(drained.err);
    CHECK(drained.exit_code == 0);
    CHECK(drained.out.rfind("sent 21 records (21 stored, 0 already there)", 0) == 0);
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("storefs/store.db"));
    MESSAGE("disk full before start: ", full.err);

    // The running worker, with store.db already open, when the disk fills under it.
    pid_t syncing = pos::testing::spawn(
        {POS_POSCTL, "--data", dir.file("data"), "sync", "--interval-ms", "50", "--max-retry-ms", "300"},
        dir.file("sync.out"), dir.file("sync.err"));
    pos::testing::KillOnExit stop_syncing{syncing};
    auto status = [&] { return nlohmann::json::parse(posctl(dir, {"sync", "--status", "--format", "json"}).out); };
    auto wait_until = [&](std::string_view what, const std::function<bool(const nlohmann::json&)>& done) {
        nlohmann::json answer;
        pos::testing::eventually(what, [&] { return done(answer = status()); });
        return answer;
    };
    REQUIRE(pos::testing::eventually("posctl sync to open store.db",
                                     [&] { return holds_open(syncing, dir.file("storefs/store.db")); }));
    CHECK(fill(dir.file("storefs/filler")) > 0);
    std::ofstream(dir.file("more.jsonl")) << pos::testing::selling_script(5, false);
    REQUIRE(posctl(dir, {"session", "run", dir.file("more.jsonl")}).exit_code == 0);
    nlohmann::json failing =
        wait_until("sync to report an error", [](const nlohmann::json& s) { return !s["last_error"].is_null(); });
    CAPTURE(failing.dump());
    CHECK((failing["last_error_code"] == "disk_full" || failing["last_error_code"] == "io"));
    CHECK(failing["queue_depth"] == 5);
    CHECK(pos::testing::query_count(dir.file("data/lane.db"), "SELECT count(*) FROM sales") == 25);
    fs::remove(dir.file("storefs/filler"));
    nlohmann::json after = wait_until("an empty queue", [](const nlohmann::json& s) { return s["queue_depth"] == 0; });
    CHECK(after["queue_depth"] == 0);
    kill(syncing, SIGTERM);
    CHECK(pos::testing::wait_exit_code(stop_syncing.release()) == 0);
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("storefs/store.db"));
    MESSAGE("disk full while running: ", failing["last_error"].get<std::string>());
}

int main(int argc, char** argv) {
    {
        TempDir probe;
        SmallDisk disk(probe.file("mnt"), "64k");
        if (!disk.mounted()) {
            std::cout << "SKIPPED: cannot mount a tmpfs to fill up (" << disk.error()
                      << "); run as root to test sync with the store's disk full\n";
            return 77;
        }
    }
    doctest::Context context(argc, argv);
    return context.run();
}
