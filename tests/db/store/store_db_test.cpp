// store.db: batches from the lanes stored once by UUID, what cannot be stored kept aside; the payload reader.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "db/shared/audit_log.hpp"
#include "db/shared/migrations.hpp"
#include "db/shared/outbox_payload.hpp"
#include "db/store/kept_aside.hpp"
#include "db/store/store_db.hpp"
#include "tests/support/sync_records.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

int64_t count(StoreDb& store, const std::string& sql) {
    auto answer = store.connection().query_text(sql);
    REQUIRE(answer.ok());
    return std::stoll(answer->value_or("-1"));
}

OutboxRecord sale_record(int64_t seq, const std::string& id) {
    return OutboxRecord{seq, "sale", id, pos::testing::sync_sale_json(pos::testing::sync_sale(id, 2, "shift-1")),
                        "2026-11-23T09:05:00+08:00"};
}

OutboxRecord shift_record(int64_t seq, const std::string& id) {
    ShiftRecord shift{id, 2, "1001", "2026-11-23T09:00:00+08:00", 20000, {}};
    return OutboxRecord{seq, "shift", id, pos::testing::sync_shift_json(shift), shift.opened_at};
}

std::unique_ptr<StoreDb> open_store(const TempDir& dir) {
    auto store = StoreDb::open(dir.file("store.db"), true);
    REQUIRE(store.ok());
    return std::move(*store);
}

}  // namespace

TEST_CASE("outbox_payload: parse_decimal reads the lane's decimal strings exactly") {
    CHECK(parse_decimal("12.50", 2) == 1250);
    CHECK(parse_decimal("0.08", 2) == 8);
    CHECK(parse_decimal("-0.08", 2) == -8);
    CHECK(parse_decimal("3", 2) == 300);
    CHECK(parse_decimal("0.35", 3) == 350);
    CHECK(parse_decimal("2", 3) == 2000);
    CHECK(parse_decimal("99999.999", 3) == 99999999);
    CHECK_FALSE(parse_decimal("", 2));
    CHECK_FALSE(parse_decimal("-", 2));
    CHECK_FALSE(parse_decimal("1.", 2));
    CHECK_FALSE(parse_decimal(".5", 2));
    CHECK_FALSE(parse_decimal("1.234", 2));
    CHECK_FALSE(parse_decimal("1,50", 2));
    CHECK_FALSE(parse_decimal("1e3", 2));
    CHECK_FALSE(parse_decimal("1234567890123456", 2));
}

TEST_CASE("outbox_payload: a sale payload reads back into the record it was written from") {
    SaleRecord sale = pos::testing::sync_sale("s-1", 3, "shift-9");
    sale.receipt_no = 17;
    auto parsed = parse_sale_payload(pos::testing::sync_sale_json(sale));
    REQUIRE(parsed.ok());
    CHECK(parsed->id == "s-1");
    CHECK(parsed->receipt_no == 17);
    CHECK(parsed->lane == 3);
    CHECK(parsed->rounding_fen == -8);
    CHECK(parsed->item_count_milli == 2350);
    REQUIRE(parsed->lines.size() == 3);
    CHECK(parsed->lines[1].voided);
    CHECK(parsed->lines[1].voided_by == "9001");
    CHECK(parsed->lines[2].kind == "rounding");
    CHECK(parsed->lines[2].amount_fen == -8);
    REQUIRE(parsed->tenders.size() == 1);
    CHECK(parsed->tenders[0].amount_fen == 500);
}

TEST_CASE("outbox_payload: a bad field is named") {
    auto missing = parse_sale_payload(R"({"sale_id":"x"})");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "a sale record from the lane cannot be read: receipt_no is missing");
    auto not_json = parse_shift_payload("{oops");
    REQUIRE_FALSE(not_json.ok());
    CHECK(not_json.error().message == "a shift record from the lane cannot be read: payload is not a JSON object");
    auto bad_money =
        parse_shift_payload(R"({"shift_id":"a","lane":1,"operator":"1001","opened_at":"t","float":"2.005"})");
    REQUIRE_FALSE(bad_money.ok());
    CHECK(bad_money.error().message ==
          "a shift record from the lane cannot be read: float must be a decimal with at most 2 decimals");
}

