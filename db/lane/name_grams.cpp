// The catalog names' character pairs in lane.db: building the index and searching through it.
#include "db/lane/name_grams.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace pos::db {
namespace {

// Items per row of item_name_grams: small enough that a search reads little more than it needs,
// large enough that a million items make few rows to write at import.
constexpr size_t chunk_items = 128;

bool continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The index covers one catalog at a time: a catalog from before migration 0030 is not in it yet,
// and one indexed before migration 0037 has pairs but no single characters.
DbResult<bool> index_ready(Connection& connection, bool characters) {
    auto ready =
        connection.query_text(characters ? "SELECT ready AND characters FROM item_name_grams_state WHERE id = 1"
                                         : "SELECT ready FROM item_name_grams_state WHERE id = 1");
    if (!ready) return ready.error();
    return ready->value_or("0") == "1";
}

using Named = std::vector<std::pair<std::string, std::string>>;  // name_zh, sku

DbResult<Named> scan_names(Connection& connection, const std::string& like, int64_t pool) {
    auto statement = connection.prepare(
        "SELECT sku, name_zh FROM items WHERE name_zh LIKE '%' || ?1 || '%' ESCAPE '\\' "
        "OR name_en LIKE '%' || ?1 || '%' ESCAPE '\\' LIMIT ?2");
    if (!statement) return statement.error();
    Named named;
    auto read = each_row((*statement)->bind(1, like).bind(2, pool),
                         [&](const Statement& row) { named.emplace_back(row.column_text(1), row.column_text(0)); });
    if (!read) return read.error();
    return named;
}

// How many rows item_name_grams has for `gram`, counted up to 256 (32,768 items: a few index
// pages), so judging which pair is rarer costs the same at any catalog size.
DbResult<int64_t> chunks_up_to_256(Connection& connection, const std::string& gram) {
    auto statement =
        connection.prepare("SELECT count(*) FROM (SELECT 1 FROM item_name_grams WHERE gram = ?1 LIMIT 256)");
    if (!statement) return statement.error();
    int64_t rows = 0;
    auto read = each_row((*statement)->bind(1, gram), [&](const Statement& row) { rows = row.column_int(0); });
    if (!read) return read.error();
    return rows;
}

std::vector<int64_t> decode_chunk(int64_t first, const std::string& gaps) {
    std::vector<int64_t> items{first};
    const char* at = gaps.data();
    const char* end = gaps.data() + gaps.size();
    while (at < end) {
        int64_t gap = 0;
        auto [next, error] = std::from_chars(at, end, gap);
        if (error != std::errc{}) break;
        items.push_back(items.back() + gap);
        at = next < end ? next + 1 : next;  // skip the space
    }
    return items;
}

// The items listed under one pair, read forwards a row at a time: seek(x) gives the first item at or
// after x. Items within the row already read are found in memory; a new row is one index seek.
class PairCursor {
public:
    PairCursor(Connection& connection, std::string gram) : connection_(connection), gram_(std::move(gram)) {}

    // The first item >= x, or 0 when there is none (rowids start at 1).
    DbResult<int64_t> seek(int64_t x) {
        if (items_.empty() || x > items_.back()) {
            // The row whose first item is the last at or before x may hold x; else the next row.
            if (auto loaded = load("first_item <= ?2 ORDER BY first_item DESC", x); !loaded) return loaded.error();
            if (items_.empty() || x > items_.back()) {
                if (auto loaded = load("first_item > ?2 ORDER BY first_item", x); !loaded) return loaded.error();
            }
            if (items_.empty() || x > items_.back()) return int64_t{0};
        }
        return *std::lower_bound(items_.begin(), items_.end(), x);
    }

private:
    DbStatus load(const std::string& where, int64_t x) {
        auto statement = connection_.prepare("SELECT first_item, gaps FROM item_name_grams WHERE gram = ?1 AND " +
                                             where + " LIMIT 1");
        if (!statement) return statement.error();
        items_.clear();
        return each_row((*statement)->bind(1, gram_).bind(2, x),
                        [&](const Statement& row) { items_ = decode_chunk(row.column_int(0), row.column_text(1)); });
    }

    Connection& connection_;
    std::string gram_;
    std::vector<int64_t> items_;  // the row read last, decoded
};

}  // namespace

std::vector<std::string> name_grams(std::string_view text) {
    std::vector<std::string> grams;
    std::string_view previous;  // the last character, if it was not ASCII
    size_t at = 0;
    while (at < text.size()) {
        size_t length = 1;
        while (at + length < text.size() && continuation(static_cast<unsigned char>(text[at + length]))) ++length;
        std::string_view character = text.substr(at, length);
        at += length;
        if (static_cast<unsigned char>(character[0]) < 0x80) {
            previous = {};
            continue;
        }
        if (!previous.empty()) {
            std::string gram = std::string(previous) + std::string(character);
            if (std::find(grams.begin(), grams.end(), gram) == grams.end()) grams.push_back(std::move(gram));
        }
        previous = character;
    }
    return grams;
}

