// store.db: the store's database — catalog master, users, every lane's sales and shifts.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "db/records.hpp"
#include "db/sqlite.hpp"

namespace pos::db {

class StoreDb {
public:
    // Opens store.db with the same integrity check and migrations as the lane.
    [[nodiscard]] static DbResult<std::unique_ptr<StoreDb>> open(const std::string& path, bool create);

    [[nodiscard]] DbStatus replace_catalog(const std::vector<ItemRecord>& items);
    [[nodiscard]] DbResult<std::vector<ItemRecord>> all_items();

    [[nodiscard]] Connection& connection() { return *connection_; }

private:
    explicit StoreDb(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
    std::unique_ptr<Connection> connection_;
};

}  // namespace pos::db
