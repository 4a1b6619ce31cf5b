// Store roles and batch ingest on the head office's PostgreSQL.
#include "hq/head_office.hpp"

#include <openssl/rand.h>

namespace pos::hq {
namespace {

std::string random_password() {
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    unsigned char bytes[24];
    RAND_bytes(bytes, sizeof(bytes));
    std::string password;
    for (unsigned char b : bytes) password.push_back(alphabet[b % (sizeof(alphabet) - 1)]);
    return password;
}

bool valid_store_id(const std::string& id) {
    if (id.empty() || id.size() > 26) return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

}  // namespace

PgResult<StoreCredentials> add_store(PgConnection& admin, const std::string& store_id, const std::string& name,
                                     const std::string& region) {
    if (!valid_store_id(store_id)) {
        return PgError{"store id \"" + store_id + "\": use lower-case letters, digits and _ (at most 26), e.g. sh_001",
                       "22023"};
    }
    StoreCredentials credentials{store_id, "store_" + store_id, random_password()};
    return in_transaction(admin, [&]() -> PgResult<StoreCredentials> {
        // Only the SCRAM-SHA-256 verifier goes to the server, never the password (it would show in the
        // server's log and pg_stat_activity); the statement is built by the server (format %I %L).
        auto verifier = admin.password_verifier(credentials.role, credentials.password);
        if (!verifier) return verifier.error();
        auto statement =
            admin.exec("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE hq_store', $1::text, $2::text)",
                       {credentials.role, *verifier});
        if (!statement) return statement.error();
        if (auto created = admin.script(statement->text(0, 0)); !created) return created.error();
        auto added = admin.exec("INSERT INTO stores (store_id, name, region, role_name) VALUES ($1, $2, $3, $4)",
                                {store_id, name, region, credentials.role});
        if (!added) return added.error();
        return credentials;
    });
}

PgResult<IngestOutcome> ingest(PgConnection& store, const std::vector<IncomingRecord>& records) {
    return in_transaction(store, [&]() -> PgResult<IngestOutcome> {
        auto mine = store.exec("SELECT hq_my_store()");
        if (!mine) return mine.error();
        if (mine->null(0, 0)) {
            return PgError{
                "this connection's role is no store's: connect with the credentials pos-hq store add printed", "42501"};
        }
        const std::string store_id = mine->text(0, 0);
        // Made once per session and emptied at each commit: no catalog churn per batch.
        if (auto made = store.script("CREATE TEMP TABLE IF NOT EXISTS incoming (kind text, ref text, business_day "
                                     "date, lane integer, payload jsonb) ON COMMIT DELETE ROWS");
            !made) {
            return made.error();
        }
        std::string data;
        for (const IncomingRecord& record : records) {
            data += copy_field(record.kind) + '\t' + copy_field(record.ref) + '\t' + copy_field(record.business_day) +
                    '\t' + (record.lane ? std::to_string(*record.lane) : std::string("\\N")) + '\t' +
                    copy_field(record.payload) + '\n';
        }
        if (auto copied = store.copy_in("COPY incoming (kind, ref, business_day, lane, payload) FROM STDIN", data);
            !copied) {
            return copied.error();
        }
        auto months = store.exec(
            "SELECT hq_ensure_month(month) FROM (SELECT DISTINCT date_trunc('month', "
            "business_day)::date AS month FROM incoming) months");
        if (!months) return months.error();
        auto stored = store.exec(
            "WITH added AS (INSERT INTO store_records (store_id, kind, ref, business_day, lane, payload) "
            "SELECT $1, kind, ref, business_day, lane, payload FROM incoming "
            "ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM added",
            {store_id});
        if (!stored) return stored.error();
        IngestOutcome outcome;
        outcome.stored = stored->integer(0, 0);
        // Every row new (the usual batch): nothing can differ, no need to compare.
        if (outcome.stored < static_cast<int64_t>(records.size())) {
            auto conflicts = store.exec(
                "WITH differing AS (INSERT INTO ingest_conflicts (store_id, kind, ref, business_day, kept, incoming) "
                "SELECT r.store_id, i.kind, i.ref, i.business_day, r.payload, i.payload FROM incoming i "
                "JOIN store_records r ON r.store_id = $1 AND r.kind = i.kind AND r.ref = i.ref "
                "AND r.business_day = i.business_day WHERE r.payload <> i.payload "
                "ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM differing",
                {store_id});
            if (!conflicts) return conflicts.error();
            outcome.conflicts = conflicts->integer(0, 0);
        }
        outcome.repeated = static_cast<int64_t>(records.size()) - outcome.stored - outcome.conflicts;
        return outcome;
    });
}

}  // namespace pos::hq
