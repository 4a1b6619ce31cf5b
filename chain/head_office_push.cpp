// The push loop: connect as the store's role, ingest one batch per transaction, acknowledge it in
// store.db only after the head office committed it.
#include "chain/head_office_push.hpp"

#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <fstream>

#include "chain/utc_now.hpp"
#include "db/store/head_office_outbox.hpp"
#include "hq/head_office.hpp"

namespace pos::chain {
namespace {

// Connection failures (class 08), a server shutting down (57P01-57P03) or no SQLSTATE at all (the
// socket went away): the head office is away, not wrong; the store keeps its queue.
// A connection refused for its credentials (libpq gives no SQLSTATE then) is not an outage.
bool away(const hq::PgError& error) {
    for (const char* refusal : {"authentication failed", "not permitted to log in", "does not exist"}) {
        if (error.message.find(refusal) != std::string::npos) return false;
    }
    return error.sqlstate.empty() || error.sqlstate.starts_with("08") || error.sqlstate.starts_with("57P");
}

std::vector<hq::IncomingRecord> incoming(std::vector<db::HeadOfficeRecord>& records) {
    std::vector<hq::IncomingRecord> out;
    out.reserve(records.size());
    for (db::HeadOfficeRecord& record : records) {
        out.push_back({std::move(record.kind), std::move(record.ref), std::move(record.business_day), record.lane,
                       std::move(record.payload)});
    }
    return out;
}

// libpq's quoting of a conninfo value: in single quotes, with \ and ' escaped.
std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

PushError failed(const hq::PgError& error, db::StoreDb& store, const std::string& doing) {
    PushError out{"head office: " + doing + ": " + error.message, away(error), 0};
    if (auto left = db::head_office_backlog(store)) out.left = *left;
    if (out.head_office_away) {
        out.message += "\n" + std::to_string(out.left) +
                       " record(s) wait in store.db and go with the next push; the store keeps selling meanwhile";
    }
    return out;
}

}  // namespace

support::Expected<std::string, PushError> conninfo_with_password(const std::string& conninfo,
                                                                 const std::string& password_file) {
    if (password_file.empty()) return conninfo;
    struct stat info {};
    if (stat(password_file.c_str(), &info) != 0) {
        return PushError{"head office password file " + password_file +
                         " cannot be read: write the password pos-hq store add printed into it (chmod 600)"};
    }
    if ((info.st_mode & 077) != 0) {
        return PushError{"head office password file " + password_file + " can be read by others: chmod 600 " +
                         password_file + " (and change the password)"};
    }
    std::ifstream file(password_file);
    std::string password;
    std::getline(file, password);
    while (!password.empty() && (password.back() == '\r' || password.back() == ' ')) password.pop_back();
    if (password.empty()) return PushError{"head office password file " + password_file + " is empty"};
    return conninfo + " password=" + quoted(password);
}

support::Expected<PushReport, PushError> push_to_head_office(db::StoreDb& store, const PushOptions& options,
                                                             const std::function<void(const PushReport&)>& progress) {
    auto conninfo = conninfo_with_password(options.conninfo, options.password_file);
    if (!conninfo) return conninfo.error();
    auto connection = hq::PgConnection::open(*conninfo);
    if (!connection) return failed(connection.error(), store, "cannot connect");
    PushReport report;
    for (;;) {
        auto batch = db::next_head_office_batch(store, options.batch);
        if (!batch) return PushError{"store.db cannot be read: " + batch.error().message};
        if (batch->records.empty()) break;
        auto outcome = hq::ingest(*connection, incoming(batch->records));
        if (!outcome) return failed(outcome.error(), store, "batch not taken");
        // Only now: had the store stopped before this line, the batch goes again and is stored once.
        if (auto acknowledged = db::acknowledge_head_office_batch(store, *batch, utc_now()); !acknowledged) {
            return PushError{"store.db cannot record what the head office took: " + acknowledged.error().message};
        }
        report.batches += 1;
        report.stored += outcome->stored;
        report.repeated += outcome->repeated;
        report.conflicts += outcome->conflicts;
        if (progress) progress(report);
    }
    auto heads = db::audit_chain_heads(store);
    if (!heads) return PushError{"store.db's audit chains cannot be read: " + heads.error().message};
    if (!heads->empty()) {
        auto outcome = hq::ingest(*connection, incoming(*heads));
        if (!outcome) return failed(outcome.error(), store, "audit chain heads not taken");
        report.stored += outcome->stored;
        report.repeated += outcome->repeated;
        report.conflicts += outcome->conflicts;
    }
    auto left = db::head_office_backlog(store);
    if (!left) return PushError{"store.db cannot be read: " + left.error().message};
    report.left = *left;
    return report;
}

}  // namespace pos::chain
