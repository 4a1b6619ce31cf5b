// posctl devices list shows the serial customer display and scale of pos.toml, with their line
// settings and whether their port is there (a pseudo-terminal plays the present one).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "tests/support/process.hpp"
#include "tests/support/pty_device.hpp"
#include "tests/support/temp_dir.hpp"

TEST_CASE("posctl devices: list shows the [display] and [scale] and whether their port is there") {
    pos::testing::TempDir dir;
    pos::testing::PtyDevice display(dir.file("display"));
    std::filesystem::create_directories(dir.file("lane"));
    std::ofstream(dir.file("lane") + "/pos.toml")
        << "[display]\nkind = \"led8\"\nport = \"" << display.path() << "\"\n"
        << "[scale]\nkind = \"toledo8217\"\nport = \"" << dir.file("scale") << "\"\n";
    auto result = pos::testing::run({POS_POSCTL, "--data", dir.file("lane"), "devices", "list"}, dir.path());
    CAPTURE(result.err);
    // The USB table comes first (or, on a machine without USB, a message on stderr): the serial
    // devices are listed either way, the states in one column however long the ports' paths.
    size_t width = std::max<size_t>({28, display.path().size(), dir.file("scale").size()});
    std::string expected = fmt::format(
        "\nDEVICE   KIND                     {:<{}} STATE\n"
        "display  led8 2400 8N1            {:<{}} present\n"
        "scale    toledo8217 9600 7E1      {:<{}} not found: check the cable or adapter, and the port in pos.toml "
        "(ls /dev/ttyUSB* /dev/serial/by-id)\n",
        "PORT", width, display.path(), width, dir.file("scale"), width);
    CHECK(result.out.ends_with(expected));

    std::ofstream(dir.file("lane") + "/pos.toml") << "[display]\nkind = \"led8\"\n";
    auto bad = pos::testing::run({POS_POSCTL, "--data", dir.file("lane"), "devices", "list"}, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("display.port: is required") != std::string::npos);
}
