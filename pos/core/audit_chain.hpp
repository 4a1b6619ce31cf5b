// The audit log's hash chain: the canonical encoding of a record, and the walk that names the
// first record changed, removed or reordered. Pure: the SHA-256 itself is passed in (libsodium
// lives in pos/actions), so the chain rules are tested here without a database.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pos::core {

struct AuditEntry {
    int64_t seq = 0;  // 1, 2, 3 ... per lane, no gaps
    std::string at;   // ISO 8601 with offset
    int64_t lane = 0;
    std::string kind;       // sale, void, override, login, login_failed, lockout, shift_open, ...
    std::string actor;      // the operator who did it
    std::string approver;   // who approved it, if anyone
    std::string ref;        // the record concerned (sale, shift, movement id; operator for user changes)
    std::string detail;     // what and why, as JSON text
    std::string prev_hash;  // hex of the previous record's hash; genesis_hash for the first
    std::string hash;       // hex SHA-256 of canonical_encoding(*this)
};

// 64 zeros: what the first record of a chain links to.
[[nodiscard]] const std::string& genesis_hash();

// Hex SHA-256 of the bytes given.
using Sha256Hex = std::function<std::string(std::string_view)>;

// Every field except `hash`, each as name, byte length and bytes, so no two different records
// share an encoding (a '|' inside a reason cannot shift fields). Version-tagged: "pos-audit-v1".
[[nodiscard]] std::string canonical_encoding(const AuditEntry& entry);

// Fills prev_hash and hash of a new record that follows `previous` (nullopt: the first).
[[nodiscard]] AuditEntry chained(AuditEntry entry, const std::optional<AuditEntry>& previous, const Sha256Hex& sha256);

struct ChainBreak {
    int64_t seq = 0;      // the first record found changed, removed or out of order
    std::string message;  // what was found, for the technician
};

// Walks `entries` in seq order from the first record. nullopt when every record is intact.
// `expected_last`, when known (the lane's outbox, the store's copy), also catches records
// removed from the end.
[[nodiscard]] std::optional<ChainBreak> find_break(const std::vector<AuditEntry>& entries, const Sha256Hex& sha256,
                                                   std::optional<int64_t> expected_last = std::nullopt);

}  // namespace pos::core
