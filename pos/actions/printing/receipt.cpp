// Receipt layout: header, lines, totals, tenders, footer; column arithmetic in print columns
// (a 汉字 is 2 of the 32 or 48), so amounts line up on the paper whatever the item names are.
#include "pos/actions/printing/receipt.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "db/lane/returns.hpp"
#include "pos/actions/printing/code_tender_label.hpp"
#include "db/shared/members.hpp"
#include "drivers/printer/escpos.hpp"
#include "drivers/printer/logo.hpp"
#include "drivers/printer/text.hpp"
#include "pos/actions/records.hpp"
#include "pos/core/money.hpp"

namespace pos::actions {
namespace {

namespace printer = drivers::printer;
using printer::Align;

// Printed labels. They are laid out to the column, so both languages live side by side here
// where a layout change is checked against both (docs/decisions.md).
struct Labels {
    const char* welcome;
    const char* address;
    const char* tax_id;
    const char* receipt_no;
    const char* lane;
    const char* cashier;
    const char* time;
    const char* item_header;
    const char* qty_price_header;
    const char* amount_header;
    const char* items;
    const char* subtotal;
    const char* rounding;
    const char* total;
    const char* cash;
    const char* card;
    const char* mobile;
    const char* account;
    const char* reference;
    const char* change;
    const char* reprint;
    const char* reprinted_at;
    const char* thanks;
    const char* returns;
    // A return (退货单, 红字): its title, what it reverses, who approved it, the customer's signature.
    const char* return_title;
    const char* original_receipt;
    const char* return_reason;
    const char* approved_by;
    const char* refund_total;
    const char* signature;
    const char* member;
    const char* member_balance;
    // Promotions: the saving under its line, and the ticket's total saving (共节省).
    const char* saving;
    const char* total_savings;
};

constexpr Labels zh_labels{"欢迎光临",
                           "地址：",
                           "税号：",
                           "单号：",
                           "机号：",
                           "收银员：",
                           "时间：",
                           "品名",
                           "数量×单价",
                           "金额",
                           "件数",
                           "合计",
                           "抹零",
                           "应收",
                           "现金",
                           "银行卡",
                           "移动支付",
                           "会员挂账",
                           "  参考号：",
                           "找零",
                           "重打小票",
                           "重打时间：",
                           "谢谢惠顾，欢迎再次光临",
                           "凭小票退换，请妥善保管",
                           "退货单 (红字)",
                           "原单号：",
                           "原因：",
                           "审批：",
                           "应退",
                           "顾客签名：__________",
                           "会员：",
                           "挂账余额",
                           "  优惠 ",
                           "共节省"};
constexpr Labels en_labels{"Welcome",
                           "Address: ",
                           "Tax ID: ",
                           "Receipt: ",
                           "Lane: ",
                           "Cashier: ",
                           "Time: ",
                           "Item",
                           "Qty x Price",
                           "Amount",
                           "Items",
                           "Subtotal",
                           "Rounding",
                           "Total",
                           "Cash",
                           "Card",
                           "Mobile",
                           "Account",
                           "  Ref: ",
                           "Change",
                           "REPRINT",
                           "Reprinted: ",
                           "Thank you, please come again",
                           "Keep this receipt for returns",
                           "RETURN (refund)",
                           "Original receipt: ",
                           "Reason: ",
                           "Approved by: ",
                           "Refund",
                           "Customer: __________",
                           "Member: ",
                           "Account balance",
                           "  Saving ",
                           "You saved"};

std::string money(int64_t fen) { return core::Money::fen(fen).to_string(); }

// "2026-11-23T09:15:00+08:00" -> "2026-11-23 09:15:00" (the lane's local time as recorded).
std::string printed_time(const std::string& iso) {
    std::string out = iso.substr(0, std::min<size_t>(iso.size(), 19));
    if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
    return out;
}

const char* tender_label(const Labels& labels, const std::string& method) {
    if (const char* code = code_tender_label(method, &labels == &zh_labels)) return code;
    if (method == "cash") return labels.cash;
    if (method == "card") return labels.card;
    if (method == "mobile") return labels.mobile;
    if (method == "account") return labels.account;
    return method.c_str();
}

class Layout {
public:
    Layout(const printer::PrinterProfile& profile, const Labels& labels, bool english)
        : labels_(labels), english_(english), columns_(profile.columns) {
        // 58 mm: 品名 | 数量×单价 11 | 金额 9 ; 80 mm: 品名 | 17 | 11.
        amount_width_ = columns_ >= 42 ? 11 : 9;
        qty_price_width_ = columns_ >= 42 ? 17 : 11;
    }

