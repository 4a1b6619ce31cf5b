// posctl receipt render end to end: a real committed sale, by receipt number and by sale id.
#include <doctest/doctest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/posctl.hpp"

using pos::testing::posctl;
using pos::testing::ProcessResult;
using pos::testing::TempDir;

TEST_CASE("posctl receipt render: text, escpos and png of a committed cash sale") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("sale.jsonl"))
        << R"({"op":"login","operator":"1001","pin":"1234"})"
           "\n"
        << R"({"op":"open_shift","float":"200.00"})"
           "\n"
        << R"({"op":"scan","code":"6921168176748"})"
           "\n"
        << R"({"op":"scan","code":"00101","qty":"0.350"})"
           "\n"
        << R"({"op":"tender","method":"cash","amount":"50.00","now":"2026-11-23T09:16:42+08:00"})"
           "\n";
    ProcessResult session = posctl(dir, {"session", "run", dir.file("sale.jsonl")});
    REQUIRE(session.exit_code == 0);
    std::string last = session.out.substr(session.out.rfind('\n', session.out.size() - 2) + 1);
    std::string sale_id = nlohmann::json::parse(last)["sale_id"];

    ProcessResult text = posctl(dir, {"receipt", "render", "--receipt", "1"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("单号：0100000001") != std::string::npos);
    CHECK(text.out.find("时间：2026-11-23 09:16:42") != std::string::npos);
    CHECK(text.out.find("0.350kg×12.80") != std::string::npos);
    CHECK(text.out.find("[drawer]") != std::string::npos);

    ProcessResult by_id = posctl(dir, {"receipt", "render", "--sale", sale_id, "--width", "80"});
    CHECK(by_id.exit_code == 0);
    CHECK(by_id.out.find(std::string(48, '-')) != std::string::npos);

    ProcessResult escpos = posctl(dir, {"receipt", "render", "--receipt", "1", "--format", "escpos"});
    CHECK(escpos.exit_code == 0);
    const std::string start("\x1b@\x1c&\x1bp\x00\x19\xfa", 9);  // init, Chinese mode, drawer kick
    CHECK(escpos.out.substr(0, 9) == start);

    ProcessResult png =
        posctl(dir, {"receipt", "render", "--receipt", "1", "--format", "png", "-o", dir.file("r.png")});
    CHECK(png.exit_code == 0);
    CHECK(pos::testing::read_whole(dir.file("r.png")).substr(1, 3) == "PNG");

    ProcessResult reprint = posctl(dir, {"receipt", "render", "--receipt", "1", "--reprint"});
    CHECK(reprint.out.find("重打小票") != std::string::npos);
    CHECK(reprint.out.find("[drawer]") == std::string::npos);

    ProcessResult missing = posctl(dir, {"receipt", "render", "--receipt", "99"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "posctl: no sale with receipt number 99 on this lane\n");
    ProcessResult neither = posctl(dir, {"receipt", "render"});
    CHECK(neither.exit_code == 2);
}

TEST_CASE("posctl receipt render: the QR code and the pos.toml logo, and a logo that cannot be read") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("sale.jsonl")) << R"({"op":"login","operator":"1001","pin":"1234"})"
                                             "\n"
                                          << R"({"op":"open_shift","float":"200.00"})"
                                             "\n"
                                          << R"({"op":"scan","code":"6921168176748"})"
                                             "\n"
                                          << R"({"op":"tender","method":"card"})"
                                             "\n";
    REQUIRE(posctl(dir, {"session", "run", dir.file("sale.jsonl")}).exit_code == 0);
    std::string config = pos::testing::read_whole(dir.file("data/pos.toml"));
    size_t receipt = config.find("[receipt]\n");
    REQUIRE(receipt != std::string::npos);  // the example's table, where the logo line goes
    auto with_logo = [&](const std::string& path) {
        std::string edited = config;
        edited.insert(receipt + 10, "logo = \"" + path + "\"\n");
        std::ofstream(dir.file("data/pos.toml")) << edited;
    };
    with_logo(POS_SOURCE_DIR "/assets/logo/store-logo.pbm");
    ProcessResult text = posctl(dir, {"receipt", "render", "--receipt", "1"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("       [image 96x80 dots]\n") != std::string::npos);
    CHECK(text.out.find("        [QR 0100000001]\n           0100000001\n") != std::string::npos);
    ProcessResult escpos = posctl(dir, {"receipt", "render", "--receipt", "1", "--format", "escpos"});
    CHECK(escpos.out.find(std::string("\x1dv0\x00\x0c\x00\x50\x00", 8)) !=
          std::string::npos);  // GS v 0, 12 bytes × 80 rows
    CHECK(escpos.out.find(std::string("\x1d(k\x0d\x00\x31\x50\x30"
                                      "0100000001",
                                      18)) != std::string::npos);

    with_logo("missing.png");
    ProcessResult missing = posctl(dir, {"receipt", "render", "--receipt", "1"});
    CHECK(missing.exit_code != 0);
    CHECK(missing.err == "posctl: receipt.logo: cannot open the logo " + dir.file("data/missing.png") +
                             ": check [receipt] logo in pos.toml\n");
}
