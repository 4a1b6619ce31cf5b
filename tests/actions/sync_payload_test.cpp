// The contract between the lane's outbox payload (pos/actions sale_to_json) and the store's
// reader (db/outbox_payload): every field of a sale survives the trip exactly.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "db/shared/outbox_payload.hpp"
#include "pos/actions/records.hpp"
#include "tests/support/sync_records.hpp"

TEST_CASE("sync_payload: sale_to_json reads back into the same sale record") {
    pos::db::SaleRecord sale = pos::testing::sync_sale("3f1c", 7, "shift-2");
    sale.receipt_no = 42;
    sale.lines[0].quantity_milli = 350;  // a weighed line: 0.35
    sale.tenders.push_back(pos::db::TenderRecord{2, "card", 1234, "T-889"});
    std::string payload = pos::actions::sale_to_json(sale).dump();
    CHECK(payload == pos::testing::sync_sale_json(sale));  // the test helper writes the same JSON
    auto parsed = pos::db::parse_sale_payload(payload);
    REQUIRE(parsed.ok());
    CHECK(parsed->id == sale.id);
    CHECK(parsed->receipt_no == 42);
    CHECK(parsed->lane == 7);
    CHECK(parsed->shift_id == "shift-2");
    CHECK(parsed->operator_id == sale.operator_id);
    CHECK(parsed->completed_at == sale.completed_at);
    CHECK(parsed->total_fen == sale.total_fen);
    CHECK(parsed->rounding_fen == sale.rounding_fen);
    CHECK(parsed->paid_fen == sale.paid_fen);
    CHECK(parsed->change_fen == sale.change_fen);
    CHECK(parsed->item_count_milli == sale.item_count_milli);
    REQUIRE(parsed->lines.size() == sale.lines.size());
    for (size_t n = 0; n < sale.lines.size(); ++n) {
        CAPTURE(n);
        const auto& a = parsed->lines[n];
        const auto& b = sale.lines[n];
        CHECK(a.line_no == b.line_no);
        CHECK(a.kind == b.kind);
        CHECK(a.sku == b.sku);
        CHECK(a.gtin == b.gtin);
        CHECK(a.name_zh == b.name_zh);
        CHECK(a.name_en == b.name_en);
        CHECK(a.spec == b.spec);
        CHECK(a.unit == b.unit);
        CHECK(a.department == b.department);
        CHECK(a.sale_unit == b.sale_unit);
        CHECK(a.quantity_milli == b.quantity_milli);
        CHECK(a.unit_price_fen == b.unit_price_fen);
        CHECK(a.amount_fen == b.amount_fen);
        CHECK(a.voided == b.voided);
        CHECK(a.voided_by == b.voided_by);
    }
    REQUIRE(parsed->tenders.size() == 2);
    CHECK(parsed->tenders[1].method == "card");
    CHECK(parsed->tenders[1].amount_fen == 1234);
    CHECK(parsed->tenders[1].reference == "T-889");
}
