// Service mode: batches go to pos-store over HTTP (docs/design.md "Sync"). Same contract as the direct
// sink: the whole batch is stored and acknowledged, or an error says why and nothing is marked.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "db/store/returns.hpp"
#include "db/store/audit_anchor.hpp"
#include "sync/sync_worker.hpp"

namespace pos::sync {

struct HttpStoreOptions {
    std::string url;    // https://host:port of pos-store (http only to this machine)
    std::string token;  // this lane's token
    int64_t lane = 0;
    std::chrono::milliseconds connect_timeout{3000};
    // Longer than the store's busy timeout, so a busy store answers 503 before we give up.
    std::chrono::milliseconds read_timeout{15000};
    // The SHA-256 of pos-store's certificate ([store_database] pin): an https connection to any
    // other certificate fails before the token or a record is sent (sync/certificate_pin.hpp).
    std::string pin;
};

// GET /v1/sales: the sale a receipt of any lane names, with every return of it the store has
// (a return at the service desk). not_found when the store has no such sale; unreachable when
// pos-store does not answer.
[[nodiscard]] db::DbResult<db::SaleForReturn> fetch_sale_for_return(const HttpStoreOptions& options,
                                                                    const db::SaleQuery& query);

// GET /v1/audit: the store's copy of this lane's audit chain (the token says which lane).
[[nodiscard]] db::DbResult<db::StoreAuditCopy> fetch_store_audit(const HttpStoreOptions& options);

// POST /v1/pin: the store checks `old_pin` against its own copy of the operator and takes
// `new_pin` (docs/security.md "PINs"). 200, or the store's refusal (store_protocol.hpp's
// pin_refused_* statuses) with its reason; an error when the store could not be asked.
struct PinAtStore {
    int status = 200;
    std::string message;  // the store's reason when refused
};
[[nodiscard]] db::DbResult<PinAtStore> change_pin_at_store(const HttpStoreOptions& options,
                                                           const std::string& operator_id, const std::string& old_pin,
                                                           const std::string& new_pin);

class HttpStoreSink final : public StoreSink {
public:
    explicit HttpStoreSink(HttpStoreOptions options) : options_(std::move(options)) {}
    [[nodiscard]] db::DbResult<std::vector<db::Acknowledged>> deliver(const std::vector<db::OutboxRecord>& batch,
                                                                      const std::string& now) override;
    [[nodiscard]] db::DbResult<std::optional<db::CatalogSnapshot>> catalog_if_newer(
        const db::CatalogVersion& have) override;
    [[nodiscard]] db::DbResult<db::DirectorySnapshot> directory_if_newer(const db::DirectoryVersion& have) override;
    [[nodiscard]] db::DbResult<std::optional<int64_t>> unresolved_kept_aside() override;

private:
    HttpStoreOptions options_;
};

}  // namespace pos::sync