TEST_CASE("outbox_payload: a shift's float counts are read, and bad ones named") {
    auto counted = parse_shift_payload(
        R"({"shift_id":"a","lane":1,"operator":"1001","opened_at":"t","float":"250.00","float_counts":{"100.00":2,"50.00":1}})");
    REQUIRE(counted.ok());
    CHECK(counted->float_fen == 25000);
    CHECK(counted->float_counts == R"({"100.00":2,"50.00":1})");
    auto typed = parse_shift_payload(R"({"shift_id":"a","lane":1,"operator":"1001","opened_at":"t","float":"200.00"})");
    REQUIRE(typed.ok());
    CHECK(typed->float_counts.empty());
    auto bad = parse_shift_payload(
        R"({"shift_id":"a","lane":1,"operator":"1001","opened_at":"t","float":"1.00","float_counts":{"one":1}})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message ==
          "a shift record from the lane cannot be read: float_counts must map a denomination "
          "(\"100.00\") to a count of 0 or more");
}

TEST_CASE("store_db: migration 0002 adds the received journal and the daily report's indexes") {
    TempDir dir;
    auto store = open_store(dir);
    CHECK(*schema_version(store->connection()) >= 2);
    for (const char* index : {"sales_completed_at", "sales_lane_completed_at", "sales_operator_completed_at",
                              "sale_lines_sku", "shifts_lane_opened_at", "received_lane"}) {
        CAPTURE(index);
        CHECK(count(*store, std::string("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '") +
                                index + "'") == 1);
    }
    // The daily report's per-cashier query uses its index rather than scanning every sale.
    auto plan = store->connection().prepare(
        "EXPLAIN QUERY PLAN SELECT sum(total_fen) FROM sales WHERE operator = '1001' AND completed_at >= '2026-11-23'");
    REQUIRE(plan.ok());
    auto row = (*plan)->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    CHECK((*plan)->column_text(3).find("USING INDEX sales_operator_completed_at") != std::string::npos);
    (*plan)->reset();
}

TEST_CASE("store_db: apply_batch stores a sale with its lines and tenders and a shift") {
    TempDir dir;
    auto store = open_store(dir);
    auto acked =
        store->apply_batch({shift_record(1, "shift-1"), sale_record(2, "sale-1")}, "2026-11-23T10:00:00+08:00");
    REQUIRE(acked.ok());
    REQUIRE(acked->size() == 2);
    CHECK((*acked)[0].kind == "shift");
    CHECK((*acked)[0].was_new);
    CHECK((*acked)[1].ref == "sale-1");
    CHECK((*acked)[1].was_new);
    CHECK(count(*store, "SELECT count(*) FROM sales") == 1);
    CHECK(count(*store, "SELECT count(*) FROM sale_lines") == 3);
    CHECK(count(*store, "SELECT count(*) FROM sale_tenders") == 1);
    CHECK(count(*store, "SELECT count(*) FROM shifts") == 1);
    CHECK(count(*store, "SELECT count(*) FROM received") == 2);
    CHECK(count(*store, "SELECT total_fen FROM sales WHERE id = 'sale-1'") == 392);
    CHECK(count(*store, "SELECT sum(amount_fen) FROM sale_lines WHERE sale_id = 'sale-1' AND NOT voided") == 392);
    CHECK(count(*store, "SELECT lane FROM received WHERE ref = 'sale-1'") == 2);
    CHECK(count(*store, "SELECT float_fen FROM shifts WHERE id = 'shift-1'") == 20000);
}

TEST_CASE("store_db: the same batch delivered twice (lost acknowledgement) is stored once") {
    TempDir dir;
    auto store = open_store(dir);
    std::vector<OutboxRecord> batch = {sale_record(1, "a"), sale_record(2, "b"), shift_record(3, "shift-1")};
    auto first = store->apply_batch(batch, "2026-11-23T10:00:00+08:00");
    REQUIRE(first.ok());
    auto second = store->apply_batch(batch, "2026-11-23T10:00:05+08:00");
    REQUIRE(second.ok());
    REQUIRE(second->size() == 3);
    for (const Acknowledged& ack : *second) CHECK_FALSE(ack.was_new);
    CHECK(count(*store, "SELECT count(*) FROM sales") == 2);
    CHECK(count(*store, "SELECT count(*) FROM sale_lines") == 6);
    CHECK(count(*store, "SELECT count(*) FROM sale_tenders") == 2);
    CHECK(count(*store, "SELECT count(*) FROM shifts") == 1);
    CHECK(count(*store, "SELECT count(*) FROM received") == 3);
    // The first delivery's time stays: the second changed nothing.
    CHECK(count(*store, "SELECT count(*) FROM sales WHERE received_at = '2026-11-23T10:00:00+08:00'") == 2);

    // A batch overlapping the first: only the new sale is new.
    auto overlap = store->apply_batch({sale_record(4, "b"), sale_record(5, "c")}, "2026-11-23T10:01:00+08:00");
    REQUIRE(overlap.ok());
    CHECK_FALSE((*overlap)[0].was_new);
    CHECK((*overlap)[1].was_new);
    CHECK(count(*store, "SELECT count(*) FROM sales") == 3);
    CHECK(count(*store, "SELECT count(*) FROM sale_lines") == 9);
}

