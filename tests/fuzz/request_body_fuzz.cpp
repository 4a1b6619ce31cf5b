// libFuzzer target: what pos-store does with a request body before anything is stored (sync/): the
// nesting count, the batch decoder, the record checks, and each payload parsed as the store parses
// it; plus the head checks on the same bytes as header values. No input may crash, hang or recurse
// past the nesting limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "db/lane/outbox.hpp"
#include "sync/batch_checks.hpp"
#include "sync/json_nesting.hpp"
#include "sync/request_guard.hpp"
#include "sync/store_protocol.hpp"

// lane.db's error names (db/lane/outbox.cpp) would pull SQLite in; decode_error only needs a name.
std::string_view pos::db::error_code_name(DbErrorCode) { return "other"; }

using namespace pos::sync;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    if (auto refused = refuse_request_head({"POST", body.substr(0, 24), body.substr(0, 8), {}}, 4096)) {
        if (refused->status < 400 || refused->body.empty()) std::abort();
    }
    if (!json_nesting_within(body)) return 0;  // pos-store answers 400 here, before any parser runs
    auto batch = decode_batch(body);
    if (!batch) {
        if (batch.error().message.empty()) std::abort();
        return 0;
    }
    auto refused = refuse_batch_records(*batch);
    if (refused) {
        if (refused->empty()) std::abort();
        return 0;
    }
    for (const pos::db::OutboxRecord& record : batch->records) {
        if (!known_record_kind(record.kind) || !json_nesting_within(record.payload)) std::abort();
        nlohmann::json payload = nlohmann::json::parse(record.payload, nullptr, false);
        if (!payload.is_discarded()) (void)payload.dump();  // a recursive walk, safe below the limit
    }
    (void)encode_batch(*batch);
    return 0;
}
