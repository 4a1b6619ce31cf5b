// lane.db's payment journal: numbering per lane and day, one open attempt per ticket, final
// states that stay final, the masked code only, and what a restarted lane finds open.
#include <doctest/doctest.h>

#include "db/lane/lane_db.hpp"
#include "db/lane/payment_journal.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

std::unique_ptr<PaymentJournal> journal_in(const TempDir& dir) {
    auto lane = LaneDb::open(dir.file("lane.db"), true);  // creates and migrates
    REQUIRE(lane);
    auto journal = PaymentJournal::open(dir.file("lane.db"));
    REQUIRE(journal);
    return std::move(*journal);
}

constexpr const char* morning = "2026-12-07T09:15:00+08:00";

}  // namespace

TEST_CASE("payment_journal: attempts are numbered per lane and day, and kept before anything is sent") {
    TempDir dir;
    auto journal = journal_in(dir);
    auto first = journal->begin("wechat", "1346**********8540", 1540, "ticket-1", 3, morning);
    REQUIRE(first);
    CHECK(first->out_trade_no == "L3-20261207-0001");
    CHECK(first->state == "requested");
    REQUIRE(journal->record(first->out_trade_no, "paid", "4200000001", "SUCCESS", "", morning));
    auto second = journal->begin("alipay", "2876********6439", 800, "ticket-2", 3, morning);
    REQUIRE(second);
    CHECK(second->out_trade_no == "L3-20261207-0002");
    auto next_day = journal->begin("alipay", "2876********6439", 800, "ticket-3", 3, "2026-12-08T08:00:00+08:00");
    CHECK(next_day->out_trade_no == "L3-20261208-0001");
    // Another program (a restarted lane) sees them on disk.
    auto again = PaymentJournal::open(dir.file("lane.db"));
    auto found = (*again)->find("L3-20261207-0001");
    REQUIRE(found);
    REQUIRE(found->has_value());
    CHECK((*found)->transaction_id == "4200000001");
    CHECK((*found)->masked_code == "1346**********8540");
}

TEST_CASE("payment_journal: a second charge of a sale waits until the first is settled") {
    TempDir dir;
    auto journal = journal_in(dir);
    auto first = journal->begin("wechat", "1346**********8501", 1000, "ticket-7", 1, morning);
    REQUIRE(first);
    REQUIRE(journal->record(first->out_trade_no, "waiting", "", "USERPAYING", "需要用户输入支付密码", morning));
    auto refused = journal->begin("wechat", "1346**********8502", 1000, "ticket-7", 1, morning);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          "payment L1-20261207-0001 of this sale is not settled yet: wait for it before another");
    auto open = journal->open_attempts();
    REQUIRE(open->size() == 1);
    CHECK(open->front().state == "waiting");
    REQUIRE(journal->record(first->out_trade_no, "closed", "", "REVERSED", "", morning));
    CHECK(journal->begin("wechat", "1346**********8502", 1000, "ticket-7", 1, morning));
}

TEST_CASE("payment_journal: a final state stays final, only paid may become closed") {
    TempDir dir;
    auto journal = journal_in(dir);
    auto failed = journal->begin("wechat", "1346**********8503", 500, "t-1", 1, morning);
    REQUIRE(journal->record(failed->out_trade_no, "failed", "", "NOTENOUGH", "余额不足", morning));
    auto revived = journal->record(failed->out_trade_no, "paid", "42", "SUCCESS", "", morning);
    REQUIRE_FALSE(revived);
    CHECK(revived.error().code == DbErrorCode::constraint);
    auto paid = journal->begin("alipay", "2876********6400", 500, "t-2", 1, morning);
    REQUIRE(journal->record(paid->out_trade_no, "paid", "2026120722001", "10000", "", morning));
    CHECK_FALSE(journal->record(paid->out_trade_no, "waiting", "", "10003", "", morning));
    REQUIRE(journal->attach_sale(paid->out_trade_no, "sale-uuid-1"));
    REQUIRE(journal->record(paid->out_trade_no, "closed", "", "refund", "", morning));  // reversed: refunded
    CHECK_FALSE(journal->attach_sale(paid->out_trade_no, "sale-uuid-2"));
    CHECK(journal->open_attempts()->empty());
}

TEST_CASE("payment_journal: a whole payment code is never written") {
    TempDir dir;
    auto journal = journal_in(dir);
    auto whole = journal->begin("wechat", "134650328919428540", 500, "t-1", 1, morning);
    REQUIRE_FALSE(whole);
    CHECK(whole.error().message.find("kept masked only") != std::string::npos);
    CHECK(journal->open_attempts()->empty());
}
