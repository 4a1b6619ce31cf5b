// pos-hq catalog import|list and promotion add|list: the chain's master data, checked with the
// store's own rules (the catalog CSV of `posctl catalog import`, the promotion JSON of `posctl promo
// add`) before anything is written, so a store never receives what it would refuse.
#pragma once

#include <string>

#include "hq/pg.hpp"

namespace pos::hq_cli {

struct PromotionScope {
    std::string region, store;  // both empty: the whole chain
};

[[nodiscard]] int import_chain_catalog(hq::PgConnection& connection, const std::string& file, const std::string& by);
[[nodiscard]] int list_chain_catalog(hq::PgConnection& connection);
[[nodiscard]] int add_chain_promotions(hq::PgConnection& connection, const std::string& file, const std::string& by,
                                       const PromotionScope& scope);
[[nodiscard]] int list_chain_promotions(hq::PgConnection& connection);

}  // namespace pos::hq_cli
