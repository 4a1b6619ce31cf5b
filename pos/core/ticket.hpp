// The ticket being rung up: lines, voids, quantities, tenders, 抹零 and change. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/core/cash_rounding.hpp"
#include "pos/core/catalog.hpp"
#include "pos/core/money.hpp"
#include "pos/core/promotions.hpp"
#include "pos/core/result.hpp"

namespace pos::core {

// mobile: a payment taken on another terminal, recorded with its reference. wechat, alipay and
// unionpay: a payment code (付款码) charged through the gateway, confirmed before the sale completes.
enum class TenderMethod { cash, card, mobile, account, wechat, alipay, unionpay };

// Every method but cash, in the order reports and refunds list them.
inline constexpr TenderMethod non_cash_methods[] = {TenderMethod::card,   TenderMethod::mobile, TenderMethod::account,
                                                    TenderMethod::wechat, TenderMethod::alipay, TenderMethod::unionpay};

// A payment code's tender: charged and refunded through the gateway, never counted by hand.
[[nodiscard]] bool is_payment_code_method(TenderMethod method);

[[nodiscard]] std::string_view tender_method_name(TenderMethod method);
[[nodiscard]] std::optional<TenderMethod> parse_tender_method(std::string_view word);

struct TicketLine {
    int number = 0;                     // 1-based, stable: voided lines keep their number
    CatalogItem item;                   // snapshot at scan time
    std::string gtin;                   // the code scanned, empty when typed by PLU/SKU
    Quantity quantity;                  // pieces in thousandths, or grams for weighed goods
    Money unit_price;                   // per piece, or per kg for weighed goods
    std::optional<Money> label_amount;  // a scale label's printed amount, which is authoritative
    bool from_label = false;            // weight or price read from a label: not editable by hand
    bool voided = false;
    std::string voided_by;                // approver's operator number
    std::optional<Money> original_price;  // set when the price was overridden at the lane
    std::string price_set_by;             // approver of the override
    Money discount;                       // the promotion's saving on this line (set by apply_promotions)
    std::string promotion;                // the promotion's name, empty without one
    bool from_scale = false;              // weighed on the lane's scale and taken stable: not editable by hand
    std::string weight_keyed_by = {};     // a weight typed by hand on a lane with a scale: the approver

    [[nodiscard]] Money amount() const;                 // what the customer pays for the line
    [[nodiscard]] Money amount_before_savings() const;  // at the line's price, before any promotion
};

struct Tender {
    TenderMethod method = TenderMethod::cash;
    Money amount;           // handed over (cash can exceed what is due)
    std::string reference;  // card/mobile terminal reference
};

// Where the payment stands, derived from the lines and tenders.
struct PaymentState {
    Money subtotal;   // sum of live lines, after promotions
    Money savings;    // what promotions took off (共节省)
    Money rounding;   // the 抹零 line: rounded cash due minus exact due (0 without cash)
    Money total;      // subtotal + rounding: what the customer owes
    Money paid;       // sum of tenders
    Money remaining;  // still owed (0 when complete)
    Money change;     // cash to give back
    bool complete = false;
};

class Ticket {
public:
    // Adds an item. Scanning the same counted item again (same price, not a label) adds to the
    // line already there, as cashiers expect; returns the line number that changed.
    [[nodiscard]] Result<int> add_item(const CatalogItem& item, std::string gtin, Quantity quantity, Money unit_price,
                                       std::optional<Money> label_amount, bool from_label = false);

    // A ticket brought back from hold (挂单) with its lines as they were; no tenders.
    [[nodiscard]] static Ticket resumed(std::vector<TicketLine> lines);

    [[nodiscard]] Status set_quantity(int line_number, Quantity quantity);
    // Where a weighed line's weight came from: the lane's scale, or typed by hand with `keyed_by`'s approval.
    [[nodiscard]] Status record_weight_source(int line_number, bool from_scale, std::string keyed_by);
    // A new unit price for a counted line (never a scale label's), approved by `approver`.
    [[nodiscard]] Status override_price(int line_number, Money price, std::string approver);
    [[nodiscard]] Status void_line(int line_number, std::string approver);
    // Re-prices every live line with the promotions of `day` (core/promotions.hpp); called after each
    // change to the lines. Once payment has started the lines are frozen and this does nothing.
    void apply_promotions(const std::vector<Promotion>& promotions, std::string_view day, bool member);

    // Takes a tender. Cash may exceed what is due (change); card, mobile and account may not.
    // A tender below what is due is refused (tender_short) unless `partial` (split tender);
    // cash is never partial: it is the last tender, so 抹零 is worked out once on what is left.
    [[nodiscard]] Status add_tender(Tender tender, CashRounding rounding, bool partial);

    // What a tender of this method would need to finish the sale (cash rounded by 抹零).
    [[nodiscard]] Money amount_due_for(TenderMethod method, CashRounding rounding) const;

    [[nodiscard]] PaymentState payment(CashRounding rounding) const;
    [[nodiscard]] const std::vector<TicketLine>& lines() const { return lines_; }
    [[nodiscard]] const std::vector<Tender>& tenders() const { return tenders_; }
    [[nodiscard]] bool has_live_lines() const;
    [[nodiscard]] Quantity item_count() const;  // pieces, weighed lines count as one each

private:
    [[nodiscard]] Result<TicketLine*> editable_line(int line_number);
    [[nodiscard]] Status check_editable() const;
    [[nodiscard]] Money subtotal() const;
    [[nodiscard]] Money tendered(bool cash) const;

    std::vector<TicketLine> lines_;
    std::vector<Tender> tenders_;
};

}  // namespace pos::core
