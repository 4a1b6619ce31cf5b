// Chain master data flowing down (issue 22): price-change documents made and approved at head office
// (two people), read by each store's role as whole approved documents (docs/head-office.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hq/pg.hpp"

namespace pos::hq {

struct ChainPriceItem {
    std::string sku;
    int64_t new_price_fen = 0;  // per piece, or per kg for a weighed item
};

struct ChainPriceChange {
    int64_t id = 0;
    std::string scope = "chain";  // chain, region or store
    std::string target;           // the region or store id
    std::string effective_on;     // YYYY-MM-DD
    std::string reason;
    std::string created_by;
    std::string approved_by;  // empty until approved
    std::vector<ChainPriceItem> items;
};

// Records a document awaiting approval; returns its id.
[[nodiscard]] PgResult<int64_t> create_chain_price_change(PgConnection& admin, const ChainPriceChange& change);
// A second person approves: not its creator, and only once.
[[nodiscard]] PgResult<ChainPriceChange> approve_chain_price_change(PgConnection& admin, int64_t id,
                                                                    const std::string& by);
[[nodiscard]] PgResult<std::vector<ChainPriceChange>> list_chain_price_changes(PgConnection& admin);

// On a store's own connection: the approved documents for it whose ids are not in `known`, whole.
[[nodiscard]] PgResult<std::vector<ChainPriceChange>> approved_price_changes_for_me(PgConnection& store,
                                                                                    const std::vector<int64_t>& known);

}  // namespace pos::hq
