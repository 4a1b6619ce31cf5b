// pos-store against an attacker on the store LAN, end to end: the real pos-store over TLS on
// 127.0.0.1, real lanes (posctl sync), and hostile peers written here: a fake server with another
// certificate at the store's address, a 300 MB body, a gzip bomb, JSON nested 300,000 deep, an
// unknown record kind, slow connections. Each fails safely, says why, and loses nothing.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/support/eventually.hpp"
#include "tests/support/pos_store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"

using nlohmann::json;
using pos::testing::demo_lane_with_store;
using pos::testing::eventually;
using pos::testing::issue_store_token;
using pos::testing::PosStoreProcess;
using pos::testing::ProcessResult;
using pos::testing::read_whole;
using pos::testing::TempDir;
using namespace std::chrono_literals;

namespace {

ProcessResult posctl(const std::string& data, std::vector<std::string> args, const std::string& scratch) {
    args.insert(args.begin(), {POS_POSCTL, "--data", data});
    return pos::testing::run(args, scratch);
}

void sell(const std::string& data, int sales) {
    std::ofstream(data + "/sell.jsonl", std::ios::trunc) << pos::testing::selling_script(sales, true);
    ProcessResult run = posctl(data, {"session", "run", data + "/sell.jsonl"}, data);
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
}

json sync_json(const std::string& data) {
    ProcessResult run = posctl(data, {"sync", "--once", "--format", "json"}, data);
    json out = json::parse(run.out, nullptr, false);
    INFO("posctl sync printed: ", run.out, run.err);
    REQUIRE_FALSE(out.is_discarded());
    out["exit_code"] = run.exit_code;
    return out;
}

int64_t unsent(const std::string& data) {
    return pos::testing::query_count(data + "/lane.db", "SELECT count(*) FROM outbox WHERE synced_at IS NULL");
}

void init_store(const TempDir& dir) {
    REQUIRE(posctl(dir.file("store"), {"init", "--demo"}, dir.path()).exit_code == 0);
}

// pos-store's resident memory, from /proc: what a body it read into memory would show.
int64_t resident_kib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmRSS:")) return std::stoll(line.substr(6));
    }
    return -1;
}

// A client to pos-store that skips the pin: these tests play the attacker, not a lane.
std::unique_ptr<httplib::Client> attacker(int port) {
    auto client = std::make_unique<httplib::Client>("https://127.0.0.1:" + std::to_string(port));
    client->enable_server_certificate_verification(false);
    client->set_read_timeout(20, 0);
    client->set_write_timeout(20, 0);
    return client;
}

std::string error_message(const std::string& body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded()) return body;
    return parsed["error"]["message"].get<std::string>();
}

