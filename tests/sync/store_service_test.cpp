// pos-store's request handling on a real store.db, without sockets: tokens, lanes, batches.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "sync/lane_tokens.hpp"
#include "sync/store_protocol.hpp"
#include "db/store/kept_aside.hpp"
#include "db/store/returns.hpp"
#include "sync/store_service.hpp"
#include "tests/support/sync_records.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using namespace pos::sync;
using nlohmann::json;
using pos::testing::TempDir;

namespace {

OutboxRecord sale_record(int64_t seq, const std::string& id, int64_t lane) {
    return OutboxRecord{seq, "sale", id, pos::testing::sync_sale_json(pos::testing::sync_sale(id, lane, "shift-1")),
                        "2026-11-23T09:05:00+08:00"};
}

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
    int64_t sales() {
        auto answer = admin->connection().query_text("SELECT count(*) FROM sales");
        REQUIRE(answer.ok());
        return std::stoll(answer->value_or("-1"));
    }
};

json error_of(const ServiceResponse& response) {
    json body = json::parse(response.body);
    return body["error"];
}

}  // namespace

TEST_CASE("store service: a lane's batch with its own token is stored once and acknowledged twice") {
    Store store;
    std::string token = store.token_for(2);
    CHECK(token.size() == 64);
    std::string body = encode_batch(Batch{2, {sale_record(1, "sale-a", 2), sale_record(2, "sale-b", 2)}});

    ServiceResponse first = store.service.receive_batch("Bearer " + token, body);
    CHECK(first.status == 200);
    auto acknowledged = decode_acknowledgements(first.body);
    REQUIRE(acknowledged.ok());
    REQUIRE(acknowledged->size() == 2);
    CHECK((*acknowledged)[0].ref == "sale-a");
    CHECK((*acknowledged)[0].was_new);

    // The acknowledgement was lost: the lane sends the same batch again.
    ServiceResponse again = store.service.receive_batch("Bearer " + token, body);
    CHECK(again.status == 200);
    auto second = decode_acknowledgements(again.body);
    REQUIRE(second.ok());
    CHECK_FALSE((*second)[1].was_new);
    CHECK(store.sales() == 2);
}

TEST_CASE("store service: a missing, unknown or revoked token is refused and nothing is stored") {
    Store store;
    std::string token = store.token_for(2);
    std::string body = encode_batch(Batch{2, {sale_record(1, "sale-a", 2)}});
    for (const std::string& authorization :
         {std::string(), std::string("Bearer "), "Bearer " + std::string(64, 'f'), "Basic " + token}) {
        ServiceResponse refused = store.service.receive_batch(authorization, body);
        CHECK(refused.status == 401);
        CHECK(error_of(refused)["code"] == "refused");
        CHECK(error_of(refused)["message"].get<std::string>().find("pos-store token add --lane N") !=
              std::string::npos);
    }
    auto revoked = revoke_lane_token(*store.admin, 2);
    REQUIRE(revoked.ok());
    CHECK(*revoked);
    CHECK(store.service.receive_batch("Bearer " + token, body).status == 401);
    CHECK(store.sales() == 0);
}

TEST_CASE("store service: a lane cannot send another lane's records") {
    Store store;
    std::string token = store.token_for(2);
    ServiceResponse other_lane = store.service.receive_batch(
        "Bearer " + token, encode_batch(Batch{2, {sale_record(1, "mine", 2), sale_record(2, "theirs", 3)}}));
    CHECK(other_lane.status == 403);
    CHECK(error_of(other_lane)["message"] ==
          "the token belongs to lane 2 but the sale record theirs is lane 3's: check the lane number and token in "
          "pos.toml; nothing of this batch was stored");
    CHECK(store.service.receive_batch("Bearer " + token, encode_batch(Batch{3, {}})).status == 403);
    CHECK(store.sales() == 0);
}

