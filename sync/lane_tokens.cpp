// Issuing and checking lane tokens with libsodium: random bytes in, SHA-256 kept.
#include "sync/lane_tokens.hpp"

#include <array>

#include <sodium.h>

namespace pos::sync {
namespace {

std::string to_hex(const unsigned char* bytes, size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, size);
    hex.pop_back();
    return hex;
}

std::string token_hash(std::string_view token) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return to_hex(digest.data(), digest.size());
}

}  // namespace

db::DbResult<std::string> issue_lane_token(db::StoreDb& store, int64_t lane, const std::string& now) {
    if (sodium_init() < 0) return db::DbError{db::DbErrorCode::other, "libsodium could not start: no token was issued"};
    std::array<unsigned char, 32> random{};
    randombytes_buf(random.data(), random.size());
    std::string token = to_hex(random.data(), random.size());
    if (auto saved = db::save_lane_token_hash(store, lane, token_hash(token), now); !saved) return saved.error();
    return token;
}

db::DbResult<std::optional<int64_t>> lane_for_token(db::StoreDb& store, std::string_view token) {
    if (sodium_init() < 0) return db::DbError{db::DbErrorCode::other, "libsodium could not start"};
    return db::lane_for_token_hash(store, token_hash(token));
}

}  // namespace pos::sync