// 300 MB of zeros, gzip-compressed: about 300 KB that unpacks to 300 MB.
std::string gzip_bomb() {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::vector<unsigned char> zeros(1 << 20, 0);
    std::string out;
    std::vector<unsigned char> buffer(1 << 16);
    for (int mib = 0; mib < 300; ++mib) {
        stream.next_in = zeros.data();
        stream.avail_in = static_cast<uInt>(zeros.size());
        int flush = mib == 299 ? Z_FINISH : Z_NO_FLUSH;
        do {
            stream.next_out = buffer.data();
            stream.avail_out = static_cast<uInt>(buffer.size());
            deflate(&stream, flush);
            out.append(reinterpret_cast<char*>(buffer.data()), buffer.size() - stream.avail_out);
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    return out;
}

// A TCP connection to 127.0.0.1:port that sends one byte of a TLS ClientHello at a time, as a
// slow peer does, until the server closes it or the test stops it.
class SlowConnection {
public:
    explicit SlowConnection(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
        // The pacing is the attack itself (a byte every second, under the server's 5 s read
        // timeout), not a wait for something to happen.
        sender_ = std::jthread([this](std::stop_token stop) {
            const char hello[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03";
            for (size_t i = 0; !stop.stop_requested(); i = (i + 1) % (sizeof(hello) - 1)) {
                if (::send(fd_, hello + i, 1, MSG_NOSIGNAL) != 1) {
                    closed_ = true;
                    return;
                }
                for (int tick = 0; tick < 10 && !stop.stop_requested(); ++tick) std::this_thread::sleep_for(100ms);
            }
        });
    }
    ~SlowConnection() {
        sender_.request_stop();
        sender_.join();
        ::close(fd_);
    }
    SlowConnection(const SlowConnection&) = delete;
    SlowConnection& operator=(const SlowConnection&) = delete;
    [[nodiscard]] bool connected() const { return connected_; }
    // The server closed it: a read sees the end (or a reset), or a send failed.
    [[nodiscard]] bool closed_by_server() {
        if (closed_) return true;
        char byte = 0;
        ssize_t got = ::recv(fd_, &byte, 1, MSG_DONTWAIT);
        return got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
    }

private:
    int fd_ = -1;
    bool connected_ = false;
    std::atomic<bool> closed_{false};
    std::jthread sender_;
};

}  // namespace

TEST_CASE(
    "store TLS: a fake server with another certificate at the store's address gets no token and the "
    "lane keeps its records") {
    signal(SIGPIPE, SIG_IGN);
    TempDir dir;
    init_store(dir);
    auto store = std::make_unique<PosStoreProcess>(dir);
    int port = store->port();
    std::string lane = demo_lane_with_store(dir, 1, store->url(), issue_store_token(dir, 1));
    CHECK(read_whole(lane + "/pos.toml").find("\npin = \"") != std::string::npos);
    store.reset();
    sell(lane, 3);
    int64_t waiting = unsent(lane);
    REQUIRE(waiting > 0);

    // The attacker's server: its own key and certificate (another pos-store's), on the same port.
    ProcessResult made = pos::testing::run({POS_STORE, "--data", dir.file("fake"), "tls", "show"}, dir.path());
    REQUIRE(made.exit_code == 0);
    httplib::SSLServer fake(dir.file("fake/tls/store.crt").c_str(), dir.file("fake/tls/store.key").c_str());
    REQUIRE(fake.is_valid());
    std::mutex seen_mutex;
    std::vector<std::string> seen;  // every Authorization header the fake receives
    fake.set_pre_routing_handler([&](const httplib::Request& request, httplib::Response& response) {
        std::lock_guard lock(seen_mutex);
        seen.push_back(request.method + " " + request.path + " " + request.get_header_value("Authorization"));
        response.set_content(R"({"acknowledged":[]})", "application/json");
        return httplib::Server::HandlerResponse::Handled;
    });
    REQUIRE(fake.bind_to_port("127.0.0.1", port));
    std::thread serving([&] { fake.listen_after_bind(); });
    json refused = sync_json(lane);
    fake.stop();
    serving.join();

    CHECK(refused["exit_code"] == 1);
    CHECK(refused["last_error_code"] == "refused");
    std::string why = refused["last_error"].get<std::string>();
    CHECK(why.find("is not this store's pos-store: its certificate's pin is ") != std::string::npos);
    CHECK(why.find("Nothing was sent to it, not the token nor a record; the records wait") != std::string::npos);
    CHECK(seen.empty());
    CHECK(unsent(lane) == waiting);

    // The real store back at its address: everything waiting arrives.
    PosStoreProcess back(dir, port);
    json drained = sync_json(lane);
    CHECK(drained["exit_code"] == 0);
    CHECK(unsent(lane) == 0);
    CHECK(pos::testing::query_count(dir.file("store/store.db"), "SELECT count(*) FROM sales WHERE lane = 1") ==
          pos::testing::query_count(lane + "/lane.db", "SELECT count(*) FROM sales"));
}

TEST_CASE("store TLS: a lane refuses plain http to another machine and an https url without the pin") {
    TempDir dir;
    std::string lane = demo_lane_with_store(dir, 2, "http://192.0.2.10:8735", std::string(64, '1'));
    ProcessResult plain = posctl(lane, {"sync", "--once"}, dir.path());
    CHECK(plain.exit_code == 2);
    CHECK(plain.err.find("store_database.url: \"http://192.0.2.10:8735\" is plain http to another machine") !=
          std::string::npos);

    std::string config = read_whole(lane + "/pos.toml");
    config = std::regex_replace(config, std::regex("http://192.0.2.10"), "https://192.0.2.10");
    std::ofstream(lane + "/pos.toml", std::ios::trunc) << config;
    ProcessResult no_pin = posctl(lane, {"sync", "--once"}, dir.path());
    CHECK(no_pin.exit_code == 2);
    CHECK(no_pin.err.find("store_database.url: an https url needs the store certificate's pin") != std::string::npos);
}

TEST_CASE("store TLS: token add prints the lane's url, token and pin once, and the key is the owner's only") {
    TempDir dir;
    init_store(dir);
    ProcessResult issued =
        pos::testing::run({POS_STORE, "--data", dir.file("store"), "token", "add", "--lane", "4"}, dir.path());
    REQUIRE(issued.exit_code == 0);
    CHECK(std::regex_match(issued.out, std::regex("\\[store_database\\]\nurl = \"https://<this server>:8735\"\n"
                                                  "token = \"[0-9a-f]{64}\"\npin = \"[0-9a-f]{64}\"\n")));
    CHECK(issued.err.find(issued.out.substr(issued.out.find("token = ") + 9, 64)) == std::string::npos);
    CHECK(issued.out.find(pos::testing::store_pin(dir)) != std::string::npos);
    struct stat key {};
    REQUIRE(::stat(dir.file("store/tls/store.key").c_str(), &key) == 0);
    CHECK((key.st_mode & 0777) == 0600);

    // Rotating makes a new pair and a new pin; the old pair is kept aside.
    std::string old_pin = pos::testing::store_pin(dir);
    ProcessResult rotated = pos::testing::run({POS_STORE, "--data", dir.file("store"), "tls", "rotate"}, dir.path());
    REQUIRE(rotated.exit_code == 0);
    CHECK(rotated.out.find(old_pin) == std::string::npos);
    CHECK(rotated.out.find(pos::testing::store_pin(dir)) != std::string::npos);
    CHECK(read_whole(dir.file("store/tls.previous/store.crt")).find("BEGIN CERTIFICATE") != std::string::npos);
}

TEST_CASE("store TLS: a 300 MB body and a gzip bomb are refused unread, and pos-store's memory does not grow") {
    signal(SIGPIPE, SIG_IGN);
    TempDir dir;
    init_store(dir);
    PosStoreProcess store(dir);
    std::string lane = demo_lane_with_store(dir, 1, store.url(), issue_store_token(dir, 1));
    sell(lane, 2);
    std::string token = read_whole(lane + "/pos.toml");
    token = token.substr(token.find("token = \"") + 9, 64);
    int64_t before = resident_kib(store.pid());
    REQUIRE(before > 0);

    // 300 MB with no token, streamed: the server answers from the head and reads none of it.
    auto client = attacker(store.port());
    const size_t huge = 300'000'000;
    std::string chunk(1 << 16, 'x');
    auto sent = client->Post(
        "/v1/batches", huge,
        [&](size_t offset, size_t, httplib::DataSink& sink) {
            return sink.write(chunk.data(), std::min(chunk.size(), huge - offset));
        },
        "application/json");
    if (sent) CHECK(sent->status == 413);  // or the connection was closed under the upload

    std::string bomb = gzip_bomb();
    CHECK(bomb.size() < 1'000'000);
    auto bombed = attacker(store.port())
                      ->Post("/v1/batches", {{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}}, bomb,
                             "application/json");
    if (bombed) {  // or the connection was closed under the upload: the answer came from the head
        CHECK(bombed->status == 415);
        CHECK(error_message(bombed->body).find("compressed (Content-Encoding)") != std::string::npos);
    }

    int64_t after = resident_kib(store.pid());
    CAPTURE(before);
    CAPTURE(after);
    CHECK(after - before < 32 * 1024);  // far below the 300 MB either would take if read

    std::string logged = read_whole(dir.file("pos-store.err"));
    CHECK(logged.find("was not stored (HTTP 413): the body is 300000000 bytes, over pos-store's limit of 4194304") !=
          std::string::npos);
    CHECK(logged.find("was not stored (HTTP 415): the body is compressed") != std::string::npos);
    // Nothing lost: the lane's sales arrive as ever.
    CHECK(sync_json(lane)["exit_code"] == 0);
    CHECK(unsent(lane) == 0);
}

TEST_CASE(
    "store TLS: JSON nested 300,000 deep and an unknown record kind are refused with 400, the store "
    "keeps serving") {
    TempDir dir;
    init_store(dir);
    PosStoreProcess store(dir);
    std::string lane = demo_lane_with_store(dir, 1, store.url(), issue_store_token(dir, 1));
    std::string token = read_whole(lane + "/pos.toml");
    token = token.substr(token.find("token = \"") + 9, 64);
    httplib::Headers bearer = {{"Authorization", "Bearer " + token}};

    std::string deep = std::string(300000, '[') + std::string(300000, ']');
    auto nested =
        attacker(store.port())
            ->Post("/v1/batches", bearer,
                   R"({"lane":1,"records":[{"seq":1,"kind":"user","ref":"x","payload":"{}","created_at":"t","x":)" +
                       deep + "}]}",
                   "application/json");
    REQUIRE(nested);
    CHECK(nested->status == 400);
    CHECK(error_message(nested->body).find("nests deeper than 64 levels") != std::string::npos);
    auto nested_pin = attacker(store.port())->Post("/v1/pin", bearer, deep, "application/json");
    REQUIRE(nested_pin);
    CHECK(nested_pin->status == 400);
    CHECK(error_message(nested_pin->body).find("nests deeper than 64 levels") != std::string::npos);

    auto unknown =
        attacker(store.port())
            ->Post(
                "/v1/batches", bearer,
                R"({"lane":1,"records":[{"seq":1,"kind":"admin_user","ref":"u-7777","payload":"{\"lane\":1}","created_at":"t"}]})",
                "application/json");
    REQUIRE(unknown);
    CHECK(unknown->status == 400);
    CHECK(error_message(unknown->body).find("record 1 is of kind \"admin_user\", which this store does not take") !=
          std::string::npos);
    CHECK(pos::testing::query_count(dir.file("store/store.db"), "SELECT count(*) FROM received") == 0);

    sell(lane, 1);
    CHECK(sync_json(lane)["exit_code"] == 0);
    CHECK(unsent(lane) == 0);
}

