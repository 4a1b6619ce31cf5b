// An operator the store keeps changes their own PIN from a lane of a multi-lane store (pos-store's
// POST /v1/pin). Three steps, so that the slow argon2id work runs outside the store's one lock:
// admit (cheap checks, under the lock), weigh (hash the new PIN, then verify the old one, no lock),
// settle (one store transaction: the new hash, or the wrong PIN counted, with its audit record).
// A PIN is only verified when a right one would change it: a checked guess changes the PIN in the
// store's chain or counts toward the store's lockout, unless a manager changed the operator meanwhile.
#pragma once

#include <string>
#include <string_view>

#include "db/shared/records.hpp"
#include "db/store/store_db.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct StorePinRules {
    int approver_pin_digits = 6;
    int64_t lockout_minutes = 15;
};

struct StorePinChange {
    std::string operator_id;
    std::string old_pin;
    std::string new_pin;
};

// What weigh() decided, for settle().
struct StorePinVerdict {
    bool old_pin_right = false;
    std::string new_hash;  // set when old_pin_right
};

// Refuses, without hashing anything, what no PIN could make right: a malformed operator number or
// new PIN, an unknown or disabled operator, one locked at the store, the same PIN twice. Returns
// the operator as stored now: settle() refuses if their PIN changes meanwhile.
[[nodiscard]] core::Result<db::UserRecord> admit_store_pin_change(db::StoreDb& store, const StorePinChange& change,
                                                                  const StorePinRules& rules);
// Pure CPU: no store, no lock.
[[nodiscard]] core::Result<StorePinVerdict> weigh_store_pin_change(const db::UserRecord& admitted,
                                                                   const StorePinChange& change);
// In one transaction: a right old PIN stores the new hash, clears the count and records
// `pin_change`; a wrong one counts (locking at the fifth) and records `pin_failed`.
[[nodiscard]] core::Status settle_store_pin_change(db::StoreDb& store, const db::UserRecord& admitted,
                                                   const StorePinVerdict& verdict, const StorePinRules& rules,
                                                   int64_t via_lane);

}  // namespace pos::actions
