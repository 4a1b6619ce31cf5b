// Reading the store's users and members with their versions; applying them on the lane.
#include "db/shared/directory_sync.hpp"

#include "db/shared/catalog_sync.hpp"

namespace pos::db {
namespace {

DbResult<std::vector<UserRecord>> read_users(Connection& connection, const std::string& where,
                                             const std::string& value) {
    auto statement = connection.prepare("SELECT operator, name, role, pin_hash, active FROM users " + where);
    if (!statement) return statement.error();
    Statement& query = **statement;
    if (!value.empty()) query.bind(1, value);
    std::vector<UserRecord> users;
    auto read = each_row(query, [&](const Statement& row) {
        users.push_back(UserRecord{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                                   row.column_int(4) != 0});
    });
    if (!read) return read.error();
    return users;
}

DbResult<std::pair<int64_t, int64_t>> read_versions(Connection& connection, const std::string& table) {
    auto statement = connection.prepare("SELECT kind, version FROM " + table);
    if (!statement) return statement.error();
    std::pair<int64_t, int64_t> versions{0, 0};
    auto read = each_row(**statement, [&](const Statement& row) {
        (row.column_text(0) == "users" ? versions.first : versions.second) = row.column_int(1);
    });
    if (!read) return read.error();
    return versions;
}

DbStatus apply_users(Connection& connection, const std::vector<UserRecord>& users) {
    // A PIN reset at the store lifts this lane's lockout of that operator, as a reset on the lane does.
    auto statement = connection.prepare(
        "INSERT INTO users (operator, name, role, pin_hash, active, source) VALUES (?, ?, ?, ?, ?, 'store') "
        "ON CONFLICT (operator) DO UPDATE SET name = excluded.name, role = excluded.role, active = excluded.active, "
        "source = 'store', "
        "failed_pins = CASE WHEN users.pin_hash = excluded.pin_hash THEN users.failed_pins ELSE 0 END, "
        "locked_until = CASE WHEN users.pin_hash = excluded.pin_hash THEN users.locked_until ELSE '' END, "
        "pin_hash = excluded.pin_hash");
    if (!statement) return statement.error();
    for (const UserRecord& user : users) {
        if (auto saved = (**statement)
                             .bind(1, user.operator_id)
                             .bind(2, user.name)
                             .bind(3, user.role)
                             .bind(4, user.pin_hash)
                             .bind(5, int64_t(user.active))
                             .run();
            !saved) {
            return saved;
        }
    }
    return support::Done{};
}

DbStatus apply_members(Connection& connection, const std::vector<MemberRecord>& members) {
    auto upsert = connection.prepare(
        "INSERT INTO members (card, phone, name, limit_fen, balance_fen, created_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (card) DO UPDATE SET phone = excluded.phone, name = excluded.name, "
        "limit_fen = excluded.limit_fen, balance_fen = excluded.balance_fen");
    if (!upsert) return upsert.error();
    // The store's balance does not hold this lane's account sales still in the outbox: add them,
    // so a lane never offers credit it has already used.
    auto pending = connection.prepare(
        "UPDATE members SET balance_fen = balance_fen + (SELECT coalesce(sum(m.amount_fen), 0) FROM member_movements m "
        "JOIN outbox o ON o.kind = 'member_movement' AND o.ref = m.id WHERE o.synced_at IS NULL AND m.card = "
        "members.card) "
        "WHERE card = ?");
    if (!pending) return pending.error();
    for (const MemberRecord& member : members) {
        if (auto saved = (**upsert)
                             .bind(1, member.card)
                             .bind(2, member.phone)
                             .bind(3, member.name)
                             .bind(4, member.limit_fen)
                             .bind(5, member.balance_fen)
                             .bind(6, member.created_at)
                             .run();
            !saved) {
            return saved;
        }
        if (auto added = (**pending).bind(1, member.card).run(); !added) return added;
    }
    return support::Done{};
}

DbStatus record_applied(Connection& connection, const std::string& kind, const std::string& store_id, int64_t version,
                        const std::string& now) {
    auto statement =
        connection.prepare("UPDATE directory_applied SET store_id = ?, version = ?, applied_at = ? WHERE kind = ?");
    if (!statement) return statement.error();
    return (**statement).bind(1, store_id).bind(2, version).bind(3, now).bind(4, kind).run();
}

}  // namespace

DbResult<DirectoryVersion> store_directory_version(StoreDb& store) {
    auto catalog = store_catalog_version(store);
    if (!catalog) return catalog.error();
    auto versions = read_versions(store.connection(), "directory_versions");
    if (!versions) return versions.error();
    return DirectoryVersion{catalog->store_id, versions->first, versions->second};
}

DbResult<DirectorySnapshot> read_directory_if_newer(StoreDb& store, const DirectoryVersion& have) {
    // A read transaction: the versions and the lists come from the same moment.
    if (auto begun = store.connection().exec("BEGIN"); !begun) return begun.error();
    auto read = [&]() -> DbResult<DirectorySnapshot> {
        auto current = store_directory_version(store);
        if (!current) return current.error();
        bool same_store = current->store_id == have.store_id;
        DirectorySnapshot snapshot;
        snapshot.store_id = current->store_id;
        if (!same_store || current->users > have.users) {
            auto users = read_users(store.connection(), "ORDER BY operator", {});
            if (!users) return users.error();
            snapshot.users_version = current->users;
            snapshot.users = std::move(*users);
        }
        if (!same_store || current->members > have.members) {
            auto members = all_members(store.connection());
            if (!members) return members.error();
            snapshot.members_version = current->members;
            snapshot.members = std::move(*members);
        }
        return snapshot;
    };
    auto snapshot = read();
    (void)store.connection().exec("COMMIT");
    return snapshot;
}

DbResult<DirectoryVersion> applied_directory_version(LaneDb& lane) {
    auto statement = lane.connection().prepare("SELECT kind, store_id, version FROM directory_applied");
    if (!statement) return statement.error();
    DirectoryVersion version;
    auto read = each_row(**statement, [&](const Statement& row) {
        // Both rows name the same store once a snapshot is applied; before that both are ''.
        if (row.column_text(0) == "users") {
            version.users = row.column_int(2);
            version.store_id = row.column_text(1);
        } else {
            version.members = row.column_int(2);
        }
    });
    if (!read) return read.error();
    return version;
}

DbStatus apply_directory_snapshot(LaneDb& lane, const DirectorySnapshot& snapshot, const std::string& now) {
    if (snapshot.empty()) return support::Done{};
    auto transaction = Transaction::begin(lane.connection());
    if (!transaction) return transaction.error();
    Connection& connection = lane.connection();
    if (snapshot.users_version) {
        if (auto applied = apply_users(connection, snapshot.users); !applied) return applied;
        if (auto recorded = record_applied(connection, "users", snapshot.store_id, *snapshot.users_version, now);
            !recorded) {
            return recorded;
        }
    }
    if (snapshot.members_version) {
        if (auto applied = apply_members(connection, snapshot.members); !applied) return applied;
        if (auto recorded = record_applied(connection, "members", snapshot.store_id, *snapshot.members_version, now);
            !recorded) {
            return recorded;
        }
    }
    return transaction->commit();
}

DbResult<std::vector<UserRecord>> store_users(StoreDb& store) {
    return read_users(store.connection(), "ORDER BY operator", {});
}

DbResult<std::optional<UserRecord>> find_store_user(StoreDb& store, const std::string& operator_id) {
    auto found = read_users(store.connection(), "WHERE operator = ?", operator_id);
    if (!found) return found.error();
    if (found->empty()) return std::optional<UserRecord>{};
    return std::optional<UserRecord>(found->front());
}

DbStatus save_store_user(StoreDb& store, const UserRecord& user) {
    auto statement = store.connection().prepare(
        "INSERT INTO users (operator, name, role, pin_hash, active) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (operator) DO UPDATE SET name = excluded.name, role = excluded.role, "
        "pin_hash = excluded.pin_hash, active = excluded.active");
    if (!statement) return statement.error();
    return (**statement)
        .bind(1, user.operator_id)
        .bind(2, user.name)
        .bind(3, user.role)
        .bind(4, user.pin_hash)
        .bind(5, int64_t(user.active))
        .run();
}

}  // namespace pos::db
