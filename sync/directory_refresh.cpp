// The users and members flow-down through a store sink: asking the store (direct mode) and
// applying what is newer on the lane.
#include "sync/sync_worker.hpp"

namespace pos::sync {

db::DbResult<db::DirectorySnapshot> DirectStoreSink::directory_if_newer(const db::DirectoryVersion& have) {
    return db::read_directory_if_newer(*store_, have);
}

db::DbResult<bool> refresh_directory(db::LaneDb& lane, StoreSink& store, const std::string& now) {
    auto have = db::applied_directory_version(lane);
    if (!have) return have.error();
    auto newer = store.directory_if_newer(*have);
    if (!newer) return newer.error();
    if (newer->empty()) return false;
    if (auto applied = db::apply_directory_snapshot(lane, *newer, now); !applied) return applied.error();
    // A store that never had a user or member only names itself: recorded, but nothing changed.
    auto carries = [](const std::optional<int64_t>& version, bool has_rows) {
        return version && (*version > 0 || has_rows);
    };
    return carries(newer->users_version, !newer->users.empty()) ||
           carries(newer->members_version, !newer->members.empty());
}

}  // namespace pos::sync
