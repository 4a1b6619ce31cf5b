// The checkout by keys on F9 退货: a receipt of this lane looked up, a line's quantity, the
// reason and the supervisor; a refused approval clears the PIN and keeps the cashier on it. The
// lookup runs on a worker: the screen says it waits for a store that does not answer, then shows
// what came back.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "pos/actions/setup/store_setup.hpp"
#include "pos/core/returns.hpp"
#include "tests/checkout/driver.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

using ui::Key;
using ui::Screen;

namespace {

constexpr const char* water = "6921168176748";  // 2.00 in the demo catalog

// Sells three bottles of water for exact cash and goes back to the sale screen; the receipt number.
int64_t sell_three_waters(CheckoutDriver& till) {
    till.keys(std::string(water) + "{Enter}3*{Enter}{Enter}{Enter}");
    REQUIRE(till.state().tender.done.has_value());
    int64_t receipt = till.state().tender.done->receipt_no;
    till.press(Key::enter);  // to the next customer
    REQUIRE(till.state().screen == Screen::sale);
    return receipt;
}

// A loopback port that queues connections and never answers them: a store that hangs until
// close(), which resets what was queued. Closed at once, a port where nothing listens.
class SilentStore {
public:
    SilentStore() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(fd_, 8) == 0);
        socklen_t size = sizeof address;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) == 0);
        url_ = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    }
    ~SilentStore() { close(); }
    SilentStore(const SilentStore&) = delete;
    SilentStore& operator=(const SilentStore&) = delete;
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    [[nodiscard]] const std::string& url() const { return url_; }

private:
    int fd_ = -1;
    std::string url_;
};

// A demo lane in `dir` whose pos.toml sends to pos-store at `url` (service mode) instead of store.db.
std::string demo_lane_asking(const TempDir& dir, const std::string& url) {
    setenv("POS_ASSETS_DIR", POS_SOURCE_DIR "/assets", 1);
    REQUIRE(actions::init_data_dir(dir.path(), true).ok());
    std::string path = dir.path() + "/pos.toml";
    std::stringstream config;
    config << std::ifstream(path).rdbuf();
    std::string edited = std::regex_replace(config.str(), std::regex(R"(\npath = "store.db"[^\n]*)"),
                                            "\nurl = \"" + url + "\"\ntoken = \"" + std::string(64, 'a') + "\"");
    REQUIRE(edited != config.str());
    std::ofstream(path, std::ios::trunc) << edited;
    return dir.path();
}

}  // namespace

TEST_CASE("checkout: F9 finds a receipt of this lane and a refused PIN is typed again before the refund") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    int64_t receipt = sell_three_waters(till);
    till.press(Key::f9);
    REQUIRE(till.state().screen == Screen::returns);
    till.keys(std::to_string(receipt) + "{Enter}");
    till.wait_for_lookup();
    const ui::ReturnForm& form = till.state().returns;
    REQUIRE(form.quantities.size() == 1);
    CHECK(form.field == ui::ReturnForm::Field::quantity);
    till.keys("1{Enter}broken{Enter}9001{Enter}1111{Enter}");
    CHECK(till.state().screen == Screen::returns);
    CHECK(form.notice.tone == ui::Tone::error);
    CHECK(form.pin.empty());
    CHECK(form.approver.text == "9001");
    CHECK(form.field == ui::ReturnForm::Field::pin);
    till.keys("999999{Enter}");
    CHECK(till.state().screen == Screen::sale);
    CHECK(till.state().sale.notice.tone == ui::Tone::success);
    auto sale = till.lane().find_returnable(std::to_string(receipt));
    REQUIRE(sale.ok());
    REQUIRE(sale->lines.size() == 1);
    CHECK(core::returnable_milli(sale->lines[0]) == 2000);  // one of three came back
}

TEST_CASE("checkout: a cashier's number as approver of a return is cleared and asked again") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    int64_t receipt = sell_three_waters(till);
    till.keys("{F9}" + std::to_string(receipt) + "{Enter}");
    till.wait_for_lookup();
    till.keys("1{Enter}broken{Enter}1002{Enter}2345{Enter}");
    const ui::ReturnForm& form = till.state().returns;
    CHECK(till.state().screen == Screen::returns);
    CHECK(form.notice.tone == ui::Tone::error);
    CHECK(form.approver.empty());
    CHECK(form.pin.empty());
    CHECK(form.field == ui::ReturnForm::Field::approver);
}

TEST_CASE("checkout: F9 waits for a store that does not answer, then shows the receipt with the store unasked") {
    SilentStore store;
    TempDir dir;
    CheckoutDriver till(demo_lane_asking(dir, store.url()));
    till.log_in_and_open_shift();
    int64_t receipt = sell_three_waters(till);
    till.keys("{F9}" + std::to_string(receipt) + "{Enter}1{Enter}");
    // The store holds the worker: the screen says so, and the keys typed meanwhile wait.
    const ui::ReturnForm& form = till.state().returns;
    REQUIRE(till.checkout().waiting());
    CHECK(form.looking_up);
    CHECK(form.notice.tone == ui::Tone::info);
    CHECK(form.notice.text == till.tr().format("return.looking_up", std::to_string(receipt)));
    CHECK(form.quantities.empty());
    CHECK(form.receipt.text == std::to_string(receipt));
    store.close();  // the store goes away: its connection is reset and the lane answers alone
    till.wait_for_lookup();
    CHECK_FALSE(form.looking_up);
    CHECK(form.notice.tone == ui::Tone::error);
    CHECK(form.notice.text == till.tr()("return.store_not_asked"));
    REQUIRE(form.quantities.size() == 1);
    CHECK(form.quantities[0].text == "1");  // the keys that waited went to the line found
    CHECK(form.field == ui::ReturnForm::Field::reason);
}

TEST_CASE("checkout: another lane's receipt with the store unreachable is refused after the wait") {
    SilentStore store;
    store.close();  // nothing listens there now: the connection is refused
    TempDir dir;
    CheckoutDriver till(demo_lane_asking(dir, store.url()));
    till.log_in_and_open_shift();
    till.keys("{F9}0200000005{Enter}");
    till.wait_for_lookup();
    const ui::ReturnForm& form = till.state().returns;
    CHECK(till.state().screen == Screen::returns);
    CHECK_FALSE(form.looking_up);
    CHECK(form.notice.tone == ui::Tone::error);
    CHECK(form.notice.text == till.tr()("error.store_unreachable"));
    CHECK(form.receipt.empty());
    CHECK(form.quantities.empty());
}

}  // namespace pos::testing