TEST_CASE("store service: audit records riding in a payload must be the token's lane's") {
    Store store;
    std::string token = store.token_for(2);
    auto with_audit = [](OutboxRecord record, int64_t audit_lane) {
        json payload = json::parse(record.payload);
        payload["audit"] = json::array({{{"seq", 1},
                                         {"at", "2026-11-23T09:05:00+08:00"},
                                         {"lane", audit_lane},
                                         {"kind", "logout"},
                                         {"actor", "1001"},
                                         {"approver", ""},
                                         {"ref", ""},
                                         {"detail", "{}"},
                                         {"prev_hash", std::string(64, '0')},
                                         {"hash", std::string(64, 'a')}}});
        record.payload = payload.dump();
        return record;
    };
    ServiceResponse theirs = store.service.receive_batch(
        "Bearer " + token, encode_batch(Batch{2, {with_audit(sale_record(1, "mine", 2), 3)}}));
    CHECK(theirs.status == 403);
    CHECK(error_of(theirs)["code"] == "refused");
    CHECK(error_of(theirs)["message"] ==
          "the token belongs to lane 2 but the sale record mine carries audit records of lane 3: check the lane "
          "number and token in pos.toml; nothing of this batch was stored");
    // An audit-only record (kind "audit", queued by the sync worker) is checked the same way.
    OutboxRecord audit_only{2, "audit", "2:1-1", R"({"lane":2})", "2026-11-23T09:05:00+08:00"};
    CHECK(store.service.receive_batch("Bearer " + token, encode_batch(Batch{2, {with_audit(audit_only, 3)}})).status ==
          403);
    CHECK(store.sales() == 0);
    auto audit_rows = store.admin->connection().query_text("SELECT count(*) FROM audit");
    REQUIRE(audit_rows.ok());
    CHECK(audit_rows->value_or("") == "0");

    ServiceResponse own =
        store.service.receive_batch("Bearer " + token, encode_batch(Batch{2, {with_audit(audit_only, 2)}}));
    CHECK(own.status == 200);
    audit_rows = store.admin->connection().query_text("SELECT lane || ' ' || kind FROM audit");
    REQUIRE(audit_rows.ok());
    CHECK(audit_rows->value_or("") == "2 logout");
}

TEST_CASE("store service: any lane's token looks up a sale by receipt or id, with its returns") {
    Store store;
    std::string token = store.token_for(1);
    REQUIRE(
        store.service.receive_batch("Bearer " + token, encode_batch(Batch{1, {sale_record(1, "sale-a", 1)}})).status ==
        200);
    std::string other = "Bearer " + store.token_for(2);

    ServiceResponse found = store.service.sale_for_return(other, "", "1", "0");
    REQUIRE(found.status == 200);
    auto decoded = decode_sale_for_return(found.body);
    REQUIRE(decoded.ok());
    CHECK(decoded->sale.id == "sale-a");
    CHECK(decoded->sale.lane == 1);
    REQUIRE(decoded->sale.lines.size() == 3);
    CHECK(decoded->sale.lines[0].quantity_milli == 2000);
    CHECK(decoded->sale.lines[1].voided);
    CHECK(decoded->sale.tenders[0].amount_fen == 500);
    CHECK(decoded->returns.empty());
    // Re-encoding what was decoded gives the same text: nothing is lost on the way.
    CHECK(encode_sale_for_return(*decoded) == found.body);

    ServiceResponse missing = store.service.sale_for_return(other, "", "1", "99");
    CHECK(missing.status == 404);
    CHECK(error_of(missing)["code"] == "not_found");
    CHECK(error_of(missing)["message"] == "receipt 0100000099 is not at the store");
    CHECK(store.service.sale_for_return(other, "", "one", "2").status == 400);
    CHECK(store.service.sale_for_return(other, "x';--", "", "").status == 400);
    CHECK(store.service.sale_for_return("Bearer " + std::string(64, 'f'), "", "1", "0").status == 401);
}

TEST_CASE("store service: a malformed batch is a 400 that names the problem") {
    Store store;
    std::string token = store.token_for(1);
    for (std::string body :
         {"", "[]", R"({"lane":1})", R"({"lane":"1","records":[]})", R"({"lane":1,"records":[{"kind":"sale"}]})"}) {
        CAPTURE(body);
        ServiceResponse bad = store.service.receive_batch("Bearer " + token, body);
        CHECK(bad.status == 400);
        CHECK(error_of(bad)["message"].get<std::string>().rfind("pos-store: the batch is not valid JSON", 0) == 0);
    }
    // A record whose payload cannot be read is quarantined with its reason; the rest of its batch is stored.
    OutboxRecord broken{2, "sale", "sale-x", R"({"sale_id":"sale-x","lane":1})", "2026-11-23T09:05:00+08:00"};
    ServiceResponse unreadable =
        store.service.receive_batch("Bearer " + token, encode_batch(Batch{1, {sale_record(1, "sale-ok", 1), broken}}));
    CHECK(unreadable.status == 200);
    CHECK(store.sales() == 1);
    auto acks = decode_acknowledgements(unreadable.body);
    REQUIRE(acks.ok());
    REQUIRE(acks->size() == 2);
    CHECK((*acks)[0].aside.empty());
    CHECK((*acks)[1].aside == "quarantine");
    CHECK((*acks)[1].reason.rfind("sale sale-x (outbox #2) cannot be stored: a sale record from the lane cannot be "
                                  "read",
                                  0) == 0);
}

