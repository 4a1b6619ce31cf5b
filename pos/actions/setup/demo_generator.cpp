// Synthetic store history: each lane rings a day of sales along a traffic curve in two shifts,
// the drawer is counted at each close, and the day is closed (日结) with its totals locked.
#include "pos/actions/setup/demo_generator.hpp"

#include <algorithm>
#include <deque>
#include <random>

#include <fmt/format.h>

#include "db/store/day.hpp"
#include "db/store/demo.hpp"
#include "db/store/report.hpp"
#include "pos/actions/reports/daily_report.hpp"
#include "pos/actions/shift/end_of_day.hpp"
#include "pos/actions/records.hpp"
#include "pos/core/business_day.hpp"
#include "pos/core/daily_report.hpp"

namespace pos::actions {
namespace {

// Relative traffic from 07:00 to 22:00: a breakfast bump, lunch, and the evening peak.
constexpr int first_hour = 7;
constexpr int hour_weights[] = {4, 7, 6, 5, 6, 9, 8, 5, 5, 6, 8, 10, 9, 6, 4, 2};
constexpr int64_t float_fen = 50000;

class Random {
public:
    explicit Random(uint64_t seed) : engine_(seed) {}
    // 0 .. n-1, from the raw engine so every platform draws the same history from one seed.
    int64_t below(int64_t n) { return int64_t(engine_() % uint64_t(n)); }
    bool chance(int per_thousand) { return below(1000) < per_thousand; }
    int hour() {
        int total = 0;
        for (int weight : hour_weights) total += weight;
        int64_t pick = below(total);
        for (int i = 0;; ++i) {
            pick -= hour_weights[i];
            if (pick < 0) return first_hour + i;
        }
    }

private:
    std::mt19937_64 engine_;
};

struct PastSale {
    std::string id;
    db::GeneratedLine line;
    std::string method;
};

struct Drawer {
    int64_t cash = float_fen;  // what the drawer should hold
};

std::string at(const std::string& day, int hour, int minute, int second, const std::string& offset) {
    return fmt::format("{}T{:02}:{:02}:{:02}{}", day, hour, minute, second, offset);
}

db::GeneratedLine item_line(Random& random, const db::ItemRecord& item, int64_t line_no) {
    db::GeneratedLine generated;
    db::SaleLineRecord& line = generated.line;
    line.line_no = line_no;
    line.sku = item.sku;
    line.gtin = item.gtins.empty() ? "" : item.gtins.front();
    line.name_zh = item.name_zh;
    line.name_en = item.name_en;
    line.spec = item.spec;
    line.unit = item.unit;
    line.department = item.department;
    line.sale_unit = item.sale_unit;
    if (item.sale_unit == "weight") {
        line.quantity_milli = 150 + random.below(1200);  // grams
        line.unit_price_fen = item.price_per_kg_fen;
    } else {
        line.quantity_milli = 1000 * (1 + (random.chance(250) ? random.below(3) + 1 : 0));
        line.unit_price_fen = item.price_fen;
    }
    if (random.chance(8)) {  // a price override approved by the supervisor
        line.original_price_fen = line.unit_price_fen;
        line.unit_price_fen = line.unit_price_fen * 8 / 10;
        line.price_set_by = "9001";
    }
    int64_t gross = (line.unit_price_fen * line.quantity_milli + 500) / 1000;
    if (random.chance(80) && gross >= 100) {  // a promotion takes 10% off
        generated.discount_fen = gross / 10;
        generated.promotion = "会员九折";
    }
    line.amount_fen = gross - generated.discount_fen;
    return generated;
}

// Cheap everyday goods sell far more often than a bottle of 茅台: the cheapest of three random items.
const db::ItemRecord& pick_item(Random& random, const std::vector<db::ItemRecord>& items) {
    const db::ItemRecord* best = nullptr;
    for (int draw = 0; draw < 3; ++draw) {
        const db::ItemRecord& item = items[size_t(random.below(int64_t(items.size())))];
        int64_t price = item.sale_unit == "weight" ? item.price_per_kg_fen / 2 : item.price_fen;
        int64_t best_price =
            best == nullptr ? 0 : (best->sale_unit == "weight" ? best->price_per_kg_fen / 2 : best->price_fen);
        if (best == nullptr || price < best_price) best = &item;
    }
    return *best;
}

db::GeneratedSale make_sale(Random& random, const std::vector<db::ItemRecord>& items, const std::string& id,
                            int64_t receipt_no) {
    db::GeneratedSale sale;
    sale.sale.id = id;
    sale.sale.receipt_no = receipt_no;
    int64_t count = 1 + random.below(4) + (random.chance(300) ? random.below(6) : 0);
    for (int64_t n = 1; n <= count; ++n) {
        db::GeneratedLine line = item_line(random, pick_item(random, items), n);
        sale.sale.total_fen += line.line.amount_fen;
        sale.sale.item_count_milli += line.line.sale_unit == "weight" ? 1000 : line.line.quantity_milli;
        sale.lines.push_back(std::move(line));
    }
    if (random.chance(30)) {  // a line scanned by mistake and voided by the supervisor
        db::GeneratedLine voided = item_line(random, pick_item(random, items), count + 1);
        voided.line.voided = true;
        voided.line.voided_by = "9001";
        sale.lines.push_back(std::move(voided));
    }
    return sale;
}

// Pays the sale: mobile, card, member account or cash (抹零 to the 角, change from a round note).
void pay(Random& random, db::GeneratedSale& generated, Drawer& drawer) {
    db::SaleRecord& sale = generated.sale;
    int64_t pick = random.below(100);
    std::string method = pick < 50 ? "mobile" : pick < 75 ? "cash" : pick < 95 ? "card" : "account";
    if (method != "cash") {
        sale.paid_fen = sale.total_fen;
        sale.tenders.push_back({1, method, sale.total_fen, method == "account" ? "M0001" : ""});
        return;
    }
    sale.rounding_fen = -(sale.total_fen % 10);
    if (sale.rounding_fen != 0) {
        db::GeneratedLine rounding;
        rounding.line.line_no = int64_t(generated.lines.size()) + 1;
        rounding.line.kind = "rounding";
        rounding.line.name_zh = "抹零";
        rounding.line.name_en = "Cash rounding";
        rounding.line.quantity_milli = 1000;
        rounding.line.unit_price_fen = rounding.line.amount_fen = sale.rounding_fen;
        generated.lines.push_back(rounding);
    }
    sale.total_fen += sale.rounding_fen;
    int64_t note = random.chance(500) ? 1000 : 10000;
    sale.paid_fen = random.chance(200) ? sale.total_fen : (sale.total_fen + note - 1) / note * note;
    sale.change_fen = sale.paid_fen - sale.total_fen;
    sale.tenders.push_back({1, "cash", sale.paid_fen, ""});
    drawer.cash += sale.total_fen;
}

// A return (红字) of one line of an earlier sale, refunded the way it was paid.
db::GeneratedSale make_return(const PastSale& original, const std::string& id, int64_t receipt_no, Drawer& drawer) {
    db::GeneratedSale sale;
    sale.kind = "return";
    sale.original_sale_id = original.id;
    sale.reason = "质量问题";
    sale.approved_by = "9001";
    sale.sale.id = id;
    sale.sale.receipt_no = receipt_no;
    db::GeneratedLine line = original.line;
    line.original_line_no = line.line.line_no;
    line.line.line_no = 1;
    line.line.quantity_milli = -line.line.quantity_milli;
    line.line.amount_fen = -line.line.amount_fen;
    line.discount_fen = -line.discount_fen;
    sale.sale.total_fen = line.line.amount_fen;
    sale.sale.paid_fen = sale.sale.total_fen;
    sale.sale.item_count_milli = line.line.sale_unit == "weight" ? -1000 : line.line.quantity_milli;
    sale.sale.tenders.push_back({1, original.method, sale.sale.total_fen, ""});
    if (original.method == "cash") drawer.cash += sale.sale.total_fen;
    sale.lines.push_back(std::move(line));
    return sale;
}

}  // namespace

core::Result<DemoSummary> generate_demo_history(db::StoreDb& store, const DemoOptions& options,
                                                const std::function<void(const std::string&)>& progress) {
    if (options.lanes < 1 || options.lanes > 99 || options.days < 1 || options.days > 3660 ||
        options.sales_per_lane_day < 1) {
        return core::make_error(core::ErrorCode::bad_input,
                                "--lanes must be 1 to 99, --days 1 to 3660, --sales at least 1");
    }
    if (!is_calendar_date(options.last_day)) {
        return core::make_error(core::ErrorCode::bad_input, "\"" + options.last_day + "\" is not a date (YYYY-MM-DD)");
    }
    auto catalog = store.all_items();
    if (!catalog) return storage_error(catalog.error());
    std::vector<db::ItemRecord> items = std::move(*catalog);
    if (items.empty()) {
        return core::make_error(
            core::ErrorCode::bad_input,
            "store.db has no catalog to sell from: run posctl init --demo or posctl catalog import first");
    }
    std::string first_day = core::date_minus_days(options.last_day, options.days - 1);
    for (const std::string& day : {first_day, options.last_day}) {
        auto existing = db::find_business_day(store, day);
        if (!existing) return storage_error(existing.error());
        if (*existing) {
            return core::make_error(core::ErrorCode::bad_input,
                                    "store.db already has business day " + day +
                                        ": generate into a fresh data directory or end before the existing days");
        }
    }

    Random random(options.seed);
    DemoSummary summary;
    std::vector<std::deque<PastSale>> past(size_t(options.lanes) + 1);
    std::vector<int64_t> receipt(size_t(options.lanes) + 1, 0);
    for (int index = 0; index < options.days; ++index) {
        std::string day = core::date_minus_days(options.last_day, options.days - 1 - index);
        db::GeneratedDay generated;
        std::vector<core::DaySale> day_sales;
        std::vector<core::DayMovement> day_movements;
        std::vector<core::DayShiftClose> day_closes;
        // Weekends are busier.
        int weekday = core::weekday_of(day);
        int64_t per_lane = options.sales_per_lane_day * (weekday >= 5 ? 13 : 10) / 10;
        for (int lane = 1; lane <= options.lanes; ++lane) {
            std::vector<std::string> times;
            for (int64_t n = 0; n < per_lane; ++n) {
                times.push_back(at(day, random.hour(), int(random.below(60)), int(random.below(60)), options.offset));
            }
            std::sort(times.begin(), times.end());
            for (int half = 0; half < 2; ++half) {
                std::string shift_id = fmt::format("demo-{}-L{:02}-{}", day, lane, half + 1);
                std::string cashier = fmt::format("{}", 1000 + lane * 2 - 1 + half);
                std::string opened = at(day, half == 0 ? 6 : 14, 55, 0, options.offset);
                std::string closed = at(day, half == 0 ? 15 : 23, 5, 0, options.offset);
                generated.shifts.push_back({shift_id, lane, cashier, opened, float_fen, closed});
                Drawer drawer;
                for (const std::string& time : times) {
                    bool in_shift = half == 0 ? time.substr(11, 2) < "15" : time.substr(11, 2) >= "15";
                    if (!in_shift) continue;
                    std::string id = fmt::format("demo-{}-L{:02}-{:05}", day, lane, ++receipt[size_t(lane)]);
                    db::GeneratedSale sale;
                    std::deque<PastSale>& history = past[size_t(lane)];
                    if (random.chance(4) && !history.empty()) {
                        sale = make_return(history[size_t(random.below(int64_t(history.size())))], id,
                                           receipt[size_t(lane)], drawer);
                        ++summary.returns;
                    } else {
                        sale = make_sale(random, items, id, receipt[size_t(lane)]);
                        pay(random, sale, drawer);
                        history.push_back({id, sale.lines.front(), sale.sale.tenders.front().method});
                        if (history.size() > 500) history.pop_front();
                    }
                    sale.sale.lane = lane;
                    sale.sale.shift_id = shift_id;
                    sale.sale.operator_id = cashier;
                    sale.sale.completed_at = time;
                    summary.lines += int64_t(sale.lines.size());
                    core::DaySale totals{shift_id,
                                         core::Money::fen(sale.sale.total_fen),
                                         core::Money::fen(sale.sale.rounding_fen),
                                         core::Money::fen(sale.sale.change_fen),
                                         {}};
                    for (const db::TenderRecord& tender : sale.sale.tenders) {
                        totals.tenders.emplace_back(tender.method, core::Money::fen(tender.amount_fen));
                    }
                    day_sales.push_back(std::move(totals));
                    generated.sales.push_back(std::move(sale));
                }
                auto movement = [&](const std::string& kind, int64_t amount, const std::string& reason, int hour) {
                    std::string id = fmt::format("{}-{}-{}", shift_id, kind, generated.movements.size());
                    generated.movements.push_back({id, shift_id, lane, kind, amount, reason, cashier,
                                                   kind == "pickup" ? "9001" : "",
                                                   at(day, hour, 30, 0, options.offset)});
                    day_movements.push_back({shift_id, kind, core::Money::fen(amount)});
                };
                if (random.chance(300)) movement("no_sale", 0, "换零钱", half == 0 ? 10 : 18);
                if (random.chance(100)) {
                    int64_t amount = 2000 + random.below(6) * 1000;
                    movement("pay_out", amount, "买胶带", half == 0 ? 11 : 19);
                    drawer.cash -= amount;
                }
                if (drawer.cash > 200000) {
                    int64_t amount = (drawer.cash - float_fen) / 10000 * 10000;
                    movement("pickup", amount, "", half == 0 ? 13 : 21);
                    drawer.cash -= amount;
                }
                int64_t variance = random.chance(150) ? (random.below(100) - 50) * 10 : 0;
                std::string approver = variance != 0 ? "9001" : "";
                std::string reason = variance != 0 ? "点错零钱" : "";
                generated.closes.push_back({shift_id, lane, cashier, opened, closed, drawer.cash,
                                            drawer.cash + variance, variance < 0 ? -variance : variance, approver,
                                            reason, R"({"generated":true})"});
                day_closes.push_back({shift_id, lane, cashier, closed, core::Money::fen(drawer.cash),
                                      core::Money::fen(drawer.cash + variance),
                                      core::Money::fen(variance < 0 ? -variance : variance), approver, reason});
            }
        }
        core::DayTotals totals =
            core::day_totals(int64_t(generated.shifts.size()), day_sales, day_movements, day_closes);
        generated.business_day = {day,
                                  at(day, 6, 55, 0, options.offset),
                                  at(day, 23, 30, 0, options.offset),
                                  "9001",
                                  "",
                                  "[]",
                                  day_totals_json(totals).dump(),
                                  0,
                                  0};
        summary.sales += int64_t(generated.sales.size());
        summary.shifts += int64_t(generated.shifts.size());
        auto written = db::insert_generated_day(store, generated, at(day, 23, 10, 0, options.offset));
        if (!written) return storage_error(written.error());
        ++summary.days;
        if (progress) progress(day);
    }
    // A stocktake after the last day: a few items run low, so the report's low-stock section has
    // something to show.
    for (const db::ItemRecord& item : items) {
        int64_t on_hand = item.low_stock * 1000 * random.below(4) + random.below(3) * 1000;
        auto counted = db::set_stock_count(store, item.sku, on_hand, at(options.last_day, 23, 45, 0, options.offset));
        if (!counted) return storage_error(counted.error());
    }
    return summary;
}

}  // namespace pos::actions
