// The pull: read the approved documents not adopted yet, adopt each in its own store.db transaction.
#include "chain/head_office_pull.hpp"

#include "chain/utc_now.hpp"
#include "db/store/head_office_inbox.hpp"
#include "hq/master_data.hpp"

namespace pos::chain {

support::Expected<std::vector<PulledPriceChange>, PushError> pull_from_head_office(db::StoreDb& store,
                                                                                   const PushOptions& options) {
    auto conninfo = conninfo_with_password(options.conninfo, options.password_file);
    if (!conninfo) return conninfo.error();
    auto connection = hq::PgConnection::open(*conninfo);
    if (!connection) return PushError{"head office: cannot connect: " + connection.error().message, true, 0};
    auto known = db::adopted_head_office_price_changes(store);
    if (!known) return PushError{"store.db cannot be read: " + known.error().message};
    auto fresh = hq::approved_price_changes_for_me(*connection, *known);
    if (!fresh) return PushError{"head office: price changes not read: " + fresh.error().message, true, 0};
    std::vector<PulledPriceChange> pulled;
    for (const hq::ChainPriceChange& change : *fresh) {
        db::PriceChangeRecord header;
        header.effective_on = change.effective_on;
        header.reason = "总部 #" + std::to_string(change.id) + ": " + change.reason;
        header.created_by = "hq:" + change.created_by;
        header.created_at = utc_now();
        header.approved_by = "hq:" + change.approved_by;
        std::vector<db::HeadOfficePriceItem> items;
        for (const hq::ChainPriceItem& item : change.items) items.push_back({item.sku, item.new_price_fen});
        auto adopted = db::adopt_head_office_price_change(store, change.id, header, items, utc_now());
        if (!adopted)
            return PushError{"store.db cannot adopt price change " + std::to_string(change.id) + ": " +
                             adopted.error().message};
        if (!*adopted) continue;
        pulled.push_back(
            {change.id, (*adopted)->price_change_id.value_or(0), change.effective_on, (*adopted)->skipped_skus});
    }
    return pulled;
}

}  // namespace pos::chain
