// Member credit accounts (挂账) in lane.db and store.db: the members, their balances and every
// movement (sale on account, refund, repayment). The tables match on both sides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/shared/db_error.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

class LaneDb;
class StoreDb;

struct MemberRecord {
    std::string card;  // member card number
    std::string phone;
    std::string name;
    int64_t limit_fen = 0;    // credit limit
    int64_t balance_fen = 0;  // owed to the store
    std::string created_at;
};

struct MemberMovementRecord {
    std::string id;
    std::string card;
    std::string kind;               // sale, refund, repayment
    int64_t amount_fen = 0;         // change of what is owed: + a sale on account, - a refund or repayment
    int64_t balance_after_fen = 0;  // set by apply_member_movement
    std::string sale_id;
    int64_t lane = 0;
    std::string shift_id;
    std::string operator_id;
    std::string at;
    std::string method = {};  // a repayment: how it was paid (cash, card, mobile); empty for a sale or refund
};

// Inserts a new member; a card number already there is refused (DbErrorCode::constraint).
[[nodiscard]] DbStatus add_member(Connection& connection, const MemberRecord& member);
// Inserts or replaces name, phone and limit, keeping the balance of a member already there.
[[nodiscard]] DbStatus upsert_member(Connection& connection, const MemberRecord& member);
// Sets the credit limit; false when there is no such member.
[[nodiscard]] DbResult<bool> set_member_limit(Connection& connection, const std::string& card, int64_t limit_fen);
// By card number, or by phone when no card matches.
[[nodiscard]] DbResult<std::optional<MemberRecord>> find_member(Connection& connection,
                                                                const std::string& card_or_phone);
[[nodiscard]] DbResult<std::vector<MemberRecord>> all_members(Connection& connection);
// The member's movements, oldest first.
[[nodiscard]] DbResult<std::vector<MemberMovementRecord>> member_movements(Connection& connection,
                                                                           const std::string& card);

// The movement a sale or return made, if any (for its receipt).
[[nodiscard]] DbResult<std::optional<MemberMovementRecord>> movement_of_sale(Connection& connection,
                                                                             const std::string& sale_id);

// Lane side, inside the caller's transaction: moves the balance, journals the movement and queues
// it (outbox kind 'member_movement'). Returns the movement with its balance_after_fen.
[[nodiscard]] DbResult<MemberMovementRecord> apply_member_movement(Connection& connection,
                                                                   MemberMovementRecord movement);

// The outbox payload of a movement, and reading it back at the store.
[[nodiscard]] std::string member_movement_payload(const MemberMovementRecord& movement);
[[nodiscard]] DbResult<MemberMovementRecord> parse_member_movement_payload(const std::string& json_text);
// Store side: files the movement once (by id) and moves the store's copy of the balance.
// A movement of a member the store does not know yet creates a placeholder member (limit 0).
// Returns false when the movement was already filed.
[[nodiscard]] DbResult<bool> file_member_movement(Connection& connection, const MemberMovementRecord& movement,
                                                  const std::string& received_at);

// The same operations on an open database, as pos/ calls them; the Connection forms above are
// the db layer's own building blocks.
[[nodiscard]] DbStatus add_member(StoreDb& store, const MemberRecord& member);
[[nodiscard]] DbStatus upsert_member(LaneDb& lane, const MemberRecord& member);
[[nodiscard]] DbResult<bool> set_member_limit(StoreDb& store, const std::string& card, int64_t limit_fen);
[[nodiscard]] DbResult<bool> set_member_limit(LaneDb& lane, const std::string& card, int64_t limit_fen);
[[nodiscard]] DbResult<std::optional<MemberRecord>> find_member(LaneDb& lane, const std::string& card_or_phone);
[[nodiscard]] DbResult<std::vector<MemberRecord>> all_members(StoreDb& store);
[[nodiscard]] DbResult<std::vector<MemberRecord>> all_members(LaneDb& lane);
[[nodiscard]] DbResult<std::vector<MemberMovementRecord>> member_movements(LaneDb& lane, const std::string& card);
[[nodiscard]] DbResult<std::optional<MemberMovementRecord>> movement_of_sale(LaneDb& lane, const std::string& sale_id);
[[nodiscard]] DbResult<MemberMovementRecord> apply_member_movement(LaneDb& lane, MemberMovementRecord movement);

}  // namespace pos::db
