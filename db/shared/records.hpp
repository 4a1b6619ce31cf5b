// Plain records the databases read and write. db/ knows no pos/ types: pos/actions maps
// these to and from the domain (money as fen, quantities as thousandths).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pos::db {

// Told how many items a catalog replace has written so far (every 10,000 and at the end), for a
// progress line; may be empty.
using RowsWritten = std::function<void(int64_t items)>;

struct ItemRecord {
    std::string sku;
    std::vector<std::string> gtins;  // 14-digit, in catalog order
    std::string plu;                 // empty when none
    std::string name_zh;
    std::string name_en;
    std::string spec;
    std::string unit;
    std::string department;
    int64_t cost_fen = 0;
    int64_t price_fen = 0;
    int64_t price_per_kg_fen = 0;
    std::string sale_unit = "piece";  // "piece" or "weight"
    int64_t low_stock = 0;
    std::string pinyin;
};

struct UserRecord {
    std::string operator_id;
    std::string name;
    std::string role;      // cashier, supervisor, manager, admin
    std::string pin_hash;  // crypto_pwhash_str output
    bool active = true;
};

struct ShiftRecord {
    std::string id;
    int64_t lane = 0;
    std::string operator_id;
    std::string opened_at;
    int64_t float_fen = 0;
    std::optional<std::string> closed_at;
    // The float counted by denomination, JSON {"100.00":1,"0.50":4}; empty when its total was typed.
    std::string float_counts = {};
};

struct SaleLineRecord {
    int64_t line_no = 0;
    std::string kind = "item";  // "item" or "rounding"
    std::string sku;
    std::string gtin;
    std::string name_zh;
    std::string name_en;
    std::string spec;
    std::string unit;
    std::string department;
    std::string sale_unit = "piece";
    int64_t quantity_milli = 0;
    int64_t unit_price_fen = 0;
    int64_t amount_fen = 0;
    bool voided = false;
    std::string voided_by;
    std::optional<int64_t> original_price_fen;  // set when the price was overridden
    std::string price_set_by;
    std::optional<int64_t> original_line_no = std::nullopt;  // on a return: the line of the original sale it takes back
    int64_t discount_fen = 0;                                // the promotion's saving; amount_fen is after it
    std::string promotion = {};                              // the promotion's name
    // Weighed lines on the lane (lane.db sale_line_weights): "scale", "keyed" (typed by hand) or
    // "label"; empty for counted lines. weight_keyed_by: who approved a keyed weight on a lane with a scale.
    std::string weight_source = {};
    std::string weight_keyed_by = {};
};

// A weighed line's weight and where it came from, as lane.db keeps it.
struct SaleLineWeight {
    int64_t line_no = 0;
    int64_t grams = 0;
    std::string source;  // scale, keyed, label
    std::string keyed_by;
    bool operator==(const SaleLineWeight&) const = default;
};

struct TenderRecord {
    int64_t seq = 0;
    std::string method;  // cash, card, mobile, account
    int64_t amount_fen = 0;
    std::string reference;
};

struct SaleRecord {
    std::string id;
    int64_t receipt_no = 0;  // assigned by commit_sale
    int64_t lane = 0;
    std::string shift_id;
    std::string operator_id;
    std::string completed_at;
    int64_t total_fen = 0;
    int64_t rounding_fen = 0;
    int64_t paid_fen = 0;
    int64_t change_fen = 0;
    int64_t item_count_milli = 0;
    std::string kind = "sale";                    // "sale" or "return" (红字: negative amounts)
    std::optional<std::string> original_sale_id;  // the sale a return reverses; none without a receipt
    std::string reason;                           // why, for a return
    std::string approved_by;                      // the supervisor or manager who approved a return
    std::vector<SaleLineRecord> lines;
    std::vector<TenderRecord> tenders;
};

// A row of the lane's outbox: what the store has still to receive.
struct OutboxRecord {
    int64_t seq = 0;
    std::string kind;
    std::string ref;
    std::string payload;
    std::string created_at;
};

}  // namespace pos::db