TEST_CASE("store TLS: twelve slow connections do not stop a lane's sync") {
    TempDir dir;
    init_store(dir);
    PosStoreProcess store(dir);
    std::string lane = demo_lane_with_store(dir, 1, store.url(), issue_store_token(dir, 1));
    sell(lane, 2);

    std::vector<std::unique_ptr<SlowConnection>> slow;
    for (int i = 0; i < 12; ++i) {
        slow.push_back(std::make_unique<SlowConnection>(store.port()));
        REQUIRE(slow.back()->connected());
    }
    json synced = sync_json(lane);
    CHECK(synced["exit_code"] == 0);
    CHECK(unsent(lane) == 0);
    // They were all still there, holding a connection each (the limit is 30 s by default).
    CHECK(std::none_of(slow.begin(), slow.end(), [](auto& connection) { return connection->closed_by_server(); }));
}

TEST_CASE(
    "store TLS: connections over the limit for one address are refused at once, slow ones are cut at the "
    "time limit") {
    TempDir dir;
    init_store(dir);
    PosStoreProcess store(dir, 0, {"--max-per-address", "2", "--request-seconds", "2"});
    std::string lane = demo_lane_with_store(dir, 1, store.url(), issue_store_token(dir, 1));
    std::vector<std::unique_ptr<SlowConnection>> slow;
    for (int i = 0; i < 3; ++i) slow.push_back(std::make_unique<SlowConnection>(store.port()));
    CHECK(eventually("pos-store refusing the third connection from one address", [&] {
        return read_whole(dir.file("pos-store.err"))
                   .find("pos-store: a connection from 127.0.0.1 was refused: that address has 2 connections open") !=
               std::string::npos;
    }));
    // Each one still sending, a byte a second, is closed once its 2 s are up.
    CHECK(eventually(
        "the slow connections cut",
        [&] {
            return std::all_of(slow.begin(), slow.end(),
                               [](auto& connection) { return connection->closed_by_server(); });
        },
        30s));
    CHECK(read_whole(dir.file("pos-store.err"))
              .find("pos-store: a connection from 127.0.0.1 was closed: its request was not over within 2 s") !=
          std::string::npos);
    // Then a lane's sync is served as ever.
    sell(lane, 1);
    CHECK(sync_json(lane)["exit_code"] == 0);
    CHECK(unsent(lane) == 0);
}

