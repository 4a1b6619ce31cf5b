// The chain catalog and the chain's promotions (issue 22): written at head office as whole
// documents, read by each store's own role, only what is for it (docs/head-office.md). The
// documents are the store protocol's catalog JSON, opaque here: pos-hq checks them with the
// store's rules before they are written, the store decodes them when it adopts them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hq/pg.hpp"

namespace pos::hq {

struct ChainCatalogVersion {
    int64_t version = 0;
    std::string file;
    int64_t items = 0;
    std::string created_by;
    std::string created_at;
    std::string catalog;  // the document; empty in listings
};

struct ChainPromotion {
    int64_t id = 0;
    std::string scope = "chain";  // chain, region or store
    std::string target;           // the region or store id
    std::string promotion_id;     // the id the stores see
    std::string name;
    std::string starts_on, ends_on;  // YYYY-MM-DD, both included
    std::string created_by;
    std::string promotion;  // the document; empty in listings
};

// A new catalog version, whole; returns its number.
[[nodiscard]] PgResult<int64_t> add_chain_catalog_version(PgConnection& admin, const ChainCatalogVersion& version);
[[nodiscard]] PgResult<std::vector<ChainCatalogVersion>> list_chain_catalog_versions(PgConnection& admin);
// A promotion for the chain, a region or a store; returns its number.
[[nodiscard]] PgResult<int64_t> add_chain_promotion(PgConnection& admin, const ChainPromotion& promotion);
[[nodiscard]] PgResult<std::vector<ChainPromotion>> list_chain_promotions(PgConnection& admin);

// What a store has not taken yet, read on its own connection in one snapshot: the newest catalog
// version when newer than `have_version`, and the promotions for it whose numbers are not in `known`.
struct ChainMasterData {
    std::optional<ChainCatalogVersion> catalog;
    std::vector<ChainPromotion> promotions;
};
[[nodiscard]] PgResult<ChainMasterData> master_data_for_me(PgConnection& store, int64_t have_version,
                                                           const std::vector<int64_t>& known);

}  // namespace pos::hq
