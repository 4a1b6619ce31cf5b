// Chain catalog versions and chain promotions at head office; the stores' read in one snapshot.
#include "hq/chain_catalog.hpp"

#include <set>

namespace pos::hq {
namespace {

constexpr const char* promotion_columns =
    "SELECT id, scope, target, promotion_id, name, starts_on::text, ends_on::text, created_by ";

ChainPromotion promotion_at(const Rows& rows, int i) {
    return {rows.integer(i, 0), rows.text(i, 1), rows.text(i, 2),
            rows.text(i, 3),    rows.text(i, 4), rows.text(i, 5),
            rows.text(i, 6),    rows.text(i, 7), {}};
}

PgResult<support::Done> known_target(PgConnection& admin, const std::string& scope, const std::string& target) {
    if (scope == "chain") return support::Done{};
    auto known = admin.exec(
        scope == "store" ? "SELECT 1 FROM stores WHERE store_id = $1" : "SELECT 1 FROM stores WHERE region = $1",
        {target});
    if (!known) return known.error();
    if (known->size() == 0) return PgError{"no " + scope + " " + target + " in the chain", "22023"};
    return support::Done{};
}

}  // namespace

PgResult<int64_t> add_chain_catalog_version(PgConnection& admin, const ChainCatalogVersion& version) {
    auto made = admin.exec(
        "INSERT INTO chain_catalog_versions (file, items, created_by, catalog) VALUES ($1, $2, $3, $4::jsonb) "
        "RETURNING version",
        {version.file, std::to_string(version.items), version.created_by, version.catalog});
    if (!made) return made.error();
    return made->integer(0, 0);
}

PgResult<std::vector<ChainCatalogVersion>> list_chain_catalog_versions(PgConnection& admin) {
    auto rows = admin.exec(
        "SELECT version, file, items, created_by, to_char(created_at, 'YYYY-MM-DD HH24:MI') "
        "FROM chain_catalog_versions ORDER BY version");
    if (!rows) return rows.error();
    std::vector<ChainCatalogVersion> versions;
    for (int i = 0; i < rows->size(); ++i) {
        versions.push_back(
            {rows->integer(i, 0), rows->text(i, 1), rows->integer(i, 2), rows->text(i, 3), rows->text(i, 4), {}});
    }
    return versions;
}

PgResult<int64_t> add_chain_promotion(PgConnection& admin, const ChainPromotion& promotion) {
    if (auto known = known_target(admin, promotion.scope, promotion.target); !known) return known.error();
    auto made = admin.exec(
        "INSERT INTO chain_promotions (scope, target, promotion_id, name, starts_on, ends_on, created_by, promotion) "
        "VALUES ($1, $2, $3, $4, $5::date, $6::date, $7, $8::jsonb) RETURNING id",
        {promotion.scope, promotion.target, promotion.promotion_id, promotion.name, promotion.starts_on,
         promotion.ends_on, promotion.created_by, promotion.promotion});
    if (!made) return made.error();
    return made->integer(0, 0);
}

PgResult<std::vector<ChainPromotion>> list_chain_promotions(PgConnection& admin) {
    auto rows = admin.exec(std::string(promotion_columns) + "FROM chain_promotions ORDER BY id");
    if (!rows) return rows.error();
    std::vector<ChainPromotion> promotions;
    for (int i = 0; i < rows->size(); ++i) promotions.push_back(promotion_at(*rows, i));
    return promotions;
}

PgResult<ChainMasterData> master_data_for_me(PgConnection& store, int64_t have_version,
                                             const std::vector<int64_t>& known) {
    // One snapshot: a catalog version and promotions added meanwhile are seen together or not at all.
    if (auto begun = store.script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !begun) return begun.error();
    auto read = [&]() -> PgResult<ChainMasterData> {
        ChainMasterData data;
        auto newest = store.exec(
            "SELECT version, file, items, created_by, created_at::text, catalog::text FROM chain_catalog_versions "
            "WHERE version > $1 ORDER BY version DESC LIMIT 1",
            {std::to_string(have_version)});
        if (!newest) return newest.error();
        if (newest->size() == 1) {
            data.catalog = ChainCatalogVersion{newest->integer(0, 0), newest->text(0, 1), newest->integer(0, 2),
                                               newest->text(0, 3),    newest->text(0, 4), newest->text(0, 5)};
        }
        // Row-level security shows this store only the promotions for the chain, its region or itself.
        auto rows = store.exec(std::string(promotion_columns) + ", promotion::text FROM chain_promotions ORDER BY id");
        if (!rows) return rows.error();
        std::set<int64_t> have(known.begin(), known.end());
        for (int i = 0; i < rows->size(); ++i) {
            if (have.contains(rows->integer(i, 0))) continue;
            ChainPromotion promotion = promotion_at(*rows, i);
            promotion.promotion = rows->text(i, 8);
            data.promotions.push_back(std::move(promotion));
        }
        return data;
    };
    auto data = read();
    (void)store.script(data ? "COMMIT" : "ROLLBACK");
    return data;
}

}  // namespace pos::hq