    void rule(char c = '-') { out_.line(std::string(static_cast<size_t>(columns_), c)); }

    void wrapped(const std::string& text) {
        for (const std::string& part : printer::wrap(text, columns_)) out_.line(part);
    }

    // "label ........ value" on one line.
    void pair(const std::string& label, const std::string& value) {
        out_.line(printer::spread(label, value, columns_));
    }

    void title(const std::string& name) {
        out_.align(Align::center).bold(true);
        // Double size when the name fits at double width, else double height only.
        if (printer::print_columns(name) * 2 <= columns_) {
            out_.size(2, 2).line(name);
        } else {
            out_.size(1, 2);
            for (const std::string& part : printer::wrap(name, columns_)) out_.line(part);
        }
        out_.size(1, 1).bold(false).align(Align::left);
    }

    void item(const db::SaleLineRecord& line) {
        std::string name = english_ && !line.name_en.empty() ? line.name_en : line.name_zh;
        if (!line.spec.empty() && name.find(line.spec) == std::string::npos) name += " " + line.spec;
        std::string qty_price;
        if (line.sale_unit == "weight") {
            // Weights always with three decimals, as the scale label shows them.
            int64_t grams =
                line.quantity_milli < 0 ? -line.quantity_milli : line.quantity_milli;  // negative on a return
            qty_price = fmt::format("{}{}.{:03}kg×{}", line.quantity_milli < 0 ? "-" : "", grams / 1000, grams % 1000,
                                    money(line.unit_price_fen));
        } else {
            qty_price = fmt::format("{}×{}", core::Quantity::milli(line.quantity_milli).to_string(),
                                    money(line.unit_price_fen));
        }
        // The line at its price; a promotion's saving follows on a line of its own.
        int64_t before_saving = line.amount_fen + line.discount_fen;
        std::string right =
            printer::pad_left(qty_price, qty_price_width_) + printer::pad_left(money(before_saving), amount_width_);
        int name_room = columns_ - printer::print_columns(right) - 1;
        if (printer::print_columns(name) <= name_room) {
            out_.line(printer::pad_right(name, columns_ - printer::print_columns(right)) + right);
        } else {
            wrapped(name);
            out_.line(printer::pad_left(right, columns_));
        }
        if (line.discount_fen != 0) {
            std::string label = labels_.saving + line.promotion;
            std::string amount = money(-line.discount_fen);
            int room = columns_ - printer::print_columns(amount) - 1;
            if (printer::print_columns(label) > room) label = printer::wrap(label, room).front();
            out_.line(printer::spread(label, amount, columns_));
        }
    }

    void item_header() {
        std::string right = printer::pad_left(labels_.qty_price_header, qty_price_width_) +
                            printer::pad_left(labels_.amount_header, amount_width_);
        out_.line(printer::pad_right(labels_.item_header, columns_ - printer::print_columns(right)) + right);
    }

