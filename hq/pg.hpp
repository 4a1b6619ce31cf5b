// A PostgreSQL connection for the head office, over libpq (Debian's libpq-dev): statements with
// parameters (never text pasted into SQL), COPY FROM STDIN for batches, and errors that carry
// the server's SQLSTATE and words.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/expected.hpp"

struct pg_conn;
struct pg_result;

namespace pos::hq {

struct PgError {
    std::string message;
    std::string sqlstate;  // "23505" unique violation, "42501" not permitted ...
};

template <typename T>
using PgResult = support::Expected<T, PgError>;

using Param = std::optional<std::string>;  // nullopt is NULL

class Rows {
public:
    explicit Rows(pg_result* result);
    [[nodiscard]] int size() const;
    [[nodiscard]] std::string text(int row, int column) const;
    [[nodiscard]] bool null(int row, int column) const;
    [[nodiscard]] int64_t integer(int row, int column) const;

private:
    std::shared_ptr<pg_result> result_;
};

class PgConnection {
public:
    // `conninfo` as libpq takes it: "host=127.0.0.1 port=5432 dbname=hq user=hq sslmode=verify-full ...".
    [[nodiscard]] static PgResult<PgConnection> open(const std::string& conninfo);

    PgConnection(PgConnection&&) noexcept = default;
    PgConnection& operator=(PgConnection&&) noexcept = default;

    [[nodiscard]] PgResult<Rows> exec(std::string_view sql, const std::vector<Param>& params = {});
    // Several statements at once (a migration file), no parameters.
    [[nodiscard]] PgResult<support::Done> script(std::string_view sql);
    // The SCRAM-SHA-256 verifier of `password` for `role`, computed here (libpq), for CREATE ROLE.
    [[nodiscard]] PgResult<std::string> password_verifier(const std::string& role, const std::string& password);
    // `copy_sql` is "COPY t (...) FROM STDIN"; `data` is in COPY's text format (copy_field()).
    [[nodiscard]] PgResult<support::Done> copy_in(std::string_view copy_sql, std::string_view data);

private:
    explicit PgConnection(pg_conn* connection);
    std::unique_ptr<pg_conn, void (*)(pg_conn*)> connection_;
};

// Runs `body` (returning a PgResult) in a transaction: committed when it succeeds, rolled back when it fails.
template <typename Body>
auto in_transaction(PgConnection& connection, Body body) -> decltype(body()) {
    if (auto begun = connection.script("BEGIN"); !begun) return begun.error();
    auto outcome = body();
    if (!outcome) {
        (void)connection.script("ROLLBACK");
        return outcome;
    }
    if (auto committed = connection.script("COMMIT"); !committed) return committed.error();
    return outcome;
}

// One field in COPY's text format: backslash, tab, newline and carriage return escaped.
[[nodiscard]] std::string copy_field(std::string_view value);

}  // namespace pos::hq
