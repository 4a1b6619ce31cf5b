// The store's side of the head office (issue 22): store.db's records pushed in batches to the
// head office's PostgreSQL as the store's own role, each batch acknowledged in store.db once the
// head office committed it. A push cut off anywhere resends at most one batch, which the head
// office's ingest stores once.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "db/store/store_db.hpp"
#include "support/expected.hpp"

namespace pos::chain {

struct PushOptions {
    std::string conninfo;       // libpq's, without the password
    std::string password_file;  // mode 0600; empty: libpq's ~/.pgpass or PGPASSFILE
    int batch = 500;            // records per head office transaction
};

struct PushReport {
    int64_t batches = 0;
    int64_t stored = 0;     // new at the head office
    int64_t repeated = 0;   // the head office had them already (a resend after a crash)
    int64_t conflicts = 0;  // the head office had other content under the same key: kept aside there
    int64_t left = 0;       // rows still waiting in store.db
};

struct PushError {
    std::string message;
    bool head_office_away = false;  // could not connect, or the connection broke: the store keeps queueing
    int64_t left = 0;
};

// Pushes everything store.db holds past its acknowledged cursors, then the audit chain heads.
// `progress` (optional) is told after every acknowledged batch.
[[nodiscard]] support::Expected<PushReport, PushError> push_to_head_office(
    db::StoreDb& store, const PushOptions& options, const std::function<void(const PushReport&)>& progress = {});

// The libpq conninfo with the password from `password_file` added; refuses a file others can read.
[[nodiscard]] support::Expected<std::string, PushError> conninfo_with_password(const std::string& conninfo,
                                                                               const std::string& password_file);

}  // namespace pos::chain