TEST_CASE("store service: a record whose key holds different content is answered 409 and kept aside, both versions") {
    Store store;
    std::string token = store.token_for(1);
    OutboxRecord first = sale_record(1, "sale-a", 1);
    REQUIRE(store.service.receive_batch("Bearer " + token, encode_batch(Batch{1, {first}})).status == 200);
    OutboxRecord other = first;
    other.payload.replace(other.payload.find("\"lane\":1"), 8, "\"lane\":1 ");
    ServiceResponse conflict =
        store.service.receive_batch("Bearer " + token, encode_batch(Batch{1, {other, sale_record(2, "sale-b", 1)}}));
    CHECK(conflict.status == 409);
    CHECK(error_of(conflict)["code"] == "conflict");
    CHECK(error_of(conflict)["message"].get<std::string>().rfind("the store already holds a different sale sale-a;",
                                                                 0) == 0);
    auto acks = decode_acknowledgements(conflict.body);
    REQUIRE(acks.ok());
    REQUIRE(acks->size() == 2);
    CHECK((*acks)[0].aside == "conflict");
    CHECK((*acks)[1].aside.empty());
    CHECK(store.sales() == 2);  // the rest of the batch flows
    auto aside = open_kept_aside(*store.admin, 1);
    REQUIRE(aside.ok());
    REQUIRE(aside->size() == 1);
    CHECK((*aside)[0].stored == first.payload);     // never overwritten
    CHECK((*aside)[0].delivered == other.payload);  // never dropped
    // Delivered again: answered the same, kept aside once.
    CHECK(store.service.receive_batch("Bearer " + token, encode_batch(Batch{1, {other}})).status == 409);
    CHECK(open_kept_aside(*store.admin, 1)->size() == 1);
}

TEST_CASE("store service: a record without a lane, or into another lane's shift, is refused whole") {
    Store store;
    std::string token1 = store.token_for(1);
    std::string token2 = store.token_for(2);
    ShiftRecord shift{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}};
    OutboxRecord opened{1, "shift", "shift-1", pos::testing::sync_shift_json(shift), shift.opened_at};
    REQUIRE(store.service.receive_batch("Bearer " + token1, encode_batch(Batch{1, {opened}})).status == 200);

    OutboxRecord laneless{1, "audit", "x", R"({"audit":[]})", "2026-11-23T09:05:00+08:00"};
    ServiceResponse refused = store.service.receive_batch("Bearer " + token2, encode_batch(Batch{2, {laneless}}));
    CHECK(refused.status == 403);
    CHECK(error_of(refused)["message"] ==
          "the audit record x names no lane: pos-store takes only records of the lane whose token sent them; nothing "
          "of this batch was stored");

    // Lane 2 sells into lane 1's shift: refused, nothing of the batch stored.
    ServiceResponse intruder =
        store.service.receive_batch("Bearer " + token2, encode_batch(Batch{2, {sale_record(1, "sale-2", 2)}}));
    CHECK(intruder.status == 403);
    CHECK(error_of(intruder)["message"] ==
          "the sale record sale-2 of lane 2 names shift shift-1, which is lane 1's: a lane writes only into its own "
          "shifts; nothing of this batch was stored");
    CHECK(store.sales() == 0);
}

TEST_CASE("store service: a store locked by another writer answers 503 busy, then takes the batch") {
    Store store;
    std::string token = store.token_for(1);
    std::string body = encode_batch(Batch{1, {sale_record(1, "sale-a", 1)}});
    REQUIRE(store.admin->connection().exec("BEGIN IMMEDIATE").ok());
    ServiceResponse busy = store.service.receive_batch("Bearer " + token, body);
    CHECK(busy.status == 503);
    CHECK(error_of(busy)["code"] == "busy");
    REQUIRE(store.admin->connection().exec("ROLLBACK").ok());
    CHECK(store.service.receive_batch("Bearer " + token, body).status == 200);
    CHECK(store.sales() == 1);
}

TEST_CASE("store protocol: a batch and its acknowledgements survive the round trip byte for byte") {
    Batch batch{
        7, {OutboxRecord{3, "sale", "id-1", R"({"name_zh":"农夫山泉 \"550ml\"\n"})", "2026-11-23T09:00:00+08:00"}}};
    auto decoded = decode_batch(encode_batch(batch));
    REQUIRE(decoded.ok());
    CHECK(decoded->lane == 7);
    REQUIRE(decoded->records.size() == 1);
    CHECK(decoded->records[0].payload == batch.records[0].payload);
    CHECK(decoded->records[0].seq == 3);

    DbError error = decode_error(R"({"error":{"code":"disk_full","message":"store.db: the disk is full"}})", 507);
    CHECK(error.code == DbErrorCode::disk_full);
    CHECK(error.message == "pos-store: store.db: the disk is full");
    DbError html = decode_error("<html>Bad Gateway</html>", 502);
    CHECK(html.code == DbErrorCode::other);
    CHECK(html.message.find("HTTP 502") != std::string::npos);
}
