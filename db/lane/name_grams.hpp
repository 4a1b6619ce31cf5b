// lane.db's index of the catalog names' character pairs, behind F8 search by part of a name.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/shared/sqlite.hpp"

namespace pos::db {

// The distinct pairs of adjacent non-ASCII characters (UTF-8) in `text`, in order of first
// appearance: "农夫山泉 550ml" gives 农夫, 夫山, 山泉. A name containing a query contains every
// pair of the query, so the items listed under one of its pairs include every match.
[[nodiscard]] std::vector<std::string> name_grams(std::string_view text);

// The distinct non-ASCII characters (UTF-8) of `text`, in order of first appearance: listed in
// item_name_grams too (lane migration 0037), for queries without a pair.
[[nodiscard]] std::vector<std::string> name_characters(std::string_view text);

// Rebuilds item_name_grams (pairs and single characters) from the items table, inside the caller's transaction (a catalog
// replace calls it after writing the items, so both change together or not at all).
[[nodiscard]] DbStatus rebuild_name_grams(Connection& connection);

// Items whose name_zh or name_en contains `query` (`like`: the query escaped for LIKE with
// ESCAPE '\'), as (name_zh, sku), the first `pool` of them in catalog (rowid) order — the same
// rows and order as reading the whole table. Through the index when the query holds a pair of
// non-ASCII characters, or else a non-ASCII character (one Chinese character); a query of Latin
// letters and digits only, or a catalog not yet indexed, by reading the table until `pool` are found.
[[nodiscard]] DbResult<std::vector<std::pair<std::string, std::string>>> names_containing(Connection& connection,
                                                                                          const std::string& query,
                                                                                          const std::string& like,
                                                                                          int64_t pool);

}  // namespace pos::db
