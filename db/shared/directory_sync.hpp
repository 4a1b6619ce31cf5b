// Users and member accounts flow down from the store to the lanes like the catalog: each has a
// version in store.db, bumped (by a trigger) with every change; a lane whose copy is older gets
// the whole list and applies it in one transaction between sales (docs/store-service.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/shared/members.hpp"
#include "db/shared/records.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {

// The versions of the store's users and members a lane has (or the store holds), with the id of
// the store.db they belong to: versions of two stores never compare.
struct DirectoryVersion {
    std::string store_id;
    int64_t users = 0;
    int64_t members = 0;
};

// What a lane needs: the parts that changed since its versions, each whole. Users carry their
// PIN hash (argon2id, as crypto_pwhash_str wrote it), never a PIN.
struct DirectorySnapshot {
    std::string store_id;
    std::optional<int64_t> users_version;  // set when `users` is sent
    std::vector<UserRecord> users;
    std::optional<int64_t> members_version;  // set when `members` is sent
    std::vector<MemberRecord> members;       // balance_fen: what the store knows is owed

    [[nodiscard]] bool empty() const { return !users_version && !members_version; }
};

// The store's id and current versions.
[[nodiscard]] DbResult<DirectoryVersion> store_directory_version(StoreDb& store);
// The parts of the store's directory newer than `have` (all of them for another store's lane),
// read in one transaction; empty() when the lane is current.
[[nodiscard]] DbResult<DirectorySnapshot> read_directory_if_newer(StoreDb& store, const DirectoryVersion& have);

[[nodiscard]] DbResult<DirectoryVersion> applied_directory_version(LaneDb& lane);
// In one transaction: every user sent replaces the lane's (name, role, PIN hash, active); a
// changed PIN hash clears that operator's wrong-PIN count and lockout on this lane, otherwise
// lockout counters stay the lane's. Operators only this lane has are kept. Every member sent
// replaces phone, name and limit; the lane's balance becomes the store's plus this lane's own
// account movements the store has not acknowledged yet. Records the versions applied.
[[nodiscard]] DbStatus apply_directory_snapshot(LaneDb& lane, const DirectorySnapshot& snapshot,
                                                const std::string& now);

// The store's operators (store.db users), by number.
[[nodiscard]] DbResult<std::vector<UserRecord>> store_users(StoreDb& store);
[[nodiscard]] DbResult<std::optional<UserRecord>> find_store_user(StoreDb& store, const std::string& operator_id);
// Inserts or replaces the operator at the store (bumping the users version).
[[nodiscard]] DbStatus save_store_user(StoreDb& store, const UserRecord& user);

}  // namespace pos::db
