// pos-store's answers to hostile or broken peers, without sockets: request heads refused before the
// body is read, JSON nested too deep, unknown record kinds, the store URL rule and pin spelling.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "sync/batch_checks.hpp"
#include "sync/json_nesting.hpp"
#include "sync/lane_tokens.hpp"
#include "sync/request_guard.hpp"
#include "sync/store_protocol.hpp"
#include "sync/store_service.hpp"
#include "sync/store_url.hpp"
#include "tests/support/sync_records.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using namespace pos::sync;
using nlohmann::json;
using pos::testing::TempDir;

namespace {

struct Store {
    TempDir dir;
    std::string path = dir.file("store.db");
    std::unique_ptr<StoreDb> admin;
    StoreService service{[this] { return StoreDb::open(path, false); },
                         [] { return std::string("2026-11-23T10:00:00+08:00"); }};

    Store() {
        auto created = StoreDb::open(path, true);
        REQUIRE(created.ok());
        admin = std::move(*created);
    }
    std::string token_for(int64_t lane) {
        auto token = issue_lane_token(*admin, lane, "2026-11-23T08:00:00+08:00");
        REQUIRE(token.ok());
        return *token;
    }
    int64_t count(const std::string& table) {
        auto answer = admin->connection().query_text("SELECT count(*) FROM " + table);
        REQUIRE(answer.ok());
        return std::stoll(answer->value_or("-1"));
    }
};

std::string message_of(const ServiceResponse& response) {
    return json::parse(response.body)["error"]["message"].get<std::string>();
}

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("hostile requests: nesting is counted without parsing, brackets in strings do not count") {
    CHECK(json_nesting_within(nested(64)));
    CHECK_FALSE(json_nesting_within(nested(65)));
    CHECK_FALSE(json_nesting_within(std::string(300000, '[')));  // unclosed: still refused, no recursion
    CHECK(json_nesting_within(R"({"a":"[[[[[[[[[[","b":"\"{{{{{{{{"})", 1));
    CHECK_FALSE(json_nesting_within(R"({"a":[{"b":1}]})", 2));
    CHECK(json_nesting_within("]]]}}}not json at all", 0));
}

TEST_CASE("hostile requests: a compressed, unsized or oversized body is refused from its head alone") {
    size_t limit = 4 << 20;
    CHECK_FALSE(refuse_request_head({"POST", "1000", "", ""}, limit));
    CHECK_FALSE(refuse_request_head({"GET", "", "", ""}, limit));
    CHECK_FALSE(refuse_request_head({"POST", "1000", "identity", ""}, limit));

    auto gzip = refuse_request_head({"POST", "312000", "gzip", ""}, limit);
    REQUIRE(gzip);
    CHECK(gzip->status == 415);
    CHECK(message_of(*gzip).find("compressed (Content-Encoding)") != std::string::npos);

    auto chunked = refuse_request_head({"POST", "", "", "chunked"}, limit);
    REQUIRE(chunked);
    CHECK(chunked->status == 411);

    auto huge = refuse_request_head({"POST", "300000000", "", ""}, limit);
    REQUIRE(huge);
    CHECK(huge->status == 413);
    CHECK(message_of(*huge) ==
          "the body is 300000000 bytes, over pos-store's limit of 4194304 bytes (pos-store serve "
          "--max-body-bytes); nothing of it was read (a lane's batch of 50 records is far smaller)");

    auto garbage = refuse_request_head({"POST", "12abc", "", ""}, limit);
    REQUIRE(garbage);
    CHECK(garbage->status == 400);
}

TEST_CASE("hostile requests: a batch nested 300,000 deep is refused with 400 and the store keeps answering") {
    Store store;
    std::string token = store.token_for(1);
    std::string deep = nested(300000);
    std::string body =
        R"({"lane":1,"records":[{"seq":1,"kind":"sale","ref":"x","payload":"p","created_at":"t","x":)" + deep + "}]}";
    ServiceResponse refused = store.service.receive_batch("Bearer " + token, body);
    CHECK(refused.status == 400);
    CHECK(message_of(refused).find("nests deeper than 64 levels") != std::string::npos);

    // The same depth inside a record's payload (a JSON text in a string) is refused too.
    std::string in_payload = encode_batch(Batch{1, {OutboxRecord{1, "audit", "a-1", deep, "t"}}});
    ServiceResponse payload = store.service.receive_batch("Bearer " + token, in_payload);
    CHECK(payload.status == 400);
    CHECK(message_of(payload).find("the payload of audit record a-1 nests deeper than 64 levels") != std::string::npos);

    auto sale = pos::testing::sync_sale("sale-a", 1, "shift-1");
    std::string good = encode_batch(
        Batch{1, {OutboxRecord{1, "sale", "sale-a", pos::testing::sync_sale_json(sale), "2026-11-23T09:05:00+08:00"}}});
    CHECK(store.service.receive_batch("Bearer " + token, good).status == 200);
    CHECK(store.count("sales") == 1);
}

TEST_CASE("hostile requests: a record of a kind the store does not know is refused and nothing is stored") {
    Store store;
    std::string token = store.token_for(1);
    auto sale = pos::testing::sync_sale("sale-a", 1, "shift-1");
    std::string body = encode_batch(Batch{1,
                                          {OutboxRecord{1, "sale", "sale-a", pos::testing::sync_sale_json(sale), "t"},
                                           OutboxRecord{2, "admin_user\x1b[2J", "u-1", R"({"lane":1})", "t"}}});
    ServiceResponse refused = store.service.receive_batch("Bearer " + token, body);
    CHECK(refused.status == 400);
    CHECK(message_of(refused) ==
          "record 2 is of kind \"admin_user?[2J\", which this store does not take (it takes sale, shift, "
          "shift_close, cash_movement, member_movement, stock_scan, audit): update pos-store to the lanes' version, or "
          "find what "
          "else sends to this port; nothing of this batch was stored");
    CHECK(store.count("sales") == 0);
    CHECK(store.count("received") == 0);
}

TEST_CASE("hostile requests: the token is checked on its own, before any body") {
    Store store;
    std::string token = store.token_for(3);
    CHECK_FALSE(store.service.refuse_token("Bearer " + token));
    auto unknown = store.service.refuse_token("Bearer " + std::string(64, '0'));
    REQUIRE(unknown);
    CHECK(unknown->status == 401);
    auto missing = store.service.refuse_token("");
    REQUIRE(missing);
    CHECK(missing->status == 401);
}

TEST_CASE("hostile requests: a lane takes https with a pin, and plain http only to this machine") {
    std::string pin(64, 'a');
    CHECK_FALSE(refuse_store_url("https://192.168.1.10:8735", pin));
    CHECK(refuse_store_url("https://192.168.1.10:8735", "")->find("needs the store certificate's pin") !=
          std::string::npos);
    CHECK(refuse_store_url("https://192.168.1.10:8735", "abc")->find("64 hex digits") != std::string::npos);
    CHECK_FALSE(refuse_store_url("http://127.0.0.1:8735", ""));
    CHECK_FALSE(refuse_store_url("http://localhost:8735", ""));
    CHECK_FALSE(refuse_store_url("http://[::1]:8735", ""));
    CHECK(refuse_store_url("http://192.168.1.10:8735", pin)->find("plain http to another machine") !=
          std::string::npos);
    CHECK(refuse_store_url("http://127.evil.example:8735", "").has_value());
    CHECK(refuse_store_url("ftp://192.168.1.10", pin).has_value());

    CHECK(normalize_pin("AB:CD:" + std::string(60, 'E')) == "abcd" + std::string(60, 'e'));
    CHECK_FALSE(normalize_pin(std::string(63, 'a')));
    CHECK_FALSE(normalize_pin(std::string(64, 'g')));
}