std::vector<std::string> name_characters(std::string_view text) {
    std::vector<std::string> characters;
    size_t at = 0;
    while (at < text.size()) {
        size_t length = 1;
        while (at + length < text.size() && continuation(static_cast<unsigned char>(text[at + length]))) ++length;
        std::string character(text.substr(at, length));
        at += length;
        if (static_cast<unsigned char>(character[0]) < 0x80) continue;
        if (std::find(characters.begin(), characters.end(), character) == characters.end())
            characters.push_back(std::move(character));
    }
    return characters;
}

DbStatus rebuild_name_grams(Connection& connection) {
    if (auto cleared = connection.exec("DELETE FROM item_name_grams"); !cleared) return cleared;
    auto names = connection.prepare("SELECT rowid, name_zh, name_en FROM items ORDER BY rowid");
    if (!names) return names.error();
    std::map<std::string, std::vector<int64_t>> postings;  // ordered: rows go in in key order
    auto read = each_row(**names, [&](const Statement& row) {
        int64_t item = row.column_int(0);
        for (int column : {1, 2}) {
            std::string name = row.column_text(column);
            for (auto* keys_of : {&name_grams, &name_characters}) {
                for (std::string& key : keys_of(name)) {
                    std::vector<int64_t>& items = postings[std::move(key)];
                    if (items.empty() || items.back() != item) items.push_back(item);
                }
            }
        }
    });
    if (!read) return read;
    auto insert = connection.prepare("INSERT INTO item_name_grams (gram, first_item, gaps) VALUES (?, ?, ?)");
    if (!insert) return insert.error();
    std::string gaps;
    for (const auto& [gram, items] : postings) {
        for (size_t start = 0; start < items.size(); start += chunk_items) {
            size_t stop = std::min(items.size(), start + chunk_items);
            gaps.clear();
            for (size_t i = start + 1; i < stop; ++i) {
                if (i > start + 1) gaps += ' ';
                gaps += std::to_string(items[i] - items[i - 1]);
            }
            if (auto added = (*insert)->reset().bind(1, gram).bind(2, items[start]).bind(3, gaps).run(); !added) {
                return added;
            }
        }
    }
    return connection.exec("UPDATE item_name_grams_state SET ready = 1, characters = 1 WHERE id = 1");
}

DbResult<Named> names_containing(Connection& connection, const std::string& query, const std::string& like,
                                 int64_t pool) {
    // Its pairs; a query without one (one Chinese character, or several apart) by its characters:
    // a name holding the query holds each of them.
    std::vector<std::string> grams = name_grams(query);
    bool by_characters = grams.empty();
    if (by_characters) grams = name_characters(query);
    auto ready = index_ready(connection, by_characters);
    if (!ready) return ready.error();
    if (grams.empty() || !*ready) return scan_names(connection, like, pool);
    // Rarest pair first: it proposes the items, the others confirm or skip ahead (a leapfrog join),
    // so a query whose pairs each are common but never together reads few rows at any size.
    std::vector<std::pair<int64_t, std::string>> by_rarity;
    for (std::string& gram : grams) {
        auto rows = chunks_up_to_256(connection, gram);
        if (!rows) return rows.error();
        by_rarity.emplace_back(*rows, std::move(gram));
    }
    std::stable_sort(by_rarity.begin(), by_rarity.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<PairCursor> cursors;
    for (auto& [rows, gram] : by_rarity) cursors.emplace_back(connection, std::move(gram));
    auto matching = connection.prepare(
        "SELECT sku, name_zh FROM items WHERE rowid = ?1 AND (name_zh LIKE '%' || ?2 || '%' ESCAPE '\\' "
        "OR name_en LIKE '%' || ?2 || '%' ESCAPE '\\')");
    if (!matching) return matching.error();
    Named named;
    int64_t from = 1;
    while (int64_t(named.size()) < pool) {
        auto candidate = cursors.front().seek(from);
        if (!candidate) return candidate.error();
        if (*candidate == 0) break;
        int64_t next = *candidate;
        for (size_t i = 1; i < cursors.size() && next == *candidate; ++i) {
            auto found = cursors[i].seek(*candidate);
            if (!found) return found.error();
            next = *found == 0 ? -1 : *found;
        }
        if (next < 0) break;  // a pair has no items from here on: nothing more can match
        if (next != *candidate) {
            from = next;  // skip to where the other pair's items go on
            continue;
        }
        auto checked = each_row((*matching)->bind(1, *candidate).bind(2, like), [&](const Statement& match) {
            named.emplace_back(match.column_text(1), match.column_text(0));
        });
        if (!checked) return checked.error();
        from = *candidate + 1;
    }
    return named;
}

}  // namespace pos::db
