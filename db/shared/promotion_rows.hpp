// Promotions as stored: the promotions/promotion_items tables, the same shape in store.db (the
// master) and lane.db (the copy that came down with the catalog).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/shared/sqlite.hpp"

namespace pos::db {

class LaneDb;
class StoreDb;

struct PromotionRecord {
    std::string id;
    std::string name;
    std::string kind;       // price, multi_buy, mix_match, member_price, department_percent
    std::string starts_on;  // YYYY-MM-DD
    std::string ends_on;    // YYYY-MM-DD, inclusive
    std::string department;
    int64_t price_fen = 0;
    int64_t buy_qty = 0;
    int64_t free_qty = 0;
    int64_t percent = 0;
    std::vector<std::string> skus;
};

// Every promotion with its items, ordered by id.
[[nodiscard]] DbResult<std::vector<PromotionRecord>> read_promotions(Connection& connection);
[[nodiscard]] DbResult<std::vector<PromotionRecord>> read_promotions(LaneDb& lane);
[[nodiscard]] DbResult<std::vector<PromotionRecord>> read_promotions(StoreDb& store);
// Inserts or replaces one promotion and its items; the caller holds the transaction.
[[nodiscard]] DbStatus write_promotion(Connection& connection, const PromotionRecord& promotion);
// Replaces every promotion (the lane's copy); the caller holds the transaction.
[[nodiscard]] DbStatus write_promotions(Connection& connection, const std::vector<PromotionRecord>& promotions);

}  // namespace pos::db
