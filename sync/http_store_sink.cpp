// The lane side of pos-store: one POST per batch, one GET for a newer catalog, with cpp-httplib.
#include "sync/http_store_sink.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/ssl.h>

#include "sync/audit_protocol.hpp"
#include "sync/certificate_pin.hpp"
#include "sync/directory_protocol.hpp"
#include "sync/store_protocol.hpp"
#include "sync/store_url.hpp"

namespace pos::sync {
namespace {

std::string explain(httplib::Error error) {
    switch (error) {
        case httplib::Error::Connection: return "nothing answers at that address";
        case httplib::Error::ConnectionTimeout: return "no answer to the connection within the timeout";
        case httplib::Error::Read: return "the connection broke or timed out while waiting for the answer";
        case httplib::Error::Write: return "the connection broke while sending";
        case httplib::Error::SSLConnection: return "the TLS handshake failed";
        default: return httplib::to_string(error);
    }
}

struct Answer {
    int status = 0;
    std::string body;
};

// Sends one request to pos-store with the lane's token and timeouts; a network failure is
// DbErrorCode::unreachable, an answer other than 200, 204 or one of `also_answers` the store's own error.
db::DbResult<Answer> exchange(const HttpStoreOptions& options,
                              const std::function<httplib::Result(httplib::Client&, const httplib::Headers&)>& send,
                              std::initializer_list<int> also_answers = {}) {
    if (auto refused = refuse_store_url(options.url, options.pin)) {
        return db::DbError{db::DbErrorCode::cant_open,
                           fmt::format("[store_database] url: {}: fix it in pos.toml", *refused)};
    }
    httplib::Client client(options.url);
    if (!client.is_valid()) {
        return db::DbError{db::DbErrorCode::cant_open,
                           fmt::format("the store_database url \"{}\" is not a valid https:// "
                                       "address: fix it in pos.toml",
                                       options.url)};
    }
    // The pin decides, not a CA or a name: httplib's own verification is off so ours runs.
    PinCheck pin{normalize_pin(options.pin).value_or(""), {}};
    if (SSL_CTX* context = client.ssl_context()) {
        client.enable_server_certificate_verification(false);
        require_pin(context, &pin);
    }
    auto split = [](std::chrono::milliseconds ms) { return std::pair{ms.count() / 1000, (ms.count() % 1000) * 1000}; };
    auto [connect_s, connect_us] = split(options.connect_timeout);
    auto [read_s, read_us] = split(options.read_timeout);
    client.set_connection_timeout(connect_s, connect_us);
    client.set_read_timeout(read_s, read_us);
    client.set_write_timeout(read_s, read_us);
    httplib::Result response = send(client, {{"Authorization", "Bearer " + options.token}});
    if (!response && !pin.seen.empty() && pin.seen != pin.expected) {
        return db::DbError{db::DbErrorCode::refused,
                           fmt::format("the server at {} is not this store's pos-store: its certificate's pin is {}, "
                                       "pos.toml ([store_database] pin) expects {}. Nothing was sent to it, not the "
                                       "token nor a record; the records wait. If the store's certificate was "
                                       "renewed, copy the new pin from `pos-store tls show` on the store server",
                                       options.url, pin.seen, pin.expected)};
    }
    if (!response) {
        return db::DbError{db::DbErrorCode::unreachable,
                           fmt::format("pos-store at {} cannot be reached ({}): the lane keeps selling and its records "
                                       "wait; check that pos-store runs on the store server and the network",
                                       options.url, explain(response.error()))};
    }
    // 409 (a conflict kept aside at the store) still acknowledges the batch, in its body.
    bool acknowledges = response->status == 409 && response->body.find("\"acknowledged\"") != std::string::npos;
    bool expected = std::find(also_answers.begin(), also_answers.end(), response->status) != also_answers.end();
    if (response->status != 200 && response->status != 204 && !acknowledges && !expected)
        return decode_error(response->body, response->status);
    return Answer{response->status, response->body};
}

}  // namespace

db::DbResult<std::vector<db::Acknowledged>> HttpStoreSink::deliver(
    const std::vector<db::OutboxRecord>& batch, const std::string& /*now: the store stamps receipt*/) {
    std::string body = encode_batch(Batch{options_.lane, batch});
    auto answer = exchange(options_, [&](httplib::Client& client, const httplib::Headers& headers) {
        return client.Post(std::string(batch_path), headers, body, "application/json");
    });
    if (!answer) return answer.error();
    return decode_acknowledgements(answer->body);
}

db::DbResult<std::optional<db::CatalogSnapshot>> HttpStoreSink::catalog_if_newer(const db::CatalogVersion& have) {
    // Store ids are hex, so they need no escaping in the query.
    std::string path = fmt::format("{}?store={}&have={}", catalog_path, have.store_id, have.number);
    auto answer = exchange(
        options_, [&](httplib::Client& client, const httplib::Headers& headers) { return client.Get(path, headers); });
    if (!answer) return answer.error();
    if (answer->status == 204) return std::optional<db::CatalogSnapshot>{};
    auto catalog = decode_catalog(answer->body);
    if (!catalog) return catalog.error();
    return std::optional<db::CatalogSnapshot>(std::move(*catalog));
}

db::DbResult<db::DirectorySnapshot> HttpStoreSink::directory_if_newer(const db::DirectoryVersion& have) {
    std::string path = std::string(directory_path) + directory_query_string(have);
    auto answer = exchange(
        options_, [&](httplib::Client& client, const httplib::Headers& headers) { return client.Get(path, headers); });
    if (!answer) return answer.error();
    if (answer->status == 204) return db::DirectorySnapshot{have.store_id, {}, {}, {}, {}};
    return decode_directory(answer->body);
}

db::DbResult<std::optional<int64_t>> HttpStoreSink::unresolved_kept_aside() {
    auto answer = exchange(options_, [&](httplib::Client& client, const httplib::Headers& headers) {
        return client.Get(std::string(kept_aside_path), headers);
    });
    if (!answer) return answer.error();
    auto count = decode_unresolved_kept_aside(answer->body);
    if (!count) return count.error();
    return std::optional<int64_t>(*count);
}

db::DbResult<db::SaleForReturn> fetch_sale_for_return(const HttpStoreOptions& options, const db::SaleQuery& query) {
    std::string path = std::string(sales_path) + db::sale_query_string(query);
    auto answer = exchange(
        options, [&](httplib::Client& client, const httplib::Headers& headers) { return client.Get(path, headers); });
    if (!answer) return answer.error();
    return db::decode_sale_for_return(answer->body);
}

db::DbResult<PinAtStore> change_pin_at_store(const HttpStoreOptions& options, const std::string& operator_id,
                                             const std::string& old_pin, const std::string& new_pin) {
    std::string body = nlohmann::json{{"operator", operator_id}, {"old_pin", old_pin}, {"new_pin", new_pin}}.dump();
    auto answer = exchange(
        options,
        [&](httplib::Client& client, const httplib::Headers& headers) {
            return client.Post(std::string(pin_path), headers, body, "application/json");
        },
        {pin_refused_bad_request, pin_refused_wrong, pin_refused_unknown, pin_refused_locked, pin_refused_busy});
    if (!answer) return answer.error();
    if (answer->status == 200) return PinAtStore{200, {}};
    return PinAtStore{answer->status, decode_error(answer->body, answer->status).message};
}

db::DbResult<db::StoreAuditCopy> fetch_store_audit(const HttpStoreOptions& options) {
    auto answer = exchange(options, [&](httplib::Client& client, const httplib::Headers& headers) {
        return client.Get(std::string(audit_path), headers);
    });
    if (!answer) return answer.error();
    return decode_store_audit(answer->body);
}

}  // namespace pos::sync
