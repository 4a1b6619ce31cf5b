// F4 扫码支付 by keys against the payment-gateway simulator over real HTTPS: a code paid at once,
// USERPAYING then paid, cancelled by Esc while the customer has not confirmed, refused for want of
// balance, a bad code, and a split with cash; the orders left open by a run settled at start.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "drivers/printer/interpreter.hpp"
#include "drivers/printer/text.hpp"
#include "paysim/keys.hpp"
#include "paysim/server.hpp"
#include "pos/actions/payments/payment_desk.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/checkout/driver.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

using ui::Key;
using ui::Screen;
using Phase = ui::PayCodeForm::Phase;

namespace {

constexpr const char* water = "6921168176748";  // 农夫山泉 550ml, 2.00 in the demo catalog

// A WeChat Pay code (18 digits, 13…) whose last two digits choose what the simulated phone does
// (docs/payments.md "The simulator"): 00 paid at once, 01 USERPAYING then paid, 02 never
// confirmed, 03 not enough balance.
std::string wechat_code(const char* scenario, int n = 0) {
    return "1346503289" + std::to_string(100000 + n) + scenario;
}

// A demo lane with [payments] pointing at a simulator of its own, short timings, and the checkout
// given the lane's payment desk (its start-up settlement done).
struct PayingLane {
    TempDir dir;
    std::optional<paysim::Simulator> simulator;
    std::unique_ptr<actions::PaymentDesk> desk;  // outlives the checkout's payment worker
    std::optional<CheckoutDriver> till;

    PayingLane() {
        setenv("POS_ASSETS_DIR", POS_SOURCE_DIR "/assets", 1);
        REQUIRE(actions::init_data_dir(dir.path(), true).ok());
        std::string merchant = dir.path() + "/paysim";
        std::filesystem::create_directories(merchant);
        REQUIRE(paysim::write_merchant_files(merchant));
        auto config = paysim::load_simulator_config(merchant, true);
        REQUIRE(config);
        simulator.emplace(*config);
        int port = simulator->start(0);
        REQUIRE(port > 0);
        std::string url = "https://127.0.0.1:" + std::to_string(port);
        std::ofstream toml(dir.path() + "/pos.toml", std::ios::app);
        toml << "\n[payments]\nca_file = \"" << merchant << "/tls.crt\"\nconfirm_seconds = 30\n"
             << "first_query_ms = 20\nquery_every_ms = 20\ncancel_after_ms = 0\ncancel_every_ms = 20\n"
             << "[payments.wechat]\nurl = \"" << url << "\"\nappid = \"" << paysim::demo_wechat_appid
             << "\"\nmch_id = \"" << paysim::demo_wechat_mch_id << "\"\nkey_file = \"" << merchant
             << "/wechat_api_key\"\n"
             << "[payments.alipay]\nurl = \"" << url << "\"\napp_id = \"" << paysim::demo_alipay_app_id
             << "\"\nprivate_key_file = \"" << merchant << "/alipay_app_private.pem\"\npublic_key_file = \"" << merchant
             << "/alipay_gateway_public.pem\"\n";
        toml.close();
        till.emplace(dir.path());
        auto opened = actions::open_payment_desk(dir.path(), till->lane().config());
        REQUIRE(opened);
        REQUIRE(*opened);
        desk = std::move(*opened);
        start_checkout();
    }

    void start_checkout(bool until_settled = true) {
        till->checkout().set_payment_desk(desk.get());
        CHECK(till->checkout().waiting());  // the settlement screen is up before anyone logs in
        if (!until_settled) return;
        REQUIRE(till->draw_until("the start-up settlement", [&] { return !till->checkout().waiting(); }));
    }

    // Logged in, water on the ticket (2.00 a bottle), on the tender screen.
    void to_tender(const std::string& bottles = "1") {
        till->log_in_and_open_shift();
        till->keys(std::string(water) + "{Enter}");
        if (bottles != "1") till->keys(bottles + "*{Enter}");
        till->press(Key::enter);
        REQUIRE(till->state().screen == Screen::tender);
    }

    const ui::PayCodeForm& form() const { return till->state().pay_code; }

    // Waits for the payment worker to leave the waiting phase.
    void wait_for_answer() {
        REQUIRE(till->draw_until("the gateway's final answer", [&] {
            return till->state().screen != Screen::payment_code || form().phase != Phase::waiting;
        }));
    }

    std::optional<actions::CodeOrder> last_order() {
        auto orders = desk->orders_of_day(actions::local_now().substr(0, 10));
        REQUIRE(orders);
        if (orders->empty()) return std::nullopt;
        return orders->back();
    }
};

}  // namespace

