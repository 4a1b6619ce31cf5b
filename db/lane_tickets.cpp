// Held tickets and item search on lane.db.
#include "db/lane_tickets.hpp"

#include "db/catalog_tables.hpp"

namespace pos::db {

DbStatus hold_ticket(LaneDb& lane, const HeldTicketRecord& held) {
    auto statement = lane.connection().prepare(
        "INSERT INTO held_tickets (id, lane, operator, held_at, lines, total_fen, ticket) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!statement) return statement.error();
    Statement& insert = **statement;
    insert.bind(1, held.id).bind(2, held.lane).bind(3, held.operator_id).bind(4, held.held_at);
    insert.bind(5, held.lines).bind(6, held.total_fen).bind(7, held.ticket);
    return insert.run();
}

DbResult<std::vector<HeldTicketRecord>> held_tickets(LaneDb& lane, int64_t lane_number) {
    auto statement = lane.connection().prepare(
        "SELECT id, lane, operator, held_at, lines, total_fen FROM held_tickets WHERE lane = ? ORDER BY held_at, rowid");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, lane_number);
    std::vector<HeldTicketRecord> held;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        held.push_back({query.column_text(0), query.column_int(1), query.column_text(2), query.column_text(3),
                        query.column_int(4), query.column_int(5), {}});
    }
    return held;
}

DbResult<std::optional<HeldTicketRecord>> take_held_ticket(LaneDb& lane, const std::string& id) {
    auto statement = lane.connection().prepare(
        "DELETE FROM held_tickets WHERE id = ? RETURNING id, lane, operator, held_at, lines, total_fen, ticket");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, id);
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return std::optional<HeldTicketRecord>{};
    HeldTicketRecord held{query.column_text(0), query.column_int(1), query.column_text(2), query.column_text(3),
                          query.column_int(4),  query.column_int(5), query.column_text(6)};
    // Step to the end so the DELETE completes before the statement is reset.
    for (;;) {
        auto more = query.step();
        if (!more) return more.error();
        if (!*more) break;
    }
    return std::optional<HeldTicketRecord>(std::move(held));
}

DbResult<std::vector<ItemRecord>> search_items(LaneDb& lane, const std::string& query, int64_t limit) {
    // Prefix matches on pinyin initials (简码), SKU and PLU use the indexes and rank first;
    // name matches follow. Wildcards typed by the cashier are matched literally.
    std::string escaped;
    for (char c : query) {
        if (c == '%' || c == '_' || c == '\\') escaped += '\\';
        escaped += c;
    }
    auto statement = lane.connection().prepare(
        "SELECT sku FROM items WHERE pinyin LIKE ?1 || '%' ESCAPE '\\' OR sku LIKE ?1 || '%' ESCAPE '\\' "
        "OR plu LIKE ?1 || '%' ESCAPE '\\' OR name_zh LIKE '%' || ?1 || '%' ESCAPE '\\' "
        "OR name_en LIKE '%' || ?1 || '%' ESCAPE '\\' "
        "ORDER BY (pinyin LIKE ?1 || '%' ESCAPE '\\') DESC, length(name_zh), sku LIMIT ?2");
    if (!statement) return statement.error();
    Statement& search = (*statement)->bind(1, escaped).bind(2, limit);
    std::vector<std::string> skus;
    for (;;) {
        auto row = search.step();
        if (!row) return row.error();
        if (!*row) break;
        skus.push_back(search.column_text(0));
    }
    std::vector<ItemRecord> items;
    for (const std::string& sku : skus) {
        auto item = find_item_by_sku(lane.connection(), sku);
        if (!item) return item.error();
        if (*item) items.push_back(std::move(**item));
    }
    return items;
}

}  // namespace pos::db
