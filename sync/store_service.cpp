// Handling a lane's batch at pos-store.
#include "sync/store_service.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/shared/audit_log.hpp"
#include "db/shared/catalog_sync.hpp"
#include "sync/audit_protocol.hpp"
#include "sync/batch_checks.hpp"
#include "sync/directory_protocol.hpp"
#include "sync/json_nesting.hpp"
#include "sync/lane_tokens.hpp"
#include "db/store/kept_aside.hpp"
#include "db/store/promotions.hpp"
#include "sync/store_protocol.hpp"
#include "db/store/returns.hpp"

namespace pos::sync {
namespace {

ServiceResponse failure(int status, db::DbErrorCode code, std::string message) {
    return {status, encode_error(db::DbError{code, std::move(message)})};
}

int http_status_for(db::DbErrorCode code) {
    switch (code) {
        case db::DbErrorCode::busy: return 503;       // try again later
        case db::DbErrorCode::disk_full: return 507;  // insufficient storage
        default: return 500;
    }
}

// The lane a record's payload names; every payload kind carries one.
std::optional<int64_t> payload_lane(const db::OutboxRecord& record) {
    nlohmann::json payload = nlohmann::json::parse(record.payload, nullptr, false);
    if (payload.is_discarded() || !payload.is_object() || !payload.contains("lane")) return std::nullopt;
    const nlohmann::json& lane = payload["lane"];
    if (!lane.is_number_integer()) return std::nullopt;
    return lane.get<int64_t>();
}

// 200 with the acknowledgements; 409 when a record (or an audit record riding with it) met
// different content under its key or forked the lane's chain: the body still acknowledges every
// record, since the store keeps the newcomer aside, and names the first conflict.
ServiceResponse answer_batch(const std::vector<db::Acknowledged>& acknowledged) {
    std::string body = encode_acknowledgements(acknowledged);
    auto conflict = std::find_if(acknowledged.begin(), acknowledged.end(), [](const db::Acknowledged& ack) {
        return ack.aside == "conflict" || ack.aside == "fork";
    });
    if (conflict == acknowledged.end()) return {200, body};
    nlohmann::json answer = nlohmann::json::parse(body);
    answer["error"] = {{"code", "conflict"},
                       {"message", fmt::format("{}; the store kept the delivered version aside beside its own and "
                                               "raised an alarm: a manager must look at it (posctl sync --status)",
                                               conflict->reason)}};
    return {409, answer.dump()};
}

std::string_view bearer_token(std::string_view authorization) {
    constexpr std::string_view prefix = "Bearer ";
    if (authorization.substr(0, prefix.size()) != prefix) return {};
    return authorization.substr(prefix.size());
}

}  // namespace

db::DbResult<db::StoreDb*> StoreService::store() {
    if (!store_) {
        auto opened = open_store_();
        if (!opened) return opened.error();
        store_ = std::move(*opened);
    }
    return store_.get();
}

support::Expected<int64_t, ServiceResponse> StoreService::authenticate(db::StoreDb& store_db,
                                                                       std::string_view authorization) {
    std::string_view token = bearer_token(authorization);
    auto lane = lane_for_token(store_db, token);
    if (!lane) {
        store_.reset();
        return failure(http_status_for(lane.error().code), lane.error().code, lane.error().message);
    }
    if (token.empty() || !*lane) {
        return failure(401, db::DbErrorCode::refused,
                       "this lane's token is missing, unknown or revoked: on the store server run "
                       "`pos-store token add --lane N` and put the token in the lane's pos.toml "
                       "([store_database] token)");
    }
    return **lane;
}

std::optional<ServiceResponse> StoreService::refuse_token(std::string_view authorization) {
    std::lock_guard lock(mutex_);
    auto store_db = store();
    if (!store_db)
        return failure(http_status_for(store_db.error().code), store_db.error().code, store_db.error().message);
    if (auto lane = authenticate(**store_db, authorization); !lane) return lane.error();
    return std::nullopt;
}

ServiceResponse StoreService::catalog_if_newer(std::string_view authorization, std::string_view store_id,
                                               std::string_view have) {
    std::lock_guard lock(mutex_);
    auto store_db = store();
    if (!store_db)
        return failure(http_status_for(store_db.error().code), store_db.error().code, store_db.error().message);
    if (auto lane = authenticate(**store_db, authorization); !lane) return lane.error();
    int64_t lane_version = 0;
    try {
        lane_version = std::stoll(std::string(have));
    } catch (const std::exception&) {
        return failure(400, db::DbErrorCode::other, "pos-store: ?have= must be the lane's catalog version, a number");
    }
    // Price changes whose day has come go into the catalog first (docs/price-changes.md).
    if (auto applied = db::apply_due_price_changes_today(**store_db); !applied) {
        return failure(http_status_for(applied.error().code), applied.error().code, applied.error().message);
    }
    auto version = db::store_catalog_version(**store_db);
    if (!version) return failure(http_status_for(version.error().code), version.error().code, version.error().message);
    if (!db::differs(*version, db::CatalogVersion{std::string(store_id), lane_version})) return {204, ""};
    auto snapshot = db::read_catalog_snapshot(**store_db);
    if (!snapshot)
        return failure(http_status_for(snapshot.error().code), snapshot.error().code, snapshot.error().message);
    return {200, encode_catalog(*snapshot)};
}

ServiceResponse StoreService::directory_if_newer(std::string_view authorization, std::string_view store_id,
                                                 std::string_view users, std::string_view members) {
    std::lock_guard lock(mutex_);
    auto store_db = store();
    if (!store_db)
        return failure(http_status_for(store_db.error().code), store_db.error().code, store_db.error().message);
    if (auto lane = authenticate(**store_db, authorization); !lane) return lane.error();
    auto have = directory_version_of(store_id, users, members);
    if (!have) return failure(400, db::DbErrorCode::other, have.error().message);
    auto snapshot = db::read_directory_if_newer(**store_db, *have);
    if (!snapshot)
        return failure(http_status_for(snapshot.error().code), snapshot.error().code, snapshot.error().message);
    if (snapshot->empty()) return {204, ""};
    return {200, encode_directory(*snapshot)};
}

ServiceResponse StoreService::sale_for_return(std::string_view authorization, std::string_view id,
                                              std::string_view lane, std::string_view receipt) {
    std::lock_guard lock(mutex_);
    auto store_db = store();
    if (!store_db)
        return failure(http_status_for(store_db.error().code), store_db.error().code, store_db.error().message);
    if (auto caller = authenticate(**store_db, authorization); !caller) return caller.error();
    auto query = db::sale_query_of(id, lane, receipt);
    if (!query) return failure(400, db::DbErrorCode::other, query.error().message);
    auto found = db::find_sale_for_return(**store_db, *query);
    if (!found) {
        db::DbErrorCode code = found.error().code;
        int status = code == db::DbErrorCode::not_found    ? 404
                     : code == db::DbErrorCode::constraint ? 409
                                                           : http_status_for(code);
        return failure(status, code, found.error().message);
    }
    return {200, db::encode_sale_for_return(*found)};
}

ServiceResponse StoreService::audit_copy(std::string_view authorization) {
    return for_lane(authorization, [](db::StoreDb& store, int64_t lane) -> ServiceResponse {
        auto copy = db::read_store_audit_copy(store, lane);
        if (!copy) return failure(http_status_for(copy.error().code), copy.error().code, copy.error().message);
        return {200, encode_store_audit(*copy)};
    });
}

ServiceResponse StoreService::for_lane(std::string_view authorization, const LaneRequest& handle) {
    std::lock_guard lock(mutex_);
    auto store_db = store();
    if (!store_db)
        return failure(http_status_for(store_db.error().code), store_db.error().code, store_db.error().message);
    auto lane = authenticate(**store_db, authorization);
    if (!lane) return lane.error();
    return handle(**store_db, *lane);
}

ServiceResponse StoreService::unresolved_kept_aside(std::string_view authorization) {
    return for_lane(authorization, [](db::StoreDb& store, int64_t lane) -> ServiceResponse {
        auto count = db::unresolved_kept_aside_count(store, lane);
        if (!count) return failure(http_status_for(count.error().code), count.error().code, count.error().message);
        return {200, encode_unresolved_kept_aside(lane, *count)};
    });
}

ServiceResponse StoreService::receive_batch(std::string_view authorization, std::string_view body) {
    std::lock_guard lock(mutex_);
    auto store_db = store();
    if (!store_db)
        return failure(http_status_for(store_db.error().code), store_db.error().code, store_db.error().message);

    auto lane = authenticate(**store_db, authorization);
    if (!lane) return lane.error();
    // Counted before parsing: no parser or walk over the JSON ever meets a hostile depth.
    if (!json_nesting_within(body)) {
        return failure(400, db::DbErrorCode::other,
                       fmt::format("the batch nests deeper than {} levels, which no lane sends: nothing of "
                                   "this batch was stored",
                                   max_json_nesting));
    }
    auto batch = decode_batch(body);
    if (!batch) return failure(400, db::DbErrorCode::other, batch.error().message);
    if (auto refused = refuse_batch_records(*batch)) return failure(400, db::DbErrorCode::other, *refused);
    if (batch->lane != *lane) {
        return failure(403, db::DbErrorCode::refused,
                       fmt::format("the token belongs to lane {} but the batch is from lane {}: check the lane number "
                                   "and token in pos.toml; nothing of this batch was stored",
                                   *lane, batch->lane));
    }
    for (const db::OutboxRecord& record : batch->records) {
        std::optional<int64_t> record_lane = payload_lane(record);
        // Every record names its lane, so the store can scope its ids by lane (issue #17).
        if (!record_lane) {
            return failure(403, db::DbErrorCode::refused,
                           fmt::format("the {} record {} names no lane: pos-store takes only records of the lane "
                                       "whose token sent them; nothing of this batch was stored",
                                       record.kind, record.ref));
        }
        if (*record_lane != *lane) {
            return failure(403, db::DbErrorCode::refused,
                           fmt::format("the token belongs to lane {} but the {} record {} is lane {}'s: check the "
                                       "lane number and token in pos.toml; nothing of this batch was stored",
                                       *lane, record.kind, record.ref, *record_lane));
        }
        // The audit records riding in a payload are another lane's chain if their lane differs:
        // refused like a sale, so no lane can write into another lane's audit copy at the store.
        for (int64_t audit_lane : db::attached_audit_lanes(record.payload)) {
            if (audit_lane == *lane) continue;
            return failure(403, db::DbErrorCode::refused,
                           fmt::format("the token belongs to lane {} but the {} record {} carries audit records of "
                                       "lane {}: check the lane number and token in pos.toml; nothing of this batch "
                                       "was stored",
                                       *lane, record.kind, record.ref, audit_lane));
        }
    }
    auto acknowledged = (*store_db)->apply_batch(batch->records, now_());
    if (!acknowledged) {
        if (acknowledged.error().code == db::DbErrorCode::refused)
            return failure(403, acknowledged.error().code, acknowledged.error().message);
        if (acknowledged.error().code != db::DbErrorCode::busy) store_.reset();
        return failure(http_status_for(acknowledged.error().code), acknowledged.error().code,
                       acknowledged.error().message);
    }
    return answer_batch(*acknowledged);
}

}  // namespace pos::sync
