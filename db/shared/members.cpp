// Member credit accounts in lane.db and store.db (db/shared/members.hpp).
#include "db/shared/members.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/lane/lane_db.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {
namespace {

const char* member_columns = "SELECT card, phone, name, limit_fen, balance_fen, created_at FROM members ";

MemberRecord read_member(const Statement& row) {
    return MemberRecord{row.column_text(0), row.column_text(1), row.column_text(2),
                        row.column_int(3),  row.column_int(4),  row.column_text(5)};
}

DbResult<std::vector<MemberRecord>> members_where(Connection& connection, const std::string& where,
                                                  const std::string& value) {
    auto statement = connection.prepare(std::string(member_columns) + where);
    if (!statement) return statement.error();
    Statement& query = **statement;
    if (!value.empty()) query.bind(1, value);
    std::vector<MemberRecord> members;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        members.push_back(read_member(query));
    }
    query.reset();
    return members;
}

}  // namespace

DbStatus add_member(Connection& connection, const MemberRecord& member) {
    auto statement = connection.prepare(
        "INSERT INTO members (card, phone, name, limit_fen, balance_fen, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    if (!statement) return statement.error();
    auto added = (**statement)
                     .bind(1, member.card)
                     .bind(2, member.phone)
                     .bind(3, member.name)
                     .bind(4, member.limit_fen)
                     .bind(5, member.balance_fen)
                     .bind(6, member.created_at)
                     .run();
    if (!added && added.error().code == DbErrorCode::constraint) {
        return DbError{DbErrorCode::constraint, fmt::format("member card {} already exists", member.card)};
    }
    return added;
}

DbStatus upsert_member(Connection& connection, const MemberRecord& member) {
    auto statement = connection.prepare(
        "INSERT INTO members (card, phone, name, limit_fen, balance_fen, created_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (card) DO UPDATE SET phone = excluded.phone, name = excluded.name, limit_fen = "
        "excluded.limit_fen");
    if (!statement) return statement.error();
    return (**statement)
        .bind(1, member.card)
        .bind(2, member.phone)
        .bind(3, member.name)
        .bind(4, member.limit_fen)
        .bind(5, member.balance_fen)
        .bind(6, member.created_at)
        .run();
}

DbResult<bool> set_member_limit(Connection& connection, const std::string& card, int64_t limit_fen) {
    auto statement = connection.prepare("UPDATE members SET limit_fen = ? WHERE card = ?");
    if (!statement) return statement.error();
    if (auto updated = (**statement).bind(1, limit_fen).bind(2, card).run(); !updated) return updated.error();
    return connection.changes() > 0;
}

DbResult<std::optional<MemberRecord>> find_member(Connection& connection, const std::string& card_or_phone) {
    if (card_or_phone.empty()) return std::optional<MemberRecord>{};
    for (const char* where : {"WHERE card = ?", "WHERE phone = ? ORDER BY card LIMIT 1"}) {
        auto found = members_where(connection, where, card_or_phone);
        if (!found) return found.error();
        if (!found->empty()) return std::optional<MemberRecord>(found->front());
    }
    return std::optional<MemberRecord>{};
}

DbResult<std::vector<MemberRecord>> all_members(Connection& connection) {
    return members_where(connection, "ORDER BY card", {});
}

DbResult<std::vector<MemberMovementRecord>> member_movements(Connection& connection, const std::string& card) {
    auto statement = connection.prepare(
        "SELECT id, card, kind, amount_fen, balance_after_fen, sale_id, lane, shift_id, operator, at "
        "FROM member_movements WHERE card = ? ORDER BY at, rowid");
    if (!statement) return statement.error();
    Statement& query = (**statement).bind(1, card);
    std::vector<MemberMovementRecord> movements;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        movements.push_back(MemberMovementRecord{query.column_text(0), query.column_text(1), query.column_text(2),
                                                 query.column_int(3), query.column_int(4), query.column_text(5),
                                                 query.column_int(6), query.column_text(7), query.column_text(8),
                                                 query.column_text(9)});
    }
    query.reset();
    return movements;
}

