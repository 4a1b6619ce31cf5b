// Audit chain rules: canonical encoding, chaining a new record, and finding the first break.
#include "pos/core/audit_chain.hpp"

namespace pos::core {
namespace {

void field(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += ':';
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

std::string describe(const AuditEntry& entry) {
    return "record " + std::to_string(entry.seq) + " (" + entry.kind + " at " + entry.at +
           (entry.actor.empty() ? std::string{} : " by " + entry.actor) + ")";
}

}  // namespace

const std::string& genesis_hash() {
    static const std::string zeros(64, '0');
    return zeros;
}

std::string canonical_encoding(const AuditEntry& entry) {
    std::string out = "pos-audit-v1\n";
    field(out, "seq", std::to_string(entry.seq));
    field(out, "at", entry.at);
    field(out, "lane", std::to_string(entry.lane));
    field(out, "kind", entry.kind);
    field(out, "actor", entry.actor);
    field(out, "approver", entry.approver);
    field(out, "ref", entry.ref);
    field(out, "detail", entry.detail);
    field(out, "prev", entry.prev_hash);
    return out;
}

AuditEntry chained(AuditEntry entry, const std::optional<AuditEntry>& previous, const Sha256Hex& sha256) {
    entry.seq = previous ? previous->seq + 1 : 1;
    entry.prev_hash = previous ? previous->hash : genesis_hash();
    entry.hash = sha256(canonical_encoding(entry));
    return entry;
}

std::optional<ChainBreak> find_break(const std::vector<AuditEntry>& entries, const Sha256Hex& sha256,
                                     std::optional<int64_t> expected_last) {
    int64_t expected_seq = 1;
    const AuditEntry* previous = nullptr;
    for (const AuditEntry& entry : entries) {
        if (entry.seq != expected_seq) {
            std::string missing = entry.seq == expected_seq + 1
                                      ? "record " + std::to_string(expected_seq) + " is missing"
                                      : "records " + std::to_string(expected_seq) + " to " +
                                            std::to_string(entry.seq - 1) + " are missing";
            return ChainBreak{expected_seq, missing + ": removed from the log (the next record present is " +
                                                std::to_string(entry.seq) + ")"};
        }
        if (sha256(canonical_encoding(entry)) != entry.hash) {
            return ChainBreak{entry.seq,
                              describe(entry) + " was changed or moved: its contents no longer match its hash"};
        }
        if (entry.prev_hash != (previous ? previous->hash : genesis_hash())) {
            if (!previous) {
                return ChainBreak{entry.seq,
                                  describe(entry) + " does not start the chain: records before it were removed"};
            }
            return ChainBreak{previous->seq, describe(*previous) +
                                                 " was changed, with its hash rewritten, or records " +
                                                 "were reordered: record " + std::to_string(entry.seq) +
                                                 " recorded a different hash for it"};
        }
        previous = &entry;
        ++expected_seq;
    }
    int64_t last = previous ? previous->seq : 0;
    if (expected_last && *expected_last > last) {
        return ChainBreak{last + 1, *expected_last == last + 1
                                        ? "record " + std::to_string(last + 1) + " was removed from the end of the log"
                                        : "records " + std::to_string(last + 1) + " to " +
                                              std::to_string(*expected_last) + " were removed from the end of the log"};
    }
    return std::nullopt;
}

}  // namespace pos::core
