// The lane_tokens table of store.db: token hashes by lane (sync/lane_tokens makes and hashes the tokens).
#include "db/store/lane_tokens.hpp"

namespace pos::db {

DbStatus save_lane_token_hash(StoreDb& store, int64_t lane, const std::string& token_hash, const std::string& now) {
    auto statement = store.connection().prepare(
        "INSERT INTO lane_tokens (lane, token_hash, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT (lane) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at");
    if (!statement) return statement.error();
    if (auto saved = (*statement)->bind(1, lane).bind(2, token_hash).bind(3, now).run(); !saved) {
        return saved.error();
    }
    return support::Done{};
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

DbResult<std::optional<int64_t>> lane_for_token_hash(StoreDb& store, const std::string& token_hash) {
    auto statement = store.connection().prepare("SELECT lane FROM lane_tokens WHERE token_hash = ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, token_hash);
    auto row = query.step();
    if (!row) return row.error();
    std::optional<int64_t> lane;
    if (*row) lane = query.column_int(0);
    query.reset();
    return lane;
}

}  // namespace pos::db