DbResult<std::optional<MemberMovementRecord>> movement_of_sale(Connection& connection, const std::string& sale_id) {
    auto statement = connection.prepare(
        "SELECT id, card, kind, amount_fen, balance_after_fen, sale_id, lane, shift_id, operator, at "
        "FROM member_movements WHERE sale_id = ? AND sale_id <> '' LIMIT 1");
    if (!statement) return statement.error();
    Statement& query = (**statement).bind(1, sale_id);
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return std::optional<MemberMovementRecord>{};
    MemberMovementRecord movement{
        query.column_text(0), query.column_text(1), query.column_text(2), query.column_int(3),  query.column_int(4),
        query.column_text(5), query.column_int(6),  query.column_text(7), query.column_text(8), query.column_text(9)};
    query.reset();
    return std::optional<MemberMovementRecord>(std::move(movement));
}

DbResult<MemberMovementRecord> apply_member_movement(Connection& connection, MemberMovementRecord movement) {
    // Part of the write of a sale, return or repayment when one is open; on its own otherwise.
    auto transaction =
        connection.in_transaction() ? Transaction::savepoint(connection) : Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto update =
        connection.prepare("UPDATE members SET balance_fen = balance_fen + ? WHERE card = ? RETURNING balance_fen");
    if (!update) return update.error();
    Statement& moved = (**update).bind(1, movement.amount_fen).bind(2, movement.card);
    auto row = moved.step();
    if (!row) return row.error();
    if (!*row) {
        return DbError{DbErrorCode::not_found, fmt::format("member card {} is not in lane.db", movement.card)};
    }
    movement.balance_after_fen = moved.column_int(0);
    moved.reset();
    auto insert = connection.prepare(
        "INSERT INTO member_movements (id, card, kind, amount_fen, balance_after_fen, sale_id, lane, shift_id, "
        "operator, at, "
        "method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    if (auto inserted = (**insert)
                            .bind(1, movement.id)
                            .bind(2, movement.card)
                            .bind(3, movement.kind)
                            .bind(4, movement.amount_fen)
                            .bind(5, movement.balance_after_fen)
                            .bind(6, movement.sale_id)
                            .bind(7, movement.lane)
                            .bind(8, movement.shift_id)
                            .bind(9, movement.operator_id)
                            .bind(10, movement.at)
                            .bind(11, movement.method)
                            .run();
        !inserted) {
        return inserted.error();
    }
    auto queue = connection.prepare("INSERT INTO outbox (kind, ref, payload, created_at) VALUES (?, ?, ?, ?)");
    if (!queue) return queue.error();
    if (auto queued = (**queue)
                          .bind(1, "member_movement")
                          .bind(2, movement.id)
                          .bind(3, member_movement_payload(movement))
                          .bind(4, movement.at)
                          .run();
        !queued) {
        return queued.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return movement;
}

std::string member_movement_payload(const MemberMovementRecord& movement) {
    nlohmann::json payload = {{"id", movement.id},
                              {"card", movement.card},
                              {"kind", movement.kind},
                              {"amount_fen", movement.amount_fen},
                              {"balance_after_fen", movement.balance_after_fen},
                              {"sale_id", movement.sale_id},
                              {"lane", movement.lane},
                              {"shift_id", movement.shift_id},
                              {"operator", movement.operator_id},
                              {"at", movement.at}};
    if (!movement.method.empty()) payload["method"] = movement.method;
    return payload.dump();
}

DbResult<MemberMovementRecord> parse_member_movement_payload(const std::string& json_text) {
    try {
        nlohmann::json payload = nlohmann::json::parse(json_text);
        MemberMovementRecord movement;
        movement.id = payload.at("id").get<std::string>();
        movement.card = payload.at("card").get<std::string>();
        movement.kind = payload.at("kind").get<std::string>();
        movement.amount_fen = payload.at("amount_fen").get<int64_t>();
        movement.balance_after_fen = payload.at("balance_after_fen").get<int64_t>();
        movement.sale_id = payload.at("sale_id").get<std::string>();
        movement.lane = payload.at("lane").get<int64_t>();
        movement.shift_id = payload.at("shift_id").get<std::string>();
        movement.operator_id = payload.at("operator").get<std::string>();
        movement.at = payload.at("at").get<std::string>();
        movement.method = payload.value("method", std::string{});  // lanes before card/mobile repayments sent none
        if (movement.id.empty() || movement.card.empty()) {
            return DbError{DbErrorCode::other, "a member_movement payload has an empty id or card"};
        }
        return movement;
    } catch (const std::exception& error) {
        return DbError{DbErrorCode::other,
                       fmt::format("a member_movement payload could not be read: {}", error.what())};
    }
}

DbResult<bool> file_member_movement(Connection& connection, const MemberMovementRecord& movement,
                                    const std::string& received_at) {
    auto insert = connection.prepare(
        "INSERT OR IGNORE INTO member_movements (id, card, kind, amount_fen, balance_after_fen, sale_id, lane, "
        "shift_id, "
        "operator, at, received_at, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    if (!insert) return insert.error();
    Statement& row = (**insert)
                         .bind(1, movement.id)
                         .bind(2, movement.card)
                         .bind(3, movement.kind)
                         .bind(4, movement.amount_fen)
                         .bind(5, movement.balance_after_fen)
                         .bind(6, movement.sale_id)
                         .bind(7, movement.lane)
                         .bind(8, movement.shift_id)
                         .bind(9, movement.operator_id)
                         .bind(10, movement.at)
                         .bind(11, received_at)
                         .bind(12, movement.method);
    auto inserted = row.step();
    if (!inserted) return inserted.error();
    bool is_new = *inserted;
    row.reset();
    if (!is_new) return false;
    auto placeholder = connection.prepare(
        "INSERT OR IGNORE INTO members (card, name, limit_fen, balance_fen, created_at) VALUES (?, '', 0, 0, ?)");
    if (!placeholder) return placeholder.error();
    if (auto made = (**placeholder).bind(1, movement.card).bind(2, received_at).run(); !made) return made.error();
    auto update = connection.prepare("UPDATE members SET balance_fen = balance_fen + ? WHERE card = ?");
    if (!update) return update.error();
    if (auto moved = (**update).bind(1, movement.amount_fen).bind(2, movement.card).run(); !moved) return moved.error();
    return true;
}

DbStatus add_member(StoreDb& store, const MemberRecord& member) { return add_member(store.connection(), member); }

DbStatus upsert_member(LaneDb& lane, const MemberRecord& member) { return upsert_member(lane.connection(), member); }

DbResult<bool> set_member_limit(StoreDb& store, const std::string& card, int64_t limit_fen) {
    return set_member_limit(store.connection(), card, limit_fen);
}

DbResult<bool> set_member_limit(LaneDb& lane, const std::string& card, int64_t limit_fen) {
    return set_member_limit(lane.connection(), card, limit_fen);
}

DbResult<std::optional<MemberRecord>> find_member(LaneDb& lane, const std::string& card_or_phone) {
    return find_member(lane.connection(), card_or_phone);
}

DbResult<std::vector<MemberRecord>> all_members(StoreDb& store) { return all_members(store.connection()); }

DbResult<std::vector<MemberRecord>> all_members(LaneDb& lane) { return all_members(lane.connection()); }

DbResult<std::vector<MemberMovementRecord>> member_movements(LaneDb& lane, const std::string& card) {
    return member_movements(lane.connection(), card);
}

DbResult<std::optional<MemberMovementRecord>> movement_of_sale(LaneDb& lane, const std::string& sale_id) {
    return movement_of_sale(lane.connection(), sale_id);
}

DbResult<MemberMovementRecord> apply_member_movement(LaneDb& lane, MemberMovementRecord movement) {
    return apply_member_movement(lane.connection(), std::move(movement));
}

}  // namespace pos::db