TEST_CASE("store_db: a record that cannot be read is quarantined with its reason while the rest is stored") {
    TempDir dir;
    auto store = open_store(dir);
    OutboxRecord broken{2, "sale", "bad-1", R"({"sale_id":"bad-1","receipt_no":"seven"})", "2026-11-23T09:00:00+08:00"};
    auto acked = store->apply_batch({sale_record(1, "good-1"), broken}, "2026-11-23T10:00:00+08:00");
    REQUIRE(acked.ok());
    REQUIRE(acked->size() == 2);
    CHECK((*acked)[0].was_new);
    CHECK((*acked)[0].aside.empty());
    CHECK((*acked)[1].aside == "quarantine");
    CHECK((*acked)[1].reason ==
          "sale bad-1 (outbox #2) cannot be stored: a sale record from the lane cannot be read: receipt_no must be a "
          "whole number");
    CHECK(count(*store, "SELECT count(*) FROM sales") == 1);
    CHECK(count(*store, "SELECT count(*) FROM received") == 1);
    CHECK(count(*store, "SELECT count(*) FROM kept_aside WHERE why = 'quarantine' AND ref = 'bad-1'") == 1);

    OutboxRecord mismatched = sale_record(3, "x");
    mismatched.ref = "y";
    auto quarantined = store->apply_batch({mismatched}, "2026-11-23T10:00:00+08:00");
    REQUIRE(quarantined.ok());
    CHECK((*quarantined)[0].reason.find("its sale_id differs from the outbox ref") != std::string::npos);
    CHECK(count(*store, "SELECT count(*) FROM sales") == 1);  // nothing of it half-stored
}

TEST_CASE("store_db: a record kept aside stays an alarm for its lane, and for any lane when its lane is unknown") {
    TempDir dir;
    auto store = open_store(dir);
    OutboxRecord unknown_lane{1, "sale", "bad-1", R"({"sale_id":"bad-1","receipt_no":"seven"})", "t"};
    REQUIRE(store->apply_batch({unknown_lane}, "2026-11-23T10:00:00+08:00").ok());
    auto waiting = open_kept_aside(*store, std::nullopt);
    REQUIRE(waiting.ok());
    REQUIRE(waiting->size() == 1);
    CHECK((*waiting)[0].lane == 0);
    CHECK(*unresolved_kept_aside_count(*store, 1) == 1);
    CHECK(*unresolved_kept_aside_count(*store, 7) == 1);

    auto resolved =
        resolve_kept_aside(*store, (*waiting)[0].id, "8801", "damaged on the lane", "2026-11-23T11:00:00+08:00");
    REQUIRE(resolved.ok());
    REQUIRE(resolved->row.has_value());
    CHECK(resolved->changed);
    CHECK(resolved->row->resolved_at == "2026-11-23T11:00:00+08:00");
    CHECK(resolved->row->resolution == "damaged on the lane");
    CHECK(*unresolved_kept_aside_count(*store, 1) == 0);
    // Resolving again changes nothing: the first resolution stands.
    auto again = resolve_kept_aside(*store, (*waiting)[0].id, "8802", "other", "2026-11-23T12:00:00+08:00");
    REQUIRE(again.ok());
    CHECK(!again->changed);
    CHECK(again->row->resolved_by == "8801");
    CHECK(!resolve_kept_aside(*store, 99, "8801", "x", "t")->row.has_value());
    auto all = all_kept_aside(*store);
    REQUIRE(all.ok());
    CHECK(all->size() == 1);
    CHECK(open_kept_aside(*store, std::nullopt)->empty());
}

