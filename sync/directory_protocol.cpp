// JSON of the users and members flow-down between pos-store and a lane.
#include "sync/directory_protocol.hpp"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pos::sync {

using nlohmann::json;

namespace {

db::DbError malformed(std::string_view detail) {
    return db::DbError{
        db::DbErrorCode::other,
        fmt::format("pos-store: the users and members answer is not valid JSON of the expected shape ({})", detail)};
}

std::optional<int64_t> number_of(std::string_view text) {
    int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

}  // namespace

std::string encode_directory(const db::DirectorySnapshot& snapshot) {
    json out = {{"store_id", snapshot.store_id}};
    if (snapshot.users_version) {
        json users = json::array();
        for (const db::UserRecord& user : snapshot.users) {
            users.push_back({{"operator", user.operator_id},
                             {"name", user.name},
                             {"role", user.role},
                             {"pin_hash", user.pin_hash},
                             {"active", user.active}});
        }
        out["users"] = {{"version", *snapshot.users_version}, {"list", users}};
    }
    if (snapshot.members_version) {
        json members = json::array();
        for (const db::MemberRecord& member : snapshot.members) {
            members.push_back({{"card", member.card},
                               {"phone", member.phone},
                               {"name", member.name},
                               {"limit_fen", member.limit_fen},
                               {"balance_fen", member.balance_fen},
                               {"created_at", member.created_at}});
        }
        out["members"] = {{"version", *snapshot.members_version}, {"list", members}};
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

db::DbResult<db::DirectorySnapshot> decode_directory(std::string_view body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return malformed("not a JSON object");
    try {
        db::DirectorySnapshot snapshot;
        snapshot.store_id = parsed.at("store_id").get<std::string>();
        if (parsed.contains("users")) {
            const json& users = parsed["users"];
            snapshot.users_version = users.at("version").get<int64_t>();
            for (const json& user : users.at("list")) {
                snapshot.users.push_back(
                    db::UserRecord{user.at("operator").get<std::string>(), user.at("name").get<std::string>(),
                                   user.at("role").get<std::string>(), user.at("pin_hash").get<std::string>(),
                                   user.at("active").get<bool>()});
            }
        }
        if (parsed.contains("members")) {
            const json& members = parsed["members"];
            snapshot.members_version = members.at("version").get<int64_t>();
            for (const json& member : members.at("list")) {
                snapshot.members.push_back(db::MemberRecord{
                    member.at("card").get<std::string>(), member.at("phone").get<std::string>(),
                    member.at("name").get<std::string>(), member.at("limit_fen").get<int64_t>(),
                    member.at("balance_fen").get<int64_t>(), member.at("created_at").get<std::string>()});
            }
        }
        return snapshot;
    } catch (const json::exception& error) {
        return malformed(error.what());
    }
}

std::string directory_query_string(const db::DirectoryVersion& have) {
    // Store ids are hex, so they need no escaping in the query.
    return fmt::format("?store={}&users={}&members={}", have.store_id, have.users, have.members);
}

db::DbResult<db::DirectoryVersion> directory_version_of(std::string_view store_id, std::string_view users,
                                                        std::string_view members) {
    auto users_number = number_of(users);
    auto members_number = number_of(members);
    if (!users_number || !members_number) {
        return db::DbError{
            db::DbErrorCode::other,
            "pos-store: ?users= and ?members= must be the lane's versions of the users and members, numbers"};
    }
    return db::DirectoryVersion{std::string(store_id), *users_number, *members_number};
}

}  // namespace pos::sync
