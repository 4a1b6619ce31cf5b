// Promotions between their stored form, the pure engine and the files a manager writes
// (posctl promo add): conversions, the lane's current set, and the JSON file reader.
#pragma once

#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/shared/promotion_rows.hpp"
#include "db/store/store_db.hpp"
#include "pos/core/promotions.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

[[nodiscard]] core::Result<core::Promotion> to_promotion(const db::PromotionRecord& record);
[[nodiscard]] db::PromotionRecord to_promotion_record(const core::Promotion& promotion);
// Every promotion stored in this database (lane.db's copy or store.db's master).
[[nodiscard]] core::Result<std::vector<core::Promotion>> load_promotions(db::LaneDb& lane);
[[nodiscard]] core::Result<std::vector<core::Promotion>> load_promotions(db::StoreDb& store);

// A JSON file of one promotion or a list of them, each checked (core::check_promotion):
// {"id":"P1","name":"可乐特价","kind":"price","starts":"2026-11-20","ends":"2026-11-30","skus":["100001"],"price":"2.50"}
// multi_buy/mix_match take "buy" (and "free"), department_percent "department" and "percent".
[[nodiscard]] core::Result<std::vector<core::Promotion>> parse_promotions_json(const std::string& text);

}  // namespace pos::actions
