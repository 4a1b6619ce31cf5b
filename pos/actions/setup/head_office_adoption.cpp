// The store's record of what it takes from the head office (pos/actions/setup/head_office_adoption.hpp).
#include "pos/actions/setup/head_office_adoption.hpp"

#include <string>

#include "pos/actions/access/store_audit.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/catalog_import.hpp"

namespace pos::actions {

HeadOfficeAdoptionRecorder head_office_adoption_recorder(int64_t via_lane) {
    return [via_lane](db::StoreDb& store,
                      const db::HeadOfficeMasterData& data) -> support::Expected<support::Done, std::string> {
        if (data.catalog_version) {
            auto changes = catalog_changes(store, data.items);
            if (!changes) return changes.error().message;
            (*changes)["version"] = *data.catalog_version;
            if (auto logged = record_store_audit(store,
                                                 {local_now(),
                                                  0,
                                                  "head_office_catalog",
                                                  "head_office",
                                                  {},
                                                  std::to_string(*data.catalog_version),
                                                  std::move(*changes)},
                                                 via_lane);
                !logged) {
                return logged.error().message;
            }
        }
        for (const db::HeadOfficePromotion& promotion : data.promotions) {
            nlohmann::json detail = {{"head_office_id", promotion.hq_id},
                                     {"name", promotion.promotion.name},
                                     {"kind", promotion.promotion.kind},
                                     {"starts_on", promotion.promotion.starts_on},
                                     {"ends_on", promotion.promotion.ends_on}};
            if (auto logged = record_store_audit(store,
                                                 {local_now(),
                                                  0,
                                                  "head_office_promotion",
                                                  "head_office",
                                                  {},
                                                  promotion.promotion.id,
                                                  std::move(detail)},
                                                 via_lane);
                !logged) {
                return logged.error().message;
            }
        }
        return support::Done{};
    };
}

}  // namespace pos::actions
