// Promotions and how they price a ticket: dated promotional price, multi-buy, mix-and-match,
// member price and percent off a department. Pure: the lines, the promotions, the day and
// whether a member is on the ticket in; each line's saving out (docs/promotions.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pos/core/money.hpp"
#include "pos/core/result.hpp"

namespace pos::core {

struct TicketLine;

enum class PromotionKind {
    price,               // 特价: the items sell at `price` each during the dates
    multi_buy,           // 买N送M (`buy`, `free`) or N件X元 (`buy` items for `price`), one item at a time
    mix_match,           // 任选N件X元: any `buy` of the items together for `price`
    member_price,        // 会员价: `price` each when the ticket has a member
    department_percent,  // 部门折扣: `percent` off every line of `department`
};

[[nodiscard]] std::string_view promotion_kind_name(PromotionKind kind);
[[nodiscard]] Result<PromotionKind> parse_promotion_kind(std::string_view name);

struct Promotion {
    std::string id;    // stable key: ties are broken by it
    std::string name;  // printed on the receipt next to the saving
    PromotionKind kind = PromotionKind::price;
    std::string starts;             // YYYY-MM-DD, first day it applies
    std::string ends;               // YYYY-MM-DD, last day it applies (inclusive)
    std::vector<std::string> skus;  // the items (all kinds but department_percent)
    std::string department;         // department_percent only
    Money price;                    // price, member_price: each; multi_buy N-for-X and mix_match: the bundle
    int buy = 0;                    // multi_buy, mix_match: items in a bundle (multi_buy with `free`: paid items)
    int free = 0;                   // multi_buy "buy `buy` get `free`"; 0 means `buy` for `price`
    int percent = 0;                // department_percent: 1..99
};

// A promotion that makes sense (dates, fields for its kind), or a message naming what is wrong.
[[nodiscard]] Status check_promotion(const Promotion& promotion);

// True when `day` (YYYY-MM-DD) lies within the promotion's dates.
[[nodiscard]] bool promotion_active(const Promotion& promotion, std::string_view day);

struct LineSaving {
    int line = 0;           // TicketLine::number
    Money saving;           // off the line's amount before promotions
    std::string promotion;  // the promotion's name
};

// The savings for the ticket's live lines: each line takes at most one promotion; the choice is
// the one giving the customer the lowest total (every order of the promotions that apply is
// tried, each taking the lines still free), ties going to the order that sorts first by
// promotion id. Lines with an overridden price or a scale-label price take no promotion, except
// department percent, which applies to a label's amount too. Lines without a saving are left out.
[[nodiscard]] std::vector<LineSaving> resolve_promotions(const std::vector<TicketLine>& lines,
                                                         const std::vector<Promotion>& promotions, std::string_view day,
                                                         bool member);

}  // namespace pos::core