TEST_CASE("checkout: a payment code paid at once completes the sale like cash or card") {
    PayingLane paying;
    paying.to_tender();
    paying.till->press(Key::f4);
    REQUIRE(paying.till->state().screen == Screen::payment_code);
    CHECK(paying.form().phase == Phase::entry);
    paying.till->type(wechat_code("00"));
    paying.till->press(Key::enter);
    paying.wait_for_answer();
    const auto& done = paying.till->state().tender.done;
    REQUIRE(paying.till->state().screen == Screen::tender);
    REQUIRE(done.has_value());
    CHECK(done->method == core::TenderMethod::wechat);
    CHECK(done->paid == core::Money::yuan(2));
    CHECK(paying.till->lane().ticket().lines().empty());
    auto order = paying.last_order();
    REQUIRE(order);
    CHECK(order->state == "paid");
    CHECK(order->masked_code == "1346**********0000");
    auto sale = paying.till->lane().find_returnable(std::to_string(done->receipt_no));
    REQUIRE(sale.ok());
    CHECK(sale->sale.total_fen == 200);
    // The receipt names the provider and the gateway's transaction id (参考号), never the code.
    auto files = actions::open_lane(paying.dir.path());
    REQUIRE(files);
    auto record = actions::find_sale_for_receipt(*files->db, std::nullopt, done->receipt_no);
    REQUIRE(record);
    actions::ReceiptOptions options;
    options.profile = drivers::printer::generic_profile(80);
    options.language = "zh_CN";
    auto document = drivers::printer::interpret(actions::receipt_bytes(*record, files->config, options));
    REQUIRE(document);
    std::string text = drivers::printer::to_text(*document, 48);
    CAPTURE(text);
    CHECK(text.find("微信支付") != std::string::npos);
    CHECK(text.find("参考号：" + order->transaction_id) != std::string::npos);
    CHECK(text.find(wechat_code("00")) == std::string::npos);
}

TEST_CASE("checkout: USERPAYING shows the wait, then the customer confirms and the sale completes") {
    PayingLane paying;
    paying.to_tender();
    paying.till->keys("{F4}" + wechat_code("01") + "{Enter}");
    // The code is never on screen whole: only the masked form is kept by the form.
    CHECK(paying.form().code.empty());
    CHECK(paying.form().masked_code == "1346**********0001");
    paying.wait_for_answer();
    REQUIRE(paying.till->state().tender.done.has_value());
    CHECK(paying.till->state().tender.done->method == core::TenderMethod::wechat);
    auto order = paying.last_order();
    REQUIRE(order);
    CHECK(order->state == "paid");
}

TEST_CASE("checkout: Esc while the customer has not confirmed cancels the order, which ends closed") {
    PayingLane paying;
    paying.to_tender();
    paying.till->keys("{F4}" + wechat_code("02") + "{Enter}");
    REQUIRE(paying.till->draw_until("USERPAYING on screen", [&] { return paying.form().state == "waiting"; }));
    CHECK(paying.form().phase == Phase::waiting);
    CHECK(paying.form().provider == "wechat");
    CHECK(paying.form().amount == core::Money::yuan(2));
    CHECK(paying.form().seconds_left > 0);
    // Nothing else may change the ticket meanwhile: a scan is refused, other keys are not taken.
    paying.till->checkout().scanned(water);
    paying.till->press(Key::f3);
    CHECK(paying.till->lane().ticket().lines().size() == 1);
    CHECK(paying.till->lane().ticket().tenders().empty());
    paying.till->press(Key::escape);
    CHECK(paying.form().cancelling);
    paying.wait_for_answer();
    CHECK(paying.form().phase == Phase::failed);
    CHECK(paying.form().notice.text == paying.till->tr()("paycode.cancelled"));
    auto order = paying.last_order();
    REQUIRE(order);
    CHECK(order->state == "closed");
    // Enter: back to the tender screen, the sale still open, the reason still in view.
    paying.till->press(Key::enter);
    CHECK(paying.till->state().screen == Screen::tender);
    CHECK_FALSE(paying.till->state().tender.done.has_value());
    CHECK(paying.till->state().tender.notice.text == paying.till->tr()("paycode.cancelled"));
    CHECK(paying.till->lane().ticket().lines().size() == 1);
    // And another payment finishes it.
    paying.till->keys("{Enter}");
    CHECK(paying.till->state().tender.done.has_value());
}

TEST_CASE("checkout: a refused code shows the gateway's words and goes back to the tender screen") {
    PayingLane paying;
    paying.to_tender();
    paying.till->keys("{F4}" + wechat_code("03") + "{Enter}");
    paying.wait_for_answer();
    CHECK(paying.form().phase == Phase::failed);
    CHECK(paying.form().notice.tone == ui::Tone::error);
    CHECK(paying.form().notice.detail.find("余额不足") != std::string::npos);
    CHECK(paying.form().notice.detail.find("NOTENOUGH") != std::string::npos);
    auto order = paying.last_order();
    REQUIRE(order);
    CHECK(order->state == "failed");
    paying.till->press(Key::escape);
    CHECK(paying.till->state().screen == Screen::tender);
    CHECK(paying.till->lane().ticket().tenders().empty());
    // The customer shows another code: F4 and a USB scan of it pays the sale.
    paying.till->press(Key::f4);
    paying.till->checkout().scanned(wechat_code("00", 1));
    paying.wait_for_answer();
    CHECK(paying.till->state().tender.done.has_value());
}

