// pos-store's request handling, apart from HTTP so it can be tested with real files and no
// sockets: authenticate the lane by its token, check every record is the lane's own, store the
// batch with StoreDb::apply_batch, and answer with acknowledgements or a clear error.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "db/store/store_db.hpp"

namespace pos::sync {

struct ServiceResponse {
    int status = 200;
    std::string body;  // JSON
};

class StoreService {
public:
    using OpenStore = std::function<db::DbResult<std::unique_ptr<db::StoreDb>>()>;
    using Clock = std::function<std::string()>;

    StoreService(OpenStore open_store, Clock now) : open_store_(std::move(open_store)), now_(std::move(now)) {}

    // POST /v1/batches. `authorization` is the request's Authorization header ("Bearer <token>").
    // Safe to call from several server threads: requests are handled one at a time, as the
    // store's single writer would serialise them anyway.
    [[nodiscard]] ServiceResponse receive_batch(std::string_view authorization, std::string_view body);

    // GET /v1/catalog?store=ID&have=N: 200 with the catalog when the lane's (ID, N) is not the
    // store's current one, else 204.
    [[nodiscard]] ServiceResponse catalog_if_newer(std::string_view authorization, std::string_view store_id,
                                                   std::string_view have);

    // GET /v1/directory?store=ID&users=N&members=M: 200 with the store's users (PIN hashes, never
    // PINs) and members newer than the lane's versions, else 204 (sync/directory_protocol.hpp).
    [[nodiscard]] ServiceResponse directory_if_newer(std::string_view authorization, std::string_view store_id,
                                                     std::string_view users, std::string_view members);

    // GET /v1/sales?lane=N&receipt=N or ?id=UUID: 200 with the sale and every return of it the
    // store has (db/store/returns.hpp), 404 when the store has no such sale. Any lane's token:
    // a receipt from any lane can be returned at the service desk.
    [[nodiscard]] ServiceResponse sale_for_return(std::string_view authorization, std::string_view id,
                                                  std::string_view lane, std::string_view receipt);

    // GET /v1/audit: the store's copy of the token's lane's audit chain and what of it was kept
    // aside (sync/audit_protocol.hpp). Only the lane's own: the token says which.
    [[nodiscard]] ServiceResponse audit_copy(std::string_view authorization);
    // GET /v1/kept-aside: how many of the token's lane's records are kept aside unresolved.
    [[nodiscard]] ServiceResponse unresolved_kept_aside(std::string_view authorization);
    // Runs `handle` for the token's lane on the store's connection, one request at a time like the
    // rest: for requests whose rules live above sync (pos-store's POST /v1/pin).
    using LaneRequest = std::function<ServiceResponse(db::StoreDb& store, int64_t lane)>;
    [[nodiscard]] ServiceResponse for_lane(std::string_view authorization, const LaneRequest& handle);
    // The refusal of a request whose token is missing, unknown or revoked, or nothing when a lane
    // holds it: pos-store asks this before it reads a request's body (docs/security.md).
    [[nodiscard]] std::optional<ServiceResponse> refuse_token(std::string_view authorization);

private:
    [[nodiscard]] db::DbResult<db::StoreDb*> store();
    // The lane the request's token belongs to, or the response refusing it.
    [[nodiscard]] support::Expected<int64_t, ServiceResponse> authenticate(db::StoreDb& store,
                                                                           std::string_view authorization);

    OpenStore open_store_;
    Clock now_;
    std::mutex mutex_;
    std::unique_ptr<db::StoreDb> store_;  // reopened after a failure: the file may have been restored
};

}  // namespace pos::sync
