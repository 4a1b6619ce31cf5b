// The lane's audit chain compared with the store's copy (issue #17 point 6): history already sent
// cannot be rewritten on the lane without showing, even by someone who recomputes every hash in
// lane.db, since the store keeps what it received and refuses forks (db/store/audit_anchor.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/store/audit_anchor.hpp"
#include "pos/actions/setup/config.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct AnchorVerdict {
    int64_t lane = 0;
    int64_t lane_records = 0;
    int64_t store_records = 0;
    int64_t not_yet_sent = 0;               // lane records after the store's last: they wait in the outbox
    std::optional<int64_t> differs_at;      // the first record whose lane and store versions differ
    std::string difference;                 // what differs there, for a person
    std::vector<db::KeptAside> kept_aside;  // audit records of this lane the store kept aside
};

// Compares two versions of one lane's chain record by record; pure.
[[nodiscard]] AnchorVerdict compare_with_store(int64_t lane, const std::vector<db::AuditRow>& lane_rows,
                                               const db::StoreAuditCopy& store);

// Reads lane.db's chain and the store's copy (store.db in direct mode, pos-store's GET /v1/audit
// in service mode) and compares them.
[[nodiscard]] core::Result<AnchorVerdict> verify_against_store(db::LaneDb& lane, const std::string& data_dir,
                                                               const LaneConfig& config);

}  // namespace pos::actions