TEST_CASE("checkout: a bad code gets the classifier's message and stays on the code screen") {
    PayingLane paying;
    paying.to_tender();
    paying.till->keys(std::string("{F4}") + water + "{Enter}");
    CHECK(paying.till->state().screen == Screen::payment_code);
    CHECK(paying.form().phase == Phase::entry);
    CHECK(paying.form().notice.text == paying.till->tr()("paycode.bad_code"));
    CHECK(paying.form().notice.detail.find("product barcode") != std::string::npos);
    CHECK_FALSE(paying.last_order());  // nothing journaled, nothing charged
    // A USB scanner's read of the right code charges it.
    paying.till->checkout().scanned(wechat_code("00"));
    paying.wait_for_answer();
    CHECK(paying.till->state().tender.done.has_value());
}

TEST_CASE("checkout: an amount typed before F4 charges that part to the code, cash pays the rest") {
    PayingLane paying;
    paying.to_tender("3");  // 6.00
    paying.till->keys("2.50{F4}" + wechat_code("00") + "{Enter}");
    paying.wait_for_answer();
    REQUIRE(paying.till->state().screen == Screen::tender);
    CHECK_FALSE(paying.till->state().tender.done.has_value());
    const auto& tenders = paying.till->lane().ticket().tenders();
    REQUIRE(tenders.size() == 1);
    CHECK(tenders[0].method == core::TenderMethod::wechat);
    CHECK(tenders[0].amount == core::Money::fen(250));
    CHECK_FALSE(tenders[0].reference.empty());  // the gateway's transaction id, for the receipt's 参考号
    paying.till->keys("{Enter}");               // exact cash
    const auto& done = paying.till->state().tender.done;
    REQUIRE(done.has_value());
    CHECK(done->total == core::Money::yuan(6));
}

TEST_CASE("checkout: an order the last run left open is settled before anyone logs in") {
    PayingLane paying;
    // Journaled, then the lane "died" before the charge: the next start must close it.
    auto begun = paying.desk->begin(wechat_code("02", 7), core::Money::yuan(3), "S-left-open", actions::local_now());
    REQUIRE(begun);
    paying.start_checkout();
    auto order = paying.last_order();
    REQUIRE(order);
    CHECK(order->out_trade_no == begun->out_trade_no);
    CHECK(order->state == "closed");
    CHECK(paying.till->state().login.notice.text == paying.till->tr().format("paycode.settled", 1));
}

TEST_CASE("checkout: with the gateway unreachable at start the settlement screen says so and keeps trying") {
    PayingLane paying;
    auto begun = paying.desk->begin(wechat_code("02", 8), core::Money::yuan(3), "S-left-open", actions::local_now());
    REQUIRE(begun);
    paying.simulator->stop();
    paying.start_checkout(false);
    REQUIRE(paying.till->draw_until("the settlement screen naming the unreachable gateway",
                                    [&] { return paying.till->checkout().settle_view().unreachable; }));
    CHECK(paying.till->checkout().waiting());  // nobody logs in meanwhile: the keys wait
    CHECK(paying.till->checkout().settle_view().out_trade_no == begun->out_trade_no);
    paying.till->keys("1001{Enter}1234{Enter}");
    CHECK(paying.till->state().screen == Screen::login);
    // Closing now leaves the order open, as the journal has it, for the next start.
    paying.till.reset();
    auto order = paying.last_order();
    REQUIRE(order);
    CHECK(order->state != "closed");
}

TEST_CASE("checkout: a return of a sale paid by code is refunded through the gateway and the screen says so") {
    PayingLane paying;
    paying.to_tender("3");
    paying.till->press(Key::f4);
    paying.till->type(wechat_code("00", 40));
    paying.till->press(Key::enter);
    paying.wait_for_answer();
    REQUIRE(paying.till->state().tender.done.has_value());
    int64_t receipt = paying.till->state().tender.done->receipt_no;
    paying.till->press(Key::enter);  // to the next customer
    REQUIRE(paying.till->state().screen == Screen::sale);

    paying.till->keys("{F9}" + std::to_string(receipt) + "{Enter}");
    paying.till->wait_for_lookup();
    paying.till->keys("1{Enter}broken{Enter}9001{Enter}999999{Enter}");
    REQUIRE(paying.till->state().screen == Screen::sale);
    REQUIRE(paying.till->draw_until("the refund's final answer",
                                    [&] { return !paying.till->checkout().payment_running(); }));
    const ui::Notice& notice = paying.till->state().sale.notice;
    CAPTURE(notice.text);
    CAPTURE(notice.detail);
    CHECK(notice.tone == ui::Tone::success);
    auto order = paying.last_order();
    REQUIRE(order);
    pos::paysim::Order at_gateway;
    REQUIRE(paying.simulator->book().query(order->out_trade_no, "2026-12-07 10:00:00", at_gateway));
    REQUIRE(at_gateway.refunds.size() == 1);
    CHECK(at_gateway.refunds[0].fen == 200);  // one bottle of three
}

}  // namespace pos::testing
