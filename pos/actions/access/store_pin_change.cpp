// A PIN change at the store in three steps (pos/actions/access/store_pin_change.hpp).
#include "pos/actions/access/store_pin_change.hpp"

#include <chrono>

#include <fmt/format.h>

#include "db/shared/directory_sync.hpp"
#include "db/store/store_pin_locks.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/actions/access/store_audit.hpp"
#include "pos/actions/access/users.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/core/lockout.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;

namespace {

// Lockouts run on the system clock (docs/security.md "Trusted time").
int64_t system_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

core::Error locked_at_store(const std::string& operator_id, const core::PinLock& lock, int64_t now) {
    return make_error(ErrorCode::locked_out,
                      fmt::format("operator {} is locked at the store after {} wrong PINs: try again in {} "
                                  "minutes, or a manager resets the PIN",
                                  operator_id, core::max_wrong_pins, core::minutes_left(lock, now)));
}

core::Result<core::PinLock> store_lock_of(db::StoreDb& store, const std::string& operator_id) {
    auto kept = db::read_store_pin_lock(store, operator_id);
    if (!kept) return storage_error(kept.error());
    return core::PinLock{int(kept->failed), kept->locked_until};
}

core::Status audit_pin(db::StoreDb& store, const std::string& operator_id, const char* kind, nlohmann::json detail,
                       int64_t via_lane) {
    return record_store_audit(store, {local_now(), 0, kind, operator_id, {}, operator_id, std::move(detail)}, via_lane);
}

}  // namespace

core::Result<db::UserRecord> admit_store_pin_change(db::StoreDb& store, const StorePinChange& change,
                                                    const StorePinRules& rules) {
    if (auto number = check_operator_number(change.operator_id); !number) return number.error();
    auto found = db::find_store_user(store, change.operator_id);
    if (!found) return storage_error(found.error());
    if (!*found || !(*found)->active) {
        return make_error(
            ErrorCode::unknown_operator,
            fmt::format("operator {} is not an active operator at the store: nothing was changed", change.operator_id));
    }
    auto lock = store_lock_of(store, change.operator_id);
    if (!lock) return lock.error();
    if (int64_t now = system_seconds(); core::is_locked(*lock, now))
        return locked_at_store(change.operator_id, *lock, now);
    if (auto valid = check_new_pin(change.new_pin, (*found)->role, rules.approver_pin_digits); !valid) {
        return valid.error();
    }
    if (change.old_pin == change.new_pin) {
        return make_error(ErrorCode::bad_input, "the new PIN is the same as the old one: choose another");
    }
    return **found;
}

core::Result<StorePinVerdict> weigh_store_pin_change(const db::UserRecord& admitted, const StorePinChange& change) {
    // The new hash first, whatever the old PIN: a right and a wrong guess cost the same time, and a
    // hash that cannot be made fails before any PIN was checked.
    auto hash = hash_pin(change.new_pin);
    if (!hash) return hash.error();
    if (!verify_pin(change.old_pin, admitted.pin_hash)) return StorePinVerdict{};
    return StorePinVerdict{true, std::move(*hash)};
}

core::Status settle_store_pin_change(db::StoreDb& store, const db::UserRecord& admitted, const StorePinVerdict& verdict,
                                     const StorePinRules& rules, int64_t via_lane) {
    const std::string& operator_id = admitted.operator_id;
    auto transaction = store.begin_transaction();
    if (!transaction) return storage_error(transaction.error());
    auto current = db::find_store_user(store, operator_id);
    if (!current) return storage_error(current.error());
    if (!*current || !(*current)->active || (*current)->pin_hash != admitted.pin_hash) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("operator {} was changed at the store while the PIN was checked: nothing was "
                                      "changed; try again with the PIN in force now",
                                      operator_id));
    }
    auto lock = store_lock_of(store, operator_id);
    if (!lock) return lock.error();
    int64_t now = system_seconds();
    // Another lane's wrong PINs may have locked the operator while this one was weighed.
    if (core::is_locked(*lock, now)) return locked_at_store(operator_id, *lock, now);
    if (!verdict.old_pin_right) {
        core::PinLock next = core::after_wrong_pin(*lock, now, rules.lockout_minutes);
        bool locks = core::is_locked(next, now);
        if (auto saved = db::save_store_pin_lock(store, operator_id, {next.failed, next.locked_until}); !saved)
            return storage_error(saved.error());
        if (auto logged = audit_pin(store, operator_id, "pin_failed", {{"locked", locks}}, via_lane); !logged)
            return logged;
        if (auto committed = transaction->commit(); !committed) return storage_error(committed.error());
        if (locks) {  // still wrong_pin: this one was checked and counted
            return make_error(ErrorCode::wrong_pin,
                              fmt::format("wrong PIN for operator {}: locked at the store for {} minutes (a manager "
                                          "can reset the PIN)",
                                          operator_id, rules.lockout_minutes));
        }
        return make_error(ErrorCode::wrong_pin,
                          fmt::format("wrong PIN for operator {}: nothing was changed ({} more wrong PIN(s) lock it "
                                      "at the store for {} minutes)",
                                      operator_id, core::max_wrong_pins - next.failed, rules.lockout_minutes));
    }
    db::UserRecord changed = **current;
    changed.pin_hash = verdict.new_hash;
    if (auto saved = db::save_store_user(store, changed); !saved) return storage_error(saved.error());
    if (auto cleared = db::save_store_pin_lock(store, operator_id, {}); !cleared) return storage_error(cleared.error());
    if (auto logged = audit_pin(store, operator_id, "pin_change", nlohmann::json::object(), via_lane); !logged)
        return logged;
    if (auto committed = transaction->commit(); !committed) return storage_error(committed.error());
    return core::Done{};
}

}  // namespace pos::actions
