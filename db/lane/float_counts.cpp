// The float counted by denomination at open shift: one row per shift, written with the shift.
#include "db/lane/float_counts.hpp"

#include "db/shared/sqlite.hpp"

namespace pos::db {

DbStatus record_float_counts(LaneDb& lane, const std::string& shift_id, const std::string& counts) {
    auto insert = lane.connection().prepare("INSERT INTO float_counts (shift_id, counts) VALUES (?, ?)");
    if (!insert) return insert.error();
    return (*insert)->bind(1, shift_id).bind(2, counts).run();
}

DbResult<std::string> float_counts_of(LaneDb& lane, const std::string& shift_id) {
    auto select = lane.connection().prepare("SELECT counts FROM float_counts WHERE shift_id = ?");
    if (!select) return select.error();
    Statement& query = (*select)->bind(1, shift_id);
    auto row = query.step();
    if (!row) return row.error();
    std::string counts = *row ? query.column_text(0) : std::string{};
    query.reset();
    return counts;
}

}  // namespace pos::db
