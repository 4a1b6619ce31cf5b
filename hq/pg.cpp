// libpq calls behind PgConnection; every result checked, every error with its SQLSTATE.
#include "hq/pg.hpp"

#include <libpq-fe.h>

namespace pos::hq {
namespace {

PgError error_of(PGconn* connection, PGresult* result) {
    PgError error;
    const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    error.message = message ? message : "PostgreSQL failed without saying why";
    while (!error.message.empty() && (error.message.back() == '\n' || error.message.back() == ' ')) {
        error.message.pop_back();
    }
    if (result) {
        const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        if (state) error.sqlstate = state;
    }
    return error;
}

}  // namespace

Rows::Rows(PGresult* result) : result_(result, &PQclear) {}
int Rows::size() const { return PQntuples(result_.get()); }
std::string Rows::text(int row, int column) const { return PQgetvalue(result_.get(), row, column); }
bool Rows::null(int row, int column) const { return PQgetisnull(result_.get(), row, column) == 1; }
int64_t Rows::integer(int row, int column) const { return std::stoll(text(row, column)); }

PgConnection::PgConnection(PGconn* connection) : connection_(connection, &PQfinish) {}

PgResult<PgConnection> PgConnection::open(const std::string& conninfo) {
    PGconn* connection = PQconnectdb(conninfo.c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        PgError error = error_of(connection, nullptr);
        PQfinish(connection);
        return error;
    }
    // Notices ("already exists, skipping") are the server talking to itself, not to the operator.
    PQsetNoticeProcessor(
        connection, [](void*, const char*) {}, nullptr);
    return PgConnection(connection);
}

PgResult<Rows> PgConnection::exec(std::string_view sql, const std::vector<Param>& params) {
    std::vector<const char*> values;
    for (const Param& each : params) values.push_back(each ? each->c_str() : nullptr);
    std::string text(sql);
    PGresult* result = PQexecParams(connection_.get(), text.c_str(), static_cast<int>(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        PgError error = error_of(connection_.get(), result);
        PQclear(result);
        return error;
    }
    return Rows(result);
}

PgResult<support::Done> PgConnection::script(std::string_view sql) {
    std::string text(sql);
    PGresult* result = PQexec(connection_.get(), text.c_str());
    ExecStatusType status = PQresultStatus(result);
    PgResult<support::Done> outcome = support::Done{};
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) outcome = error_of(connection_.get(), result);
    PQclear(result);
    return outcome;
}

PgResult<std::string> PgConnection::password_verifier(const std::string& role, const std::string& password) {
    char* verifier = PQencryptPasswordConn(connection_.get(), password.c_str(), role.c_str(), "scram-sha-256");
    if (!verifier) return error_of(connection_.get(), nullptr);
    std::string text(verifier);
    PQfreemem(verifier);
    return text;
}

PgResult<support::Done> PgConnection::copy_in(std::string_view copy_sql, std::string_view data) {
    std::string text(copy_sql);
    PGresult* started = PQexec(connection_.get(), text.c_str());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
        PgError error = error_of(connection_.get(), started);
        PQclear(started);
        return error;
    }
    PQclear(started);
    if (PQputCopyData(connection_.get(), data.data(), static_cast<int>(data.size())) != 1 ||
        PQputCopyEnd(connection_.get(), nullptr) != 1) {
        return error_of(connection_.get(), nullptr);
    }
    PgResult<support::Done> outcome = support::Done{};
    while (PGresult* result = PQgetResult(connection_.get())) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK) outcome = error_of(connection_.get(), result);
        PQclear(result);
    }
    return outcome;
}

std::string copy_field(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace pos::hq
