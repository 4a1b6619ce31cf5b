// Held tickets and item search on lane.db.
#include "db/lane/tickets.hpp"

#include <algorithm>

#include "db/lane/name_grams.hpp"
#include "db/shared/catalog_tables.hpp"

namespace pos::db {

DbStatus hold_ticket(LaneDb& lane, const HeldTicketRecord& held) {
    auto statement = lane.connection().prepare(
        "INSERT INTO held_tickets (id, lane, operator, held_at, lines, total_fen, ticket) VALUES (?, ?, ?, ?, ?, ?, "
        "?)");
    if (!statement) return statement.error();
    Statement& insert = **statement;
    insert.bind(1, held.id).bind(2, held.lane).bind(3, held.operator_id).bind(4, held.held_at);
    insert.bind(5, held.lines).bind(6, held.total_fen).bind(7, held.ticket);
    return insert.run();
}

DbResult<std::vector<HeldTicketRecord>> held_tickets(LaneDb& lane, int64_t lane_number) {
    auto statement = lane.connection().prepare(
        "SELECT id, lane, operator, held_at, lines, total_fen FROM held_tickets WHERE lane = ? ORDER BY held_at, "
        "rowid");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, lane_number);
    std::vector<HeldTicketRecord> held;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        held.push_back({query.column_text(0),
                        query.column_int(1),
                        query.column_text(2),
                        query.column_text(3),
                        query.column_int(4),
                        query.column_int(5),
                        {}});
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
    // Prefix matches on pinyin initials (简码), SKU and PLU first, each through its index and in
    // index order, so LIMIT stops the scan early at any catalog size (GLOB is case-sensitive and
    // can use the BINARY indexes; 简码 are stored lowercase). Then names containing the text, found
    // through the index of the names' character pairs (db/lane/name_grams.hpp): the first
    // `name_pool` matches, of which the shortest names are shown. Wildcards typed by the cashier
    // are matched literally.
    constexpr int64_t name_pool = 200;
    std::string glob, lowered_glob, like;
    for (char c : query) {
        bool special = c == '*' || c == '?' || c == '[';
        glob += special ? std::string("[") + c + "]" : std::string(1, c);
        char lower = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        lowered_glob += special ? std::string("[") + c + "]" : std::string(1, lower);
        if (c == '%' || c == '_' || c == '\\') like += '\\';
        like += c;
    }
    std::vector<std::string> skus;
    auto collect = [&](const std::string& sql, const std::string& pattern, int64_t wanted) -> DbStatus {
        auto statement = lane.connection().prepare(sql);
        if (!statement) return statement.error();
        Statement& search = (*statement)->bind(1, pattern).bind(2, wanted);
        for (;;) {
            auto row = search.step();
            if (!row) return row.error();
            if (!*row) break;
            std::string sku = search.column_text(0);
            if (std::find(skus.begin(), skus.end(), sku) == skus.end()) skus.push_back(std::move(sku));
        }
        return support::Done{};
    };
    const std::pair<const char*, const std::string*> prefixes[] = {
        {"SELECT sku FROM items WHERE pinyin GLOB ?1 ORDER BY pinyin LIMIT ?2", &lowered_glob},
        {"SELECT sku FROM items WHERE sku GLOB ?1 ORDER BY sku LIMIT ?2", &glob},
        {"SELECT sku FROM items WHERE plu GLOB ?1 ORDER BY plu LIMIT ?2", &glob},
    };
    for (const auto& [sql, pattern] : prefixes) {
        if (int64_t(skus.size()) >= limit) break;
        if (auto found = collect(sql, *pattern + "*", limit); !found) return found.error();
    }
    if (int64_t(skus.size()) < limit) {
        auto found = names_containing(lane.connection(), query, like, name_pool);
        if (!found) return found.error();
        std::vector<std::pair<std::string, std::string>>& named = *found;  // name, sku
        std::stable_sort(named.begin(), named.end(),
                         [](const auto& a, const auto& b) { return a.first.size() < b.first.size(); });
        for (auto& [name, sku] : named) {
            if (int64_t(skus.size()) >= limit) break;
            if (std::find(skus.begin(), skus.end(), sku) == skus.end()) skus.push_back(std::move(sku));
        }
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
