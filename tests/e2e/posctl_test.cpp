// posctl end to end, as a store technician or a script would use it: exit codes, stdout, stderr.
#include <doctest/doctest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/posctl.hpp"

using nlohmann::json;
using pos::testing::posctl;
using pos::testing::ProcessResult;
using pos::testing::TempDir;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::vector<json> result_lines(const std::string& out) {
    std::vector<json> lines;
    std::istringstream stream(out);
    std::string line;
    while (std::getline(stream, line)) lines.push_back(json::parse(line));
    return lines;
}

}  // namespace

TEST_CASE("posctl: init --demo, then three scans and a cash tender print a sale_id and the change") {
    TempDir dir;
    ProcessResult init = posctl(dir, {"init", "--demo"});
    CHECK(init.exit_code == 0);
    CHECK(init.out.find("items, 4 users") != std::string::npos);

    write(dir.file("sale.jsonl"), R"({"op":"login","operator":"1001","pin":"1234"})"
                                  "\n"
                                  R"({"op":"open_shift","float":"200.00"})"
                                  "\n"
                                  R"({"op":"scan","code":"6921168176748"})"
                                  "\n"
                                  R"({"op":"scan","code":"6921168861569"})"
                                  "\n"
                                  R"({"op":"scan","code":"6921168176748"})"
                                  "\n"
                                  R"({"op":"tender","method":"cash","amount":"50.00"})"
                                  "\n");
    ProcessResult run = posctl(dir, {"session", "run", dir.file("sale.jsonl")});
    CAPTURE(run.out);
    CAPTURE(run.err);
    CHECK(run.exit_code == 0);
    auto results = result_lines(run.out);
    REQUIRE(results.size() == 6);
    CHECK(results[4]["qty"] == "2");
    CHECK(results[5]["sale_id"].is_string());
    CHECK(results[5]["total"] == "13.00");
    CHECK(results[5]["change"] == "37.00");
}

TEST_CASE("posctl: init refuses a data directory that already has a lane") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init"}).exit_code == 0);
    ProcessResult again = posctl(dir, {"init", "--demo"});
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("already has a lane database: nothing was changed") != std::string::npos);
}

TEST_CASE("posctl: barcode parse names a bad check digit and exits 2") {
    TempDir dir;
    ProcessResult bad = posctl(dir, {"barcode", "parse", "4006381333932"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "posctl: check digit is 2, expected 1: rescan or type the code again\n");
    json parsed = json::parse(bad.out);
    CHECK(parsed["valid"] == false);
    CHECK(parsed["error"]["code"] == "bad_check_digit");

    ProcessResult good = posctl(dir, {"barcode", "parse", "2200101005005"});
    CHECK(good.exit_code == 0);
    json label = json::parse(good.out);
    CHECK(label["kind"] == "weighed");
    CHECK(label["plu"] == "00101");
    CHECK(label["weight_g"] == 500);
    CHECK(label["price"].is_null());
}

TEST_CASE("posctl: session run without a lane says to run init") {
    TempDir dir;
    write(dir.file("s.jsonl"), "{\"op\":\"logout\"}\n");
    ProcessResult run = posctl(dir, {"session", "run", dir.file("s.jsonl")});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("init --demo") != std::string::npos);
}

TEST_CASE("posctl: catalog import with a bad row changes nothing, and export then import round-trips") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    REQUIRE(posctl(dir, {"catalog", "export", dir.file("before.csv")}).exit_code == 0);
    std::string before = pos::testing::read_whole(dir.file("before.csv"));
    CHECK(before.rfind("sku,barcodes,plu,name_zh", 0) == 0);

    write(dir.file("bad.csv"),
          "sku,barcodes,plu,name_zh,name_en,spec,unit,department,cost,price,price_per_kg,sale_unit,low_stock,pinyin\n"
          "900001,6921168176748,,好水,Good water,500ml,瓶,饮料,1.00,2.00,0.00,piece,5,hs\n"
          "900002,4006381333932,,坏码,Bad code,500ml,瓶,饮料,1.00,2.00,0.00,piece,5,hm\n"
          "900003,6921168861569,,贵价,Too precise,500ml,瓶,饮料,1.00,2.005,0.00,piece,5,gj\n");
    ProcessResult bad = posctl(dir, {"catalog", "import", dir.file("bad.csv")});
    CAPTURE(bad.err);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("row 3, column barcodes") != std::string::npos);
    CHECK(bad.err.find("row 4, column price") != std::string::npos);
    CHECK(bad.err.find("the catalog was not changed") != std::string::npos);
    REQUIRE(posctl(dir, {"catalog", "export", dir.file("after.csv")}).exit_code == 0);
    CHECK(pos::testing::read_whole(dir.file("after.csv")) == before);

    ProcessResult reimport = pos::testing::posctl_input(dir, {"catalog", "import", dir.file("before.csv")},
                                                        "8801\n888888\n");  // the demo manager
    CHECK(reimport.exit_code == 0);
    REQUIRE(posctl(dir, {"catalog", "export", dir.file("again.csv")}).exit_code == 0);
    CHECK(pos::testing::read_whole(dir.file("again.csv")) == before);
}

TEST_CASE("posctl: a header-only catalog file is refused, not a wipe") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    write(dir.file("empty.csv"),
          "sku,barcodes,plu,name_zh,name_en,spec,unit,department,cost,price,price_per_kg,sale_unit,low_stock,pinyin\n");
    ProcessResult empty = posctl(dir, {"catalog", "import", dir.file("empty.csv")});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err == "posctl: the file has no items: the catalog was not changed\n");
    REQUIRE(posctl(dir, {"catalog", "export", dir.file("after.csv")}).exit_code == 0);
    CHECK(pos::testing::read_whole(dir.file("after.csv")).size() > 10000);
}

TEST_CASE("posctl: user add creates an operator who can log in, the PIN comes from stdin") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init"}).exit_code == 0);
    // The lane's first operator needs no approver (there is nobody yet); an approver's PIN has 6 digits.
    write(dir.file("pin.txt"), "432100\n");
    std::string data = dir.file("data");
    std::string add = std::string(POS_POSCTL) + " --data " + data + " user add 2001 --name 赵敏 --role supervisor < " +
                      dir.file("pin.txt") + " > /dev/null";
    CHECK(std::system(add.c_str()) == 0);
    std::string again = std::string(POS_POSCTL) + " --data " + data + " user add 2001 --name Dup --role cashier < " +
                        dir.file("pin.txt") + " 2> /dev/null";
    CHECK(WEXITSTATUS(std::system(again.c_str())) == 2);
    write(dir.file("login.jsonl"), R"({"op":"login","operator":"2001","pin":"432100"})"
                                   "\n");
    ProcessResult login = posctl(dir, {"session", "run", dir.file("login.jsonl")});
    CHECK(login.exit_code == 0);
    CHECK(login.out.find("\"role\":\"supervisor\"") != std::string::npos);
}

TEST_CASE("posctl: unknown subcommands and missing arguments exit 2") {
    TempDir dir;
    CHECK(posctl(dir, {"fly"}).exit_code == 2);
    CHECK(posctl(dir, {"barcode", "parse"}).exit_code == 2);
}
