// The pull: read the approved documents not adopted yet, adopt each in its own store.db transaction;
// then the chain catalog and promotions, decoded first and taken in one transaction with the
// store's audit record of them.
#include "chain/head_office_pull.hpp"

#include "chain/utc_now.hpp"
#include "db/store/head_office_inbox.hpp"
#include "db/store/head_office_master.hpp"
#include "hq/chain_catalog.hpp"
#include "hq/master_data.hpp"
#include "sync/store_protocol.hpp"

namespace pos::chain {
namespace {

support::Expected<std::vector<PulledPriceChange>, PushError> pull_price_changes(db::StoreDb& store,
                                                                                hq::PgConnection& connection) {
    auto known = db::adopted_head_office_price_changes(store);
    if (!known) return PushError{"store.db cannot be read: " + known.error().message};
    auto fresh = hq::approved_price_changes_for_me(connection, *known);
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

// The chain catalog and promotions: everything read and decoded before store.db is touched.
support::Expected<support::Done, PushError> pull_master_data(db::StoreDb& store, hq::PgConnection& connection,
                                                             Pulled& pulled, const RecordAdoption& record) {
    auto taken = db::head_office_master_taken(store);
    if (!taken) return PushError{"store.db cannot be read: " + taken.error().message};
    auto fresh = hq::master_data_for_me(connection, taken->catalog_version, taken->promotions);
    if (!fresh) return PushError{"head office: catalog and promotions not read: " + fresh.error().message, true, 0};
    db::HeadOfficeMasterData data;
    if (fresh->catalog) {
        auto catalog = sync::decode_catalog(fresh->catalog->catalog);
        if (!catalog) {
            return PushError{"head office catalog version " + std::to_string(fresh->catalog->version) +
                             " cannot be read: " + catalog.error().message};
        }
        data.catalog_version = fresh->catalog->version;
        data.items = std::move(catalog->items);
    }
    for (const hq::ChainPromotion& promotion : fresh->promotions) {
        auto decoded = sync::decode_catalog(promotion.promotion);
        if (!decoded || decoded->promotions.size() != 1) {
            return PushError{"head office promotion " + std::to_string(promotion.id) + " cannot be read" +
                             (decoded ? std::string() : ": " + decoded.error().message)};
        }
        data.promotions.push_back({promotion.id, decoded->promotions.front()});
        pulled.promotions.push_back(promotion.promotion_id + " " + promotion.name + ", " + promotion.starts_on +
                                    " to " + promotion.ends_on);
    }
    if (!data.catalog_version && data.promotions.empty()) return support::Done{};
    auto refused = [&](const std::string& why) {
        pulled.promotions.clear();
        return PushError{"store.db cannot take the head office's catalog and promotions: " + why};
    };
    // The record first (it compares with the prices still in force), the data next, one commit.
    auto transaction = store.begin_transaction();
    if (!transaction) return refused(transaction.error().message);
    if (auto recorded = record(store, data); !recorded) return refused(recorded.error());
    if (auto adopted = db::adopt_head_office_master_data(store, data, utc_now()); !adopted)
        return refused(adopted.error().message);
    if (auto committed = transaction->commit(); !committed) return refused(committed.error().message);
    pulled.catalog_version = data.catalog_version.value_or(0);
    pulled.catalog_items = int64_t(data.items.size());
    return support::Done{};
}

}  // namespace

support::Expected<Pulled, PushError> pull_from_head_office(db::StoreDb& store, const PushOptions& options,
                                                           const RecordAdoption& record) {
    auto conninfo = conninfo_with_password(options.conninfo, options.password_file);
    if (!conninfo) return conninfo.error();
    auto connection = hq::PgConnection::open(*conninfo);
    if (!connection) return PushError{"head office: cannot connect: " + connection.error().message, true, 0};
    Pulled pulled;
    auto prices = pull_price_changes(store, *connection);
    if (!prices) return prices.error();
    pulled.price_changes = std::move(*prices);
    if (auto master = pull_master_data(store, *connection, pulled, record); !master) return master.error();
    return pulled;
}

std::vector<std::string> master_data_lines(const Pulled& pulled) {
    std::vector<std::string> lines;
    if (pulled.catalog_version != 0) {
        lines.push_back("head office catalog version " + std::to_string(pulled.catalog_version) +
                        " taken: " + std::to_string(pulled.catalog_items) + " items");
    }
    for (const std::string& promotion : pulled.promotions) lines.push_back("head office promotion taken: " + promotion);
    return lines;
}

}  // namespace pos::chain
