// What pos-store checks in a lane's batch before anything is stored: the record kinds it knows and
// how deep each payload nests (docs/security.md "Threat table"). A batch failing either is refused
// whole with 400, so a hostile or broken peer cannot leave records the store cannot read.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "sync/store_protocol.hpp"

namespace pos::sync {

// Every kind a lane's outbox sends (db/lane, db/shared/members.cpp, db/shared/audit_log.cpp).
// A new kind of record is added here in the same change that makes lanes send it.
inline constexpr std::array<std::string_view, 7> known_record_kinds = {
    "sale", "shift", "shift_close", "cash_movement", "member_movement", "stock_scan", "audit"};

[[nodiscard]] bool known_record_kind(std::string_view kind);

// Why the batch's records cannot be taken (unknown kind, payload nested too deep), or nothing.
[[nodiscard]] std::optional<std::string> refuse_batch_records(const Batch& batch);

// Text a peer sent, made safe for a message or a log line: at most `limit` bytes, anything but
// printable ASCII shown as '?', so an escape sequence never reaches the technician's terminal.
[[nodiscard]] std::string printable(std::string_view text, size_t limit = 64);

}  // namespace pos::sync