TEST_CASE(
    "store_db: an audit record that conflicts with or forks the store's chain is kept aside, never written over") {
    TempDir dir;
    auto store = open_store(dir);
    auto audit = [](int64_t seq, const std::string& prev, const std::string& hash, const std::string& approver) {
        AuditRow row{seq, "2026-11-23T09:00:00+08:00", 2, "void", "1001", approver, "", "{}", prev, hash};
        return OutboxRecord{seq, "audit", fmt::format("2:{}-{}", seq, seq),
                            R"({"lane":2,"audit":[)" + audit_payload(row) + "]}", row.at};
    };
    REQUIRE(store->apply_batch({audit(1, "", "h1", "9001"), audit(2, "h1", "h2", "9001")}, "t").ok());
    // A different record 2 (forged or genuine, the store cannot tell): kept aside beside the store's.
    OutboxRecord other = audit(2, "h1", "h2x", "9002");
    other.ref = "2:2-2b";
    auto conflict = store->apply_batch({other}, "t");
    REQUIRE(conflict.ok());
    CHECK((*conflict)[0].aside == "conflict");
    CHECK((*conflict)[0].reason ==
          "the store already holds a different audit record 2 of lane 2: approver is \"9001\" at the store, \"9002\" "
          "in this delivery");
    // A record 3 that does not link to the store's record 2 is a fork; one that skips records too.
    auto fork = store->apply_batch({audit(3, "h2x", "h3", "9001")}, "t");
    REQUIRE(fork.ok());
    CHECK((*fork)[0].aside == "fork");
    auto gap = store->apply_batch({audit(5, "h4", "h5", "9001")}, "t");
    REQUIRE(gap.ok());
    CHECK((*gap)[0].reason ==
          "audit record 5 of lane 2 does not continue the chain the store holds: the store's last record of that lane "
          "is 2");
    CHECK(count(*store, "SELECT count(*) FROM audit WHERE lane = 2") == 2);
    CHECK(count(*store, "SELECT count(*) FROM audit WHERE lane = 2 AND seq = 2 AND approver = '9001'") == 1);
    auto aside = open_kept_aside(*store, 2);
    REQUIRE(aside.ok());
    CHECK(aside->size() == 3);
    // The continuing record is taken.
    OutboxRecord continuing = audit(3, "h2", "h3", "9001");
    continuing.ref = "2:3-3b";
    auto next = store->apply_batch({continuing}, "t");
    REQUIRE(next.ok());
    CHECK((*next)[0].aside.empty());
    CHECK(count(*store, "SELECT count(*) FROM audit WHERE lane = 2") == 3);
}

TEST_CASE("store_db: a kind the store does not file yet is kept verbatim and once") {
    TempDir dir;
    auto store = open_store(dir);
    OutboxRecord audit{1, "audit", "ev-1", R"({"lane":4,"event":"no_sale"})", "2026-11-23T09:00:00+08:00"};
    auto first = store->apply_batch({audit}, "2026-11-23T10:00:00+08:00");
    REQUIRE(first.ok());
    CHECK((*first)[0].was_new);
    auto again = store->apply_batch({audit}, "2026-11-23T10:00:01+08:00");
    REQUIRE(again.ok());
    CHECK_FALSE((*again)[0].was_new);
    CHECK(count(*store, "SELECT count(*) FROM received WHERE kind = 'audit' AND lane = 4") == 1);
}

TEST_CASE("store_db: a batch waits for another writer up to the busy timeout and then reports busy") {
    TempDir dir;
    auto store = open_store(dir);
    auto other = Connection::open(dir.file("store.db"), false);
    REQUIRE(other.ok());
    REQUIRE((*other)->exec("BEGIN IMMEDIATE").ok());
    auto acked = store->apply_batch({sale_record(1, "a")}, "2026-11-23T10:00:00+08:00");
    REQUIRE_FALSE(acked.ok());
    CHECK(acked.error().code == DbErrorCode::busy);
    REQUIRE((*other)->exec("ROLLBACK").ok());
    CHECK(store->apply_batch({sale_record(1, "a")}, "2026-11-23T10:00:00+08:00").ok());
    CHECK(count(*store, "SELECT count(*) FROM sales") == 1);
}

TEST_CASE("store_db: a price override on a line reaches the store with the price it replaced") {
    TempDir dir;
    auto store = open_store(dir);
    SaleRecord sale = pos::testing::sync_sale("sale-override", 2, "shift-1");
    sale.lines[0].original_price_fen = 250;
    sale.lines[0].price_set_by = "9001";
    OutboxRecord record{1, "sale", sale.id, pos::testing::sync_sale_json(sale), sale.completed_at};
    REQUIRE(store->apply_batch({record}, "2026-11-23T09:06:00+08:00").ok());
    CHECK(count(*store, "SELECT original_price_fen FROM sale_lines WHERE sale_id = 'sale-override' AND line_no = 1") ==
          250);
    CHECK(count(*store, "SELECT count(*) FROM sale_lines WHERE sale_id = 'sale-override' AND price_set_by = '9001'") ==
          1);
    CHECK(count(*store,
                "SELECT count(*) FROM sale_lines WHERE sale_id = 'sale-override' AND original_price_fen IS NULL") ==
          int64_t(sale.lines.size()) - 1);
}
