// ui: the real `pos` with a virtual USB scanner. This program owns a umockdev testbed with a
// Symbol DS6708 in keyboard mode (05e0:1200) and starts `pos` as its child, which sees the
// device through the umockdev preload library (LD_PRELOAD) and $UMOCKDEV_DIR, as posctl does
// in tests/drivers/usb/devices_command_test.cpp. `pos --state-file` tells what the screen
// shows, so every step waits for a state (bounded) instead of sleeping. Run inside an X
// server by scanner_test.sh; keys go to the window with xdotool, as in cash_sale_test.sh.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/drivers/usb/virtual_usb.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/hid_reports.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

// `pos` with the umockdev preload library, stdout and stderr to `log`. Only this child gets
// LD_PRELOAD: xdotool and sqlite3 have no use for the fake /sys and /dev.
pid_t spawn_pos(const std::vector<std::string>& argv, const std::string& log) {
    pid_t pid = fork();
    if (pid == 0) {
        int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(out, 2);
        setenv("LD_PRELOAD", "libumockdev-preload.so.0", 1);
        std::vector<char*> args;
        for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

// The pos child, stopped (bounded) when the test ends however it ends.
struct PosProcess {
    pid_t pid = -1;
    std::string log;

    ~PosProcess() {
        if (pid <= 0) return;
        kill(pid, SIGTERM);
        if (!pos::testing::exited_within(pid, 3s)) kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    [[nodiscard]] bool running() const { return waitpid(pid, nullptr, WNOHANG) == 0; }
};

// Polls the state file until `wanted` holds, pos exits, or `limit` passes. Returns the last
// state read (null if none) so a failed CHECK shows what the screen was.
json wait_state(const PosProcess& pos, const std::string& path, std::string_view what,
                const std::function<bool(const json&)>& wanted, std::chrono::milliseconds limit) {
    json state;
    auto shown = [&] {
        json read = json::parse(pos::testing::read_whole(path), nullptr, false);
        if (!read.is_discarded()) state = std::move(read);
        return !state.is_null() && wanted(state);
    };
    // A pos that exited shows nothing more: stop waiting at once.
    if (!pos::testing::eventually(
            what, [&] { return shown() || !pos.running(); }, limit) ||
        !shown()) {
        std::string log = pos::testing::read_whole(pos.log);
        if (log.size() > 4000) log = "...\n" + log.substr(log.size() - 4000);
        MESSAGE("pos log:\n" << log);
        MESSAGE("last state: " << state.dump());
    }
    return state;
}

// The full path of a program on $PATH (execv does not search it), or the name itself.
std::string program(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (size_t start = 0; start <= dirs.size();) {
        size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        std::string candidate = dirs.substr(start, end - start) + "/" + name;
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return name;
}

// Runs a helper (xdotool, sqlite3) and returns its stdout without the last newline.
std::string output_of(const std::vector<std::string>& argv, const std::string& scratch) {
    pos::testing::ProcessResult result = pos::testing::run(argv, scratch);
    std::string out = result.out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

bool scanner_is(const json& state, const char* value) { return state["scanner"] == value; }

}  // namespace

TEST_CASE("ui: pos adds a line for each code a USB scanner sends, shows its unplug and reads it again after replug") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY"), "run by scanner_test.sh inside xvfb-run");
    pos::testing::TempDir dir;
    std::string data = dir.file("data");
    std::string state_path = dir.file("state.json");
    REQUIRE(pos::testing::run({POS_POSCTL, "--data", data, "init", "--demo"}, dir.path()).exit_code == 0);
    std::string config = pos::testing::read_whole(data + "/pos.toml");
    size_t scanners = config.find("\nscanners = []");  // init writes the [devices] table with none listed
    REQUIRE(scanners != std::string::npos);
    config.replace(scanners, 14, "\nscanners = [\"05e0:1200\"]");
    std::ofstream(data + "/pos.toml", std::ios::trunc) << config;

    pos::test::VirtualUsb usb;  // before pos starts: libusb enumerates at start-up
    pos::test::VirtualDevice& scanner = usb.add(pos::test::symbol_ds6708_keyboard());

    PosProcess pos{-1, dir.file("pos.log")};
    // Log in as 1001 and open the shift with the default float: keys queued before the first frame.
    pos.pid = spawn_pos({POS_POS, "--data", data, "--size", "1024x768", "--lang", "en", "--state-file", state_path,
                         "--input", "1001{Enter}1234{Enter}{Enter}"},
                        pos.log);
    auto on_sale_screen = [](const json& s) { return s["screen"] == "sale" && scanner_is(s, "connected"); };
    // Start-up is slow: font atlas, llvmpipe, 2 busy cores.
    json state = wait_state(pos, state_path, "the sale screen", on_sale_screen, 30s);
    REQUIRE(on_sale_screen(state));
    CHECK(state["operator"] == "1001");
    CHECK(state["lines"].empty());

    // A scan: press and release per character, Enter at the end.
    scanner.send(pos::test::keyboard_reports("6921168176748\r"));
    CHECK(scanner.wait_sent(5000ms));
    state = wait_state(
        pos, state_path, "one line", [](const json& s) { return s["lines"].size() == 1; }, 10s);
    REQUIRE(state["lines"].size() == 1);
    CHECK(state["lines"][0]["name"] == "Nongfu Spring Natural Drinking Water");
    CHECK(state["lines"][0]["amount"] == "2.00");

    // Unplugged: the status bar says so, the ticket stays, pos keeps running.
    scanner.unplug();
    auto disconnected = [](const json& s) { return scanner_is(s, "disconnected"); };
    state = wait_state(pos, state_path, "the scanner disconnected", disconnected, 10s);
    REQUIRE(scanner_is(state, "disconnected"));
    CHECK(state["lines"].size() == 1);

    // Plugged in again: read again without a restart.
    scanner.plug();
    auto connected = [](const json& s) { return scanner_is(s, "connected"); };
    state = wait_state(pos, state_path, "the scanner connected again", connected, 10s);
    REQUIRE(scanner_is(state, "connected"));
    scanner.send(pos::test::keyboard_reports("6921168861569\r"));
    CHECK(scanner.wait_sent(5000ms));
    state = wait_state(
        pos, state_path, "two lines", [](const json& s) { return s["lines"].size() == 2; }, 10s);
    REQUIRE(state["lines"].size() == 2);
    CHECK(state["lines"][1]["amount"] == "9.00");

    // The cashier finishes the sale at the keyboard: Enter on the empty field goes to payment,
    // Enter with no amount typed takes exact cash.
    std::string window =
        output_of({program("timeout"), "10", program("xdotool"), "search", "--sync", "--name", "^pos - "}, dir.path());
    window = window.substr(0, window.find('\n'));
    REQUIRE_MESSAGE(!window.empty(), "the pos window was not found");
    CHECK(pos::testing::run({program("xdotool"), "windowfocus", "--sync", window}, dir.path()).exit_code == 0);
    CHECK(pos::testing::run({program("xdotool"), "key", "--delay", "15", "Return", "Return"}, dir.path()).exit_code ==
          0);

    std::string query =
        "select (select count(*) || '|' || total_fen from sales), "
        "(select group_concat(sku || ':' || amount_fen, ',') from (select sku, amount_fen from sale_lines "
        "where kind = 'item' order by line_no))";
    std::string sale;
    pos::testing::eventually("the sale in lane.db", [&] {
        sale = output_of({program("sqlite3"), data + "/lane.db", query}, dir.path());
        return sale.starts_with("1|");
    });
    CHECK(sale == "1|1100|101001:200,101002:900");
    CHECK(pos.running());
}
