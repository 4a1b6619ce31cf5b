// [payments]: reading the table, and building a provider's gateway from it.
#include "pos/actions/payments/payment_config.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "payments/alipay_gateway.hpp"
#include "payments/https_client.hpp"
#include "payments/wechat_gateway.hpp"
#include "pos/actions/payments/payment_config_reader.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/toml_fields.hpp"

namespace pos::actions {
namespace {

using core::ErrorCode;
using core::make_error;
namespace fs = std::filesystem;

core::Status read_url(std::string_view source, const toml::table& table, std::string_view prefix, std::string& out) {
    if (auto read = read_string(source, table, "url", prefix, out); !read) return read.error();
    if (out.empty()) return core::Done{};
    if (auto allowed = payments::check_endpoint_url(out); !allowed) {
        return config_error(source, *table.get("url"), fmt::format("{}url", prefix), allowed.error());
    }
    return core::Done{};
}

core::Status require(std::string_view source, const toml::table& table, std::string_view prefix,
                     std::initializer_list<std::pair<const char*, const std::string*>> fields) {
    for (const auto& [key, value] : fields) {
        if (value->empty()) {
            return config_error(source, table, fmt::format("{}{}", prefix, key), "is needed with a url");
        }
    }
    return core::Done{};
}

core::Result<WechatAccount> read_wechat(std::string_view source, const toml::table& table) {
    constexpr std::string_view prefix = "payments.wechat.";
    if (auto keys =
            check_keys(source, table, prefix, {"url", "appid", "mch_id", "key_file", "client_cert", "client_key"});
        !keys) {
        return keys.error();
    }
    WechatAccount account;
    if (auto read = read_url(source, table, prefix, account.url); !read) return read.error();
    for (auto [key, out] : {std::pair{"appid", &account.appid}, std::pair{"mch_id", &account.mch_id},
                            std::pair{"key_file", &account.key_file}, std::pair{"client_cert", &account.client_cert},
                            std::pair{"client_key", &account.client_key}}) {
        if (auto read = read_string(source, table, key, prefix, *out); !read) return read.error();
    }
    if (account.url.empty()) return account;
    if (auto needed =
            require(source, table, prefix,
                    {{"appid", &account.appid}, {"mch_id", &account.mch_id}, {"key_file", &account.key_file}});
        !needed) {
        return needed.error();
    }
    return account;
}

core::Result<AlipayAccount> read_alipay(std::string_view source, const toml::table& table) {
    constexpr std::string_view prefix = "payments.alipay.";
    if (auto keys = check_keys(source, table, prefix, {"url", "app_id", "private_key_file", "public_key_file"});
        !keys) {
        return keys.error();
    }
    AlipayAccount account;
    if (auto read = read_url(source, table, prefix, account.url); !read) return read.error();
    for (auto [key, out] :
         {std::pair{"app_id", &account.app_id}, std::pair{"private_key_file", &account.private_key_file},
          std::pair{"public_key_file", &account.public_key_file}}) {
        if (auto read = read_string(source, table, key, prefix, *out); !read) return read.error();
    }
    if (account.url.empty()) return account;
    if (auto needed = require(source, table, prefix,
                              {{"app_id", &account.app_id},
                               {"private_key_file", &account.private_key_file},
                               {"public_key_file", &account.public_key_file}});
        !needed) {
        return needed.error();
    }
    return account;
}

std::string inside(const std::string& data_dir, const std::string& path) {
    if (path.empty() || fs::path(path).is_absolute()) return path;
    return (fs::path(data_dir) / path).string();
}

// A secret: must exist and be readable by its owner only.
core::Result<std::string> read_secret(const std::string& path, std::string_view what) {
    std::error_code error;
    fs::perms perms = fs::status(path, error).permissions();
    if (error || !fs::exists(path, error)) {
        return make_error(ErrorCode::io, fmt::format("{} {} is missing: check [payments] in pos.toml", what, path));
    }
    if ((perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
        return make_error(ErrorCode::io, fmt::format("{} {} can be read by others: run `chmod 600 {}` (it is a secret)",
                                                     what, path, path));
    }
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    if (!file) return make_error(ErrorCode::io, fmt::format("{} {} cannot be read", what, path));
    return text.str();
}

core::Result<std::string> read_public(const std::string& path, std::string_view what) {
    std::ifstream file(path);
    if (!file) {
        return make_error(ErrorCode::io, fmt::format("{} {} cannot be read: check [payments] in pos.toml", what, path));
    }
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

// Alipay's timestamp, "yyyy-MM-dd HH:mm:ss" in the lane's (China) time.
std::string alipay_timestamp() {
    std::string now = local_now().substr(0, 19);
    if (now.size() > 10) now[10] = ' ';
    return now;
}

}  // namespace

core::Result<PaymentConfig> read_payment_config(std::string_view source, const toml::table& table) {
    constexpr std::string_view prefix = "payments.";
    if (auto keys = check_keys(source, table, prefix,
                               {"wechat", "alipay", "ca_file", "call_timeout_ms", "confirm_seconds", "first_query_ms",
                                "query_every_ms", "cancel_after_ms", "cancel_every_ms"});
        !keys) {
        return keys.error();
    }
    PaymentConfig config;
    if (const toml::table* wechat = table.get_as<toml::table>("wechat")) {
        auto account = read_wechat(source, *wechat);
        if (!account) return account.error();
        config.wechat = *account;
    }
    if (const toml::table* alipay = table.get_as<toml::table>("alipay")) {
        auto account = read_alipay(source, *alipay);
        if (!account) return account.error();
        config.alipay = *account;
    }
    if (auto read = read_string(source, table, "ca_file", prefix, config.ca_file); !read) return read.error();
    core::PaymentTimings& timings = config.timings;
    int64_t confirm_seconds = timings.confirm_limit_ms / 1000;
    for (auto [key, out, low, high] :
         {std::tuple{"call_timeout_ms", &config.call_timeout_ms, int64_t(100), int64_t(60000)},
          std::tuple{"confirm_seconds", &confirm_seconds, int64_t(1), int64_t(300)},
          std::tuple{"first_query_ms", &timings.first_query_ms, int64_t(10), int64_t(60000)},
          std::tuple{"query_every_ms", &timings.query_every_ms, int64_t(10), int64_t(60000)},
          std::tuple{"cancel_after_ms", &timings.cancel_after_ms, int64_t(0), int64_t(60000)},
          std::tuple{"cancel_every_ms", &timings.cancel_every_ms, int64_t(10), int64_t(60000)}}) {
        if (auto read = read_integer(source, table, key, prefix, low, high, *out); !read) return read.error();
    }
    timings.confirm_limit_ms = confirm_seconds * 1000;
    return config;
}

core::Result<std::unique_ptr<payments::Gateway>> make_gateway(const PaymentConfig& config,
                                                              core::PaymentProvider provider,
                                                              const std::string& data_dir,
                                                              const std::string& store_id) {
    payments::Endpoint endpoint;
    endpoint.ca_file = inside(data_dir, config.ca_file);
    endpoint.timeout = std::chrono::milliseconds(config.call_timeout_ms);
    switch (provider) {
        case core::PaymentProvider::wechat: {
            const WechatAccount& account = config.wechat;
            if (account.url.empty()) {
                return make_error(ErrorCode::bad_input,
                                  "微信支付未开通 WeChat Pay is not set up on this lane: take another payment, or ask "
                                  "the technician to fill [payments.wechat] in pos.toml");
            }
            auto key = read_secret(inside(data_dir, account.key_file), "the WeChat Pay API key");
            if (!key) return key.error();
            if (!account.client_key.empty()) {
                auto client_key = read_secret(inside(data_dir, account.client_key), "the WeChat Pay client key");
                if (!client_key) return client_key.error();
            }
            endpoint.base_url = account.url;
            endpoint.client_cert = inside(data_dir, account.client_cert);
            endpoint.client_key = inside(data_dir, account.client_key);
            return std::unique_ptr<payments::Gateway>(std::make_unique<payments::WechatGateway>(
                payments::WechatConfig{account.appid, account.mch_id, trimmed(*key), "127.0.0.1", endpoint}));
        }
        case core::PaymentProvider::alipay: {
            const AlipayAccount& account = config.alipay;
            if (account.url.empty()) {
                return make_error(ErrorCode::bad_input,
                                  "支付宝未开通 Alipay is not set up on this lane: take another payment, or ask the "
                                  "technician to fill [payments.alipay] in pos.toml");
            }
            auto private_key = read_secret(inside(data_dir, account.private_key_file), "the Alipay private key");
            if (!private_key) return private_key.error();
            auto public_key = read_public(inside(data_dir, account.public_key_file), "Alipay's public key");
            if (!public_key) return public_key.error();
            endpoint.base_url = account.url;
            return std::unique_ptr<payments::Gateway>(std::make_unique<payments::AlipayGateway>(payments::AlipayConfig{
                account.app_id, *private_key, *public_key, store_id, endpoint, alipay_timestamp}));
        }
        case core::PaymentProvider::unionpay: break;
    }
    return make_error(
        ErrorCode::bad_input,
        "银联二维码暂不支持 UnionPay QR codes are not taken on this lane: ask the customer for WeChat Pay "
        "or Alipay, or take another payment");
}

}  // namespace pos::actions
