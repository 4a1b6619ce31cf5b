// The record checks of a batch, before StoreDb::apply_batch sees it.
#include "sync/batch_checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sync/json_nesting.hpp"

namespace pos::sync {

bool known_record_kind(std::string_view kind) {
    return std::find(known_record_kinds.begin(), known_record_kinds.end(), kind) != known_record_kinds.end();
}

std::string printable(std::string_view text, size_t limit) {
    std::string shown;
    for (char c : text.substr(0, limit)) shown += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (text.size() > limit) shown += "...";
    return shown;
}

std::optional<std::string> refuse_batch_records(const Batch& batch) {
    for (const db::OutboxRecord& record : batch.records) {
        if (!known_record_kind(record.kind)) {
            return fmt::format(
                "record {} is of kind \"{}\", which this store does not take (it takes {}): update "
                "pos-store to the lanes' version, or find what else sends to this port; nothing of this batch was "
                "stored",
                record.seq, printable(record.kind), fmt::join(known_record_kinds, ", "));
        }
        if (!json_nesting_within(record.payload)) {
            return fmt::format(
                "the payload of {} record {} nests deeper than {} levels, which no lane writes: nothing "
                "of this batch was stored",
                record.kind, printable(record.ref), max_json_nesting);
        }
    }
    return std::nullopt;
}

}  // namespace pos::sync
