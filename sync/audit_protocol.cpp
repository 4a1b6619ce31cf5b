// JSON of the store's copy of a lane's audit chain.
#include "sync/audit_protocol.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pos::sync {

using nlohmann::json;

std::string encode_store_audit(const db::StoreAuditCopy& copy) {
    json records = json::array();
    for (const db::AuditRow& row : copy.records) records.push_back(json::parse(db::audit_payload(row)));
    json aside = json::array();
    for (const db::KeptAside& kept : copy.kept_aside) {
        aside.push_back({{"ref", kept.ref},
                         {"why", kept.why},
                         {"reason", kept.reason},
                         {"stored", kept.stored ? json(*kept.stored) : json(nullptr)},
                         {"delivered", kept.delivered},
                         {"received_at", kept.received_at}});
    }
    return json{{"lane", copy.lane}, {"records", records}, {"kept_aside", aside}}.dump();
}

db::DbResult<db::StoreAuditCopy> decode_store_audit(std::string_view body) {
    json parsed = json::parse(body, nullptr, false);
    auto malformed = [](std::string_view why) {
        return db::DbError{db::DbErrorCode::other,
                           fmt::format("pos-store's copy of the audit chain cannot be read ({}): is pos-store of "
                                       "the same version as this lane?",
                                       why)};
    };
    if (parsed.is_discarded() || !parsed.is_object()) return malformed("not a JSON object");
    try {
        db::StoreAuditCopy copy;
        copy.lane = parsed.at("lane").get<int64_t>();
        for (const json& record : parsed.at("records")) {
            auto row = db::parse_audit_payload(record.dump());
            if (!row) return row.error();
            copy.records.push_back(std::move(*row));
        }
        for (const json& kept : parsed.at("kept_aside")) {
            std::optional<std::string> stored;
            if (!kept.at("stored").is_null()) stored = kept.at("stored").get<std::string>();
            copy.kept_aside.push_back(db::KeptAside{0,
                                                    copy.lane,
                                                    "audit",
                                                    kept.at("ref").get<std::string>(),
                                                    kept.at("why").get<std::string>(),
                                                    kept.at("reason").get<std::string>(),
                                                    std::move(stored),
                                                    kept.at("delivered").get<std::string>(),
                                                    kept.at("received_at").get<std::string>(),
                                                    {},
                                                    {},
                                                    {}});
        }
        return copy;
    } catch (const json::exception& error) {
        return malformed(error.what());
    }
}

std::string encode_unresolved_kept_aside(int64_t lane, int64_t unresolved) {
    return json{{"lane", lane}, {"unresolved", unresolved}}.dump();
}

db::DbResult<int64_t> decode_unresolved_kept_aside(std::string_view body) {
    json parsed = json::parse(body, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("unresolved") || !parsed.at("unresolved").is_number_integer()) {
        return db::DbError{db::DbErrorCode::other,
                           "pos-store's answer about records kept aside cannot be read: is pos-store of the same "
                           "version as this lane?"};
    }
    return parsed.at("unresolved").get<int64_t>();
}

}  // namespace pos::sync