    printer::Encoder& out() { return out_; }
    [[nodiscard]] int columns() const { return columns_; }

private:
    const Labels& labels_;
    bool english_;
    int columns_;
    int amount_width_ = 9;
    int qty_price_width_ = 11;
    printer::Encoder out_;
};

}  // namespace

bool receipt_uses_qr(const LaneConfig& config, const printer::PrinterProfile& profile) {
    return config.receipt_code == "qr" && profile.qr;
}

core::Result<std::optional<printer::Raster>> configured_logo(const LaneConfig& config, const std::string& data_dir,
                                                             const printer::PrinterProfile& profile) {
    if (config.receipt_logo.empty()) return std::optional<printer::Raster>{};
    std::filesystem::path path(config.receipt_logo);
    if (path.is_relative()) path = std::filesystem::path(data_dir) / path;
    auto logo = printer::load_logo(path.string(), profile.dots);
    if (!logo) return core::make_error(core::ErrorCode::io, "receipt.logo: " + logo.error());
    return std::optional<printer::Raster>{std::move(*logo)};
}

std::string receipt_code(int64_t lane, int64_t receipt_no) { return fmt::format("{:02}{:08}", lane, receipt_no); }

bool takes_cash(const db::SaleRecord& sale) {
    return std::any_of(sale.tenders.begin(), sale.tenders.end(),
                       [](const db::TenderRecord& t) { return t.method == "cash"; });
}

std::vector<uint8_t> receipt_bytes(const db::SaleRecord& sale, const LaneConfig& config,
                                   const ReceiptOptions& options) {
    const std::string language = options.language.empty() ? config.language : options.language;
    const bool english = language == "en";
    const Labels& labels = english ? en_labels : zh_labels;
    Layout layout(options.profile, labels, english);
    printer::Encoder& out = layout.out();
    const std::string code = receipt_code(sale.lane, sale.receipt_no);

    out.initialize();
    if (options.profile.chinese_mode) out.chinese_mode(true);
    // The drawer opens first, so the cashier makes change while the receipt prints.
    bool kick = options.open_drawer.value_or(takes_cash(sale) && !options.reprinted_at.has_value());
    if (kick && options.profile.drawer) out.drawer_kick();

    if (options.reprinted_at) {
        out.align(Align::center)
            .bold(true)
            .size(1, 2)
            .line(fmt::format("** {} **", labels.reprint))
            .size(1, 1)
            .bold(false);
        out.line(std::string(labels.reprinted_at) + printed_time(*options.reprinted_at)).align(Align::left);
    }
    if (options.logo) out.align(Align::center).raster(*options.logo).align(Align::left);
    layout.title(config.store_name);
    out.align(Align::center).line(labels.welcome).align(Align::left);
    if (!config.store_address.empty()) layout.wrapped(labels.address + config.store_address);
    if (!config.store_tax_id.empty()) layout.wrapped(labels.tax_id + config.store_tax_id);
    layout.rule('=');

    layout.pair(labels.receipt_no + code, labels.lane + fmt::format("{:02}", sale.lane));
    std::string cashier = sale.operator_id + (options.cashier_name.empty() ? "" : " " + options.cashier_name);
    layout.wrapped(labels.cashier + cashier);
    layout.wrapped(labels.time + printed_time(sale.completed_at));
    const bool is_return = sale.kind == "return";
    if (is_return) {
        layout.rule();
        out.align(Align::center)
            .bold(true)
            .size(1, 2)
            .line(labels.return_title)
            .size(1, 1)
            .bold(false)
            .align(Align::left);
        if (!options.original_receipt.empty()) layout.wrapped(labels.original_receipt + options.original_receipt);
        if (!sale.reason.empty()) layout.wrapped(labels.return_reason + sale.reason);
        if (!sale.approved_by.empty()) layout.wrapped(labels.approved_by + sale.approved_by);
    }
    layout.rule();
    layout.item_header();
    layout.rule();

    for (const db::SaleLineRecord& line : sale.lines) {
        if (line.voided || line.kind != "item") continue;
        layout.item(line);
    }
    layout.rule();

    layout.pair(labels.items, core::Quantity::milli(sale.item_count_milli).to_string());
    layout.pair(labels.subtotal, money(sale.total_fen - sale.rounding_fen));
    if (sale.rounding_fen != 0) layout.pair(labels.rounding, money(sale.rounding_fen));
    int64_t savings = 0;
    for (const db::SaleLineRecord& line : sale.lines) {
        if (!line.voided && line.kind == "item") savings += line.discount_fen;
    }
    if (savings != 0) layout.pair(labels.total_savings, money(savings));
    out.bold(true).size(1, 2);
    layout.pair(is_return ? labels.refund_total : labels.total, money(sale.total_fen));
    out.size(1, 1).bold(false);
    for (const db::TenderRecord& tender : sale.tenders) {
        layout.pair(tender_label(labels, tender.method), money(tender.amount_fen));
        if (!tender.reference.empty()) layout.wrapped(labels.reference + tender.reference);
    }
    if (options.member) {
        layout.wrapped(labels.member + options.member->name + " " + options.member->card);
        layout.pair(labels.member_balance, money(options.member->balance_fen));
    }
    if (is_return) {
        out.line("").line(labels.signature);
    } else {
        layout.pair(labels.change, money(sale.change_fen));
    }
    layout.rule();

    out.align(Align::center);
    if (receipt_uses_qr(config, options.profile)) {
        // The QR has no human-readable line of its own: the number is printed under it.
        out.qr(code, options.profile.dots >= 576 ? 7 : 6, printer::QrEcc::m).line(code);
    } else {
        out.code128(code, 60, 2, printer::Hri::below);
    }
    out.line(labels.thanks);
    if (!is_return) out.line(labels.returns);
    out.align(Align::left);
    out.feed(4).cut(options.profile.cut, options.profile.cut_feed_dots);
    return out.take();
}

core::Result<db::SaleRecord> find_sale_for_receipt(db::LaneDb& db, const std::optional<std::string>& sale_id,
                                                   std::optional<int64_t> receipt_no) {
    std::string id;
    if (sale_id) {
        id = *sale_id;
    } else if (receipt_no) {
        auto found = db.sale_id_of_receipt(*receipt_no);
        if (!found) return storage_error(found.error());
        if (!*found) {
            return core::make_error(core::ErrorCode::not_found,
                                    fmt::format("no sale with receipt number {} on this lane", *receipt_no));
        }
        id = std::move(**found);
    } else {
        return core::make_error(core::ErrorCode::bad_input, "give a sale id or a receipt number");
    }
    auto sale = db.find_sale(id);
    if (!sale) return storage_error(sale.error());
    if (!*sale) return core::make_error(core::ErrorCode::not_found, "no sale with id " + id);
    return std::move(**sale);
}

std::string original_receipt_code(db::LaneDb& db, const db::SaleRecord& sale) {
    if (!sale.original_sale_id) return {};
    auto original = db.find_sale(*sale.original_sale_id);
    if (original && *original) return receipt_code((*original)->lane, (*original)->receipt_no);
    // Another lane's receipt, returned here: lane.db keeps its lane and number (lane_returns.cpp).
    auto foreign = db::foreign_original(db, sale.id);
    if (!foreign || !*foreign) return {};
    return receipt_code((*foreign)->first, (*foreign)->second);
}

std::optional<ReceiptMember> receipt_member(db::LaneDb& db, const db::SaleRecord& sale) {
    auto movement = db::movement_of_sale(db, sale.id);
    if (!movement || !*movement) return std::nullopt;
    ReceiptMember member{(*movement)->card, {}, (*movement)->amount_fen, (*movement)->balance_after_fen};
    auto record = db::find_member(db, member.card);
    if (record && *record) member.name = (*record)->name;
    return member;
}

std::string cashier_name(db::LaneDb& db, const std::string& operator_id) {
    auto user = db.find_user(operator_id);
    if (!user || !*user) return {};
    return (*user)->name;
}

}  // namespace pos::actions
