// The transfers view read in order: in transit first, then by when they were sent.
#include "hq/transfers.hpp"

namespace pos::hq {

PgResult<std::vector<ChainTransfer>> chain_transfers(PgConnection& admin, bool open_only) {
    auto rows = admin.exec(
        "SELECT number, coalesce(from_store_id, ''), coalesce(from_store, ''), to_store, coalesce(to_store_id, ''), "
        "coalesce(sent_at, ''), coalesce(received_at, ''), sent_milli, received_milli, state FROM chain_transfers "
        "WHERE NOT $1::boolean OR state = 'in transit' "
        "ORDER BY state <> 'in transit', coalesce(sent_at, received_at), number",
        {open_only ? "true" : "false"});
    if (!rows) return rows.error();
    std::vector<ChainTransfer> out;
    for (int i = 0; i < rows->size(); ++i) {
        out.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2), rows->text(i, 3), rows->text(i, 4),
                       rows->text(i, 5), rows->text(i, 6), rows->integer(i, 7), rows->integer(i, 8), rows->text(i, 9)});
    }
    return out;
}

}  // namespace pos::hq
