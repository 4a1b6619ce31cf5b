// Helpers for the end-to-end sync tests: selling scripts, and comparing a lane with the store.
#pragma once

#include <set>
#include <string>

#include <doctest/doctest.h>

#include "db/shared/sqlite.hpp"

namespace pos::testing {

// `sales` one- to three-item cash sales after a login and an open shift.
inline std::string selling_script(int sales, bool open_shift = true) {
    const char* codes[] = {"6921168176748", "6921168861569", "6921168498505", "2200101005005"};
    std::string script = R"({"op":"login","operator":"1001","pin":"1234"})"
                         "\n";
    if (open_shift)
        script += R"({"op":"open_shift","float":"200.00"})"
                  "\n";
    for (int sale = 0; sale < sales; ++sale) {
        for (int item = 0; item <= sale % 3; ++item) {
            script += std::string(R"({"op":"scan","code":")") + codes[(sale + item) % 4] + "\"}\n";
        }
        script += R"({"op":"tender","method":"cash","amount":"100.00"})"
                  "\n";
    }
    return script;
}

// Opens a database file without the integrity check or migrations (it may be the damaged one).
inline std::unique_ptr<db::Connection> raw_open(const std::string& path) {
    auto connection = db::Connection::open(path, false);
    REQUIRE(connection.ok());
    return std::move(*connection);
}

inline int64_t query_count(const std::string& path, const std::string& sql) {
    auto connection = raw_open(path);
    auto answer = connection->query_text(sql);
    REQUIRE_MESSAGE(answer.ok(), sql);
    return std::stoll(answer->value_or("-1"));
}

inline std::multiset<std::string> column_values(const std::string& path, const std::string& sql) {
    auto connection = raw_open(path);
    auto statement = connection->prepare(sql);
    REQUIRE(statement.ok());
    std::multiset<std::string> values;
    for (;;) {
        auto row = (*statement)->step();
        REQUIRE(row.ok());
        if (!*row) break;
        values.insert((*statement)->column_text(0));
    }
    return values;
}

// The store has every sale and shift of the lane exactly once, whole: same ids, same lines,
// tenders and totals; and the lane's outbox has nothing left to send.
inline void check_store_matches_lane(const std::string& lane_db, const std::string& store_db) {
    auto lane_sales = column_values(lane_db, "SELECT id FROM sales");
    auto store_sales = column_values(store_db, "SELECT id FROM sales");
    CHECK(lane_sales.size() > 0);
    CHECK(store_sales == lane_sales);
    CHECK(column_values(store_db, "SELECT id FROM shifts") == column_values(lane_db, "SELECT id FROM shifts"));
    for (const char* sql :
         {"SELECT count(*) FROM sale_lines", "SELECT count(*) FROM sale_tenders",
          "SELECT coalesce(sum(total_fen), 0) FROM sales", "SELECT coalesce(sum(amount_fen), 0) FROM sale_lines",
          "SELECT coalesce(sum(amount_fen), 0) FROM sale_tenders"}) {
        CAPTURE(sql);
        CHECK(query_count(store_db, sql) == query_count(lane_db, sql));
    }
    CHECK(query_count(lane_db, "SELECT count(*) FROM outbox WHERE synced_at IS NULL") == 0);
    CHECK(query_count(store_db, "SELECT count(*) FROM received") ==
          query_count(lane_db, "SELECT count(*) FROM outbox"));
}

}  // namespace pos::testing
