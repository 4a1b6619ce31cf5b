// A catalog import as an audited act at the store: who imported it (core::Action::catalog_import)
// and every price it changed, old and new, in the store's own audit chain.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pos/actions/lane.hpp"
#include "pos/actions/setup/store_setup.hpp"

namespace pos::actions {

// What the import would change against store.db's catalog: items added and removed (skus) and
// each price changed, {"sku","name","old","new"} (per piece, or per kg for weighed items).
[[nodiscard]] core::Result<nlohmann::json> catalog_changes(db::StoreDb& store,
                                                           const std::vector<core::CatalogItem>& items);
// The same for the head office's chain catalog (store.db's rows).
[[nodiscard]] core::Result<nlohmann::json> catalog_changes(db::StoreDb& store,
                                                           const std::vector<db::ItemRecord>& items);

// Refused once the store takes the head office's chain catalog (docs/head-office.md): items,
// barcodes and departments are then the chain's to change.
[[nodiscard]] core::Status local_catalog_import_allowed(const std::string& data_dir, OpenLane& lane);

// Checks `by` (a manager; none needed while the lane has no operator at all), installs the
// catalog and records "catalog_import" with the changes in the store's chain.
[[nodiscard]] core::Status import_catalog(const std::string& data_dir, OpenLane& lane,
                                          const std::vector<core::CatalogItem>& items, const Approval& by,
                                          const std::string& file, const CatalogProgress& progress = {});

}  // namespace pos::actions
