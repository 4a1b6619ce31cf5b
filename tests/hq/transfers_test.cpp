// Transfers between stores at head office (issue 20 point 4): the sending store's booked transfer
// out reaches the head office with its push and shows in transit until the receiving store has
// checked and booked it and pushed too; then both sides are there, matched.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "hq/transfers.hpp"
#include "tests/support/head_office.hpp"

using namespace pos::testing;

namespace {

std::string first_word(const std::string& text) { return text.substr(0, text.find(' ')); }

ProcessResult ok(const TestStore& store, const std::vector<std::string>& args, const std::string& pin = "") {
    ProcessResult result = store.posctl_input(args, pin + "\n");
    REQUIRE_MESSAGE(result.exit_code == 0, result.out << result.err);
    return result;
}

// The store's name in pos.toml is what its transfer files say it is: the head office's name for it.
void name_store(const TestStore& store, const std::string& name) {
    std::ifstream in(store.data + "/pos.toml");
    std::stringstream text;
    text << in.rdbuf();
    std::string toml = text.str();
    size_t at = toml.find("\nname = ");
    REQUIRE(at != std::string::npos);
    toml.replace(at + 1, toml.find('\n', at + 1) - at - 1, "name = \"" + name + "\"");
    std::ofstream(store.data + "/pos.toml", std::ios::trunc) << toml;
}

}  // namespace

TEST_CASE("pos-hq transfers: in transit at head office until the receiving store books it, then both sides") {
    TestHeadOffice office;
    auto first = office.join("sh_001", "华东");
    auto second = office.join("sh_002", "华东");
    TestStore sender(office, first, 1, "2026-11-30");
    TestStore receiver(office, second, 1, "2026-11-30");
    name_store(sender, "sh_001 店");

    std::ofstream(sender.dir.file("transfer.csv")) << "sku,quantity\n101001,5\n";
    std::string out = first_word(
        ok(sender, {"stock", "transfer", "out", sender.dir.file("transfer.csv"), "--to", "sh_002 店", "--by", "1001"},
           "1234")
            .out);
    ok(sender, {"stock", "approve", out, "--by", "8801"}, "888888");
    ok(sender, {"stock", "transfer", "export", out, "-o", sender.dir.file("T.csv")});
    std::string in =
        first_word(ok(receiver, {"stock", "transfer", "import", sender.dir.file("T.csv"), "--by", "1001"}, "1234").out);
    ok(sender, {"hq", "push"});
    ok(receiver, {"hq", "push"});

    auto transfers = pos::hq::chain_transfers(*office.admin, false);
    REQUIRE_MESSAGE(transfers, (transfers ? "" : transfers.error().message));
    REQUIRE(transfers->size() == 1);
    CHECK((*transfers)[0].number == "T" + out);
    CHECK((*transfers)[0].from_store_id == "sh_001");
    CHECK((*transfers)[0].to_store == "sh_002 店");
    CHECK((*transfers)[0].state == "in transit");  // imported at the receiver, not booked yet
    CHECK((*transfers)[0].sent_milli == 5000);
    CHECK(pos::hq::chain_transfers(*office.admin, true)->size() == 1);

    ok(receiver, {"stock", "receive", "check", in, "--as-noted", "--by", "1001"}, "1234");
    ok(receiver, {"stock", "approve", in, "--by", "8801"}, "888888");
    ok(receiver, {"hq", "push"});
    ok(sender, {"hq", "push"});  // nothing new: the out side is there once
    transfers = pos::hq::chain_transfers(*office.admin, false);
    REQUIRE(transfers);
    REQUIRE(transfers->size() == 1);
    CHECK((*transfers)[0].state == "received");
    CHECK((*transfers)[0].to_store_id == "sh_002");
    CHECK((*transfers)[0].received_milli == 5000);
    CHECK(pos::hq::chain_transfers(*office.admin, true)->empty());
    CHECK(office.count("SELECT count(*) FROM store_records WHERE kind IN ('transfer_out', 'transfer_in')") == 2);
    CHECK(office.count("SELECT count(*) FROM ingest_conflicts") == 0);
}