TEST_CASE(
    "store TLS: POST /v1/pin checks what needs no PIN first, verifies only a change that would go through, "
    "and limits each lane") {
    TempDir dir;
    init_store(dir);
    PosStoreProcess store(dir);
    auto bearer_of = [&](int lane_number) {
        std::string lane = demo_lane_with_store(dir, lane_number, store.url(), issue_store_token(dir, lane_number));
        std::string config = read_whole(lane + "/pos.toml");
        return httplib::Headers{{"Authorization", "Bearer " + config.substr(config.find("token = \"") + 9, 64)}};
    };
    httplib::Headers lane1 = bearer_of(1);
    httplib::Headers lane2 = bearer_of(2);
    auto ask = [&](const httplib::Headers& bearer, const std::string& who, const std::string& old_pin,
                   const std::string& new_pin) {
        auto answer =
            attacker(store.port())
                ->Post("/v1/pin", bearer, json{{"operator", who}, {"old_pin", old_pin}, {"new_pin", new_pin}}.dump(),
                       "application/json");
        REQUIRE(answer);
        return std::pair{answer->status, answer->status == 200 ? answer->body : error_message(answer->body)};
    };
    std::string store_db = dir.file("store/store.db");
    auto store_count = [&](const std::string& sql) { return pos::testing::query_count(store_db, sql); };

    // Refused before any PIN is looked at: the right old PIN and a wrong one get the same answer,
    // so a bad new PIN confirms nothing, and nothing is counted.
    for (const char* old_pin : {"1234", "0000"}) {
        auto [status, why] = ask(lane1, "1001", old_pin, "12");
        CHECK(status == 400);
        CHECK(why == "the PIN must be 4 to 8 digits");
    }
    CHECK(ask(lane1, "9001", "999999", "4321").second == "the PIN of a supervisor must be 6 to 8 digits");
    CHECK(ask(lane1, "1001", "1234", "1234").second == "the new PIN is the same as the old one: choose another");
    CHECK(ask(lane1, "10x1", "1234", "4321").second == "the operator number must be 4 to 8 digits");
    CHECK(ask(lane1, "4242", "1234", "4321").first == 404);
    CHECK(store_count("SELECT count(*) FROM store_audit WHERE kind IN ('pin_failed', 'pin_change')") == 0);
    CHECK(store_count("SELECT count(*) FROM store_pin_locks") == 0);

    // Ten checks from lane 1 within ten minutes, then 429 whoever is asked; lane 2 is not held up.
    for (int i = 0; i < 4; ++i) CHECK(ask(lane1, "1001", "0000", "4321").first == 403);
    for (int i = 0; i < 4; ++i) CHECK(ask(lane1, "9001", "000000", "654321").first == 403);
    for (int i = 0; i < 2; ++i) CHECK(ask(lane1, "8801", "000000", "654321").first == 403);
    auto [limited, limited_why] = ask(lane1, "8801", "888888", "654321");
    CHECK(limited == 429);
    CHECK(limited_why.starts_with("lane 1 asked for 10 PIN changes within 10 minutes"));
    CHECK(store_count("SELECT count(*) FROM store_audit WHERE kind = 'pin_failed'") == 10);

    // Five wrong PINs lock 1002 at the store, the fifth still answered as checked (403); then even
    // the right one is refused unchecked (423); a manager's reset there lifts the lock.
    for (int i = 0; i < 4; ++i) CHECK(ask(lane2, "1002", "0000", "5432").first == 403);
    auto [locking, locking_why] = ask(lane2, "1002", "0000", "5432");
    CHECK(locking == 403);
    CHECK(locking_why.find("locked at the store for 15 minutes") != std::string::npos);
    auto [locked, locked_why] = ask(lane2, "1002", "2345", "5432");
    CHECK(locked == 423);
    CHECK(locked_why.starts_with("operator 1002 is locked at the store after 5 wrong PINs"));
    ProcessResult reset = pos::testing::run_with_input(
        {POS_POSCTL, "--data", dir.file("store"), "user", "reset-pin", "1002", "--store", "--manager", "8801"},
        "888888\n6789\n", dir.path());
    CAPTURE(reset.err);
    REQUIRE(reset.exit_code == 0);
    CHECK(store_count("SELECT count(*) FROM store_pin_locks WHERE operator = '1002' AND failed = 0 AND "
                      "locked_until IS NULL") == 1);
    CHECK(ask(lane2, "1002", "6789", "5432").first == 200);
    CHECK(store_count("SELECT count(*) FROM store_audit WHERE kind = 'pin_change' AND actor = '1002'") == 1);
    CHECK(pos::testing::run({POS_POSCTL, "--data", dir.file("store"), "audit", "verify", "--store"}, dir.path())
              .exit_code == 0);
}
