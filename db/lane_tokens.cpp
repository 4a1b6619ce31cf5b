// Issuing and checking lane tokens with libsodium: random bytes in, SHA-256 kept.
#include "db/lane_tokens.hpp"

#include <array>

#include <sodium.h>

namespace pos::db {
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

DbResult<std::string> issue_lane_token(StoreDb& store, int64_t lane, const std::string& now) {
    if (sodium_init() < 0) return DbError{DbErrorCode::other, "libsodium could not start: no token was issued"};
    std::array<unsigned char, 32> random{};
    randombytes_buf(random.data(), random.size());
    std::string token = to_hex(random.data(), random.size());
    auto statement = store.connection().prepare(
        "INSERT INTO lane_tokens (lane, token_hash, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT (lane) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at");
    if (!statement) return statement.error();
    if (auto saved = (*statement)->bind(1, lane).bind(2, token_hash(token)).bind(3, now).run(); !saved) {
        return saved.error();
    }
    return token;
}

DbResult<bool> revoke_lane_token(StoreDb& store, int64_t lane) {
    auto statement = store.connection().prepare("DELETE FROM lane_tokens WHERE lane = ?");
    if (!statement) return statement.error();
    if (auto deleted = (*statement)->bind(1, lane).run(); !deleted) return deleted.error();
    return store.connection().changes() > 0;
}

DbResult<std::vector<LaneToken>> list_lane_tokens(StoreDb& store) {
    auto statement = store.connection().prepare("SELECT lane, created_at FROM lane_tokens ORDER BY lane");
    if (!statement) return statement.error();
    std::vector<LaneToken> tokens;
    for (;;) {
        auto row = (*statement)->step();
        if (!row) return row.error();
        if (!*row) break;
        tokens.push_back({(*statement)->column_int(0), (*statement)->column_text(1)});
    }
    return tokens;
}

DbResult<std::optional<int64_t>> lane_for_token(StoreDb& store, std::string_view token) {
    if (sodium_init() < 0) return DbError{DbErrorCode::other, "libsodium could not start"};
    auto statement = store.connection().prepare("SELECT lane FROM lane_tokens WHERE token_hash = ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, token_hash(token));
    auto row = query.step();
    if (!row) return row.error();
    std::optional<int64_t> lane;
    if (*row) lane = query.column_int(0);
    query.reset();
    return lane;
}

}  // namespace pos::db
