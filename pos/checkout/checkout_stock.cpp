// 盘点/验收 at this lane and the manager's 库存 screen: the Lane and pos/actions/stock decide and
// record (scan_stock, approve_stock_document: the same rules and audit records as posctl and
// action scripts); this file checks the operator's role first, reads the store and fills the views.
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/stock/stock_desk.hpp"
#include "pos/actions/stock/stock_documents.hpp"
#include "pos/actions/stock/stock_report.hpp"
#include "pos/actions/stock/stock_scanning.hpp"
#include "pos/checkout/checkout.hpp"
#include "pos/core/stock.hpp"

namespace pos::checkout {

using ui::Notice;
using ui::Screen;
using ui::Tone;

namespace {

std::optional<int64_t> document_number(const std::string& text) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return {};
    int64_t id = std::stoll(text);
    return id > 0 ? std::optional<int64_t>(id) : std::nullopt;
}

actions::StockScanMode mode_of(const ui::StockScanForm& form) {
    return form.receive ? actions::StockScanMode::receive : actions::StockScanMode::count;
}

}  // namespace

void Checkout::load_stock_documents() {
    ui::StockScanView& view = stock_scan_view_;
    view = ui::StockScanView{};
    auto store = lane_.open_day_store_for_reading();
    if (!store) {
        // A lane of a pos-store (service mode) has no store.db: the counter types the number.
        view.documents_problem = tr_("stock.scan.no_list");
        return;
    }
    auto open = actions::open_stock_documents(**store);
    if (!open) {
        view.documents_problem = tr_("stock.scan.no_list") + std::string("\n") + open.error().message;
        return;
    }
    for (const db::StockDocumentRecord& document : *open) {
        if (document.kind != "count" && document.kind != "receipt" && document.kind != "transfer_in") continue;
        view.documents.push_back(ui::make_stock_document_row(document, tr_));
        fonts_.ensure(view.documents.back().title);
    }
}

void Checkout::refresh_stock_lines() {
    ui::StockScanForm& form = state_.stock_scan;
    auto id = document_number(form.document.text);
    if (!id) return;
    auto totals = actions::lane_scan_totals(lane_, *id, mode_of(form));
    if (!totals) {
        form.notice = ui::error_notice(tr_, totals.error());
        return;
    }
    stock_scan_view_.lines = ui::make_stock_scan_lines(*totals, form.receive);
    for (const ui::StockScanLine& line : stock_scan_view_.lines) fonts_.ensure(line.name);
}

void Checkout::apply(const ui::intent::OpenStockScan&) {
    if (!permitted(core::Action::stock_document)) return;
    if (sale_open()) {
        current_notice() = Notice{Tone::error, tr_("stock.scan.sale_open"), {}};
        return;
    }
    Screen back = state_.screen == Screen::stock_scan ? state_.stock_scan.back : state_.screen;
    state_.stock_scan = ui::StockScanForm{};
    state_.stock_scan.back = back;
    load_stock_documents();
    if (!stock_scan_view_.documents.empty()) {
        const ui::StockDocumentRow& first = stock_scan_view_.documents.front();
        state_.stock_scan.document.text = std::to_string(first.id);
        state_.stock_scan.document_picked = true;
        state_.stock_scan.receive = first.receive;
    }
    state_.screen = Screen::stock_scan;
}

void Checkout::apply(const ui::intent::StartStockScan& intent) {
    ui::StockScanForm& form = state_.stock_scan;
    auto id = document_number(intent.document);
    if (!id) {
        form.notice = Notice{Tone::error, tr_("stock.scan.which_document"), {}};
        return;
    }
    form.receive = intent.receive;
    std::string title;
    for (const ui::StockDocumentRow& row : stock_scan_view_.documents) {
        if (row.id != *id) continue;
        form.receive = row.receive;
        title = row.title;
    }
    if (title.empty() && !stock_scan_view_.documents.empty()) {
        // The store's list is there and does not have it: booked, cancelled, or another kind.
        form.notice = Notice{Tone::error, tr_.format("stock.scan.not_open", *id), {}};
        return;
    }
    if (title.empty()) title = tr_.format(form.receive ? "stock.scan.typed_receipt" : "stock.scan.typed_count", *id);
    stock_scan_view_.title = tr_.format(form.receive ? "stock.scan.receiving" : "stock.scan.counting", title);
    fonts_.ensure(stock_scan_view_.title);
    form.document.text = std::to_string(*id);
    form.phase = ui::StockScanForm::Phase::scanning;
    form.damaged = false;
    form.last_sku.clear();
    form.notice.clear();
    refresh_stock_lines();
}

void Checkout::apply(const ui::intent::StockScan& intent) {
    ui::StockScanForm& form = state_.stock_scan;
    auto id = document_number(form.document.text);
    if (!id || form.phase != ui::StockScanForm::Phase::scanning) return;
    actions::StockScanRequest request;
    request.document_id = *id;
    request.mode = mode_of(form);
    request.code = intent.code;
    request.damaged = intent.damaged && form.receive;
    if (!intent.quantity_text.empty()) {
        auto parsed = core::Quantity::parse(intent.quantity_text);
        if (!parsed) {
            form.notice = ui::error_notice(tr_, parsed.error());
            return;
        }
        request.quantity = *parsed;
    } else if (scale_) {
        // A weighed item on a lane with a scale: its stable weight, as the weighing panel takes it.
        auto weighed = lane_.item_to_weigh(intent.code);
        if (weighed && *weighed) {
            drivers::scale::ScaleStatus status = scale_->status();
            actions::WeighVerdict verdict = actions::judge_reading(status.reading, scale_->config());
            if (verdict != actions::WeighVerdict::take) {
                form.notice = Notice{Tone::error, tr_.format("stock.scan.weigh_first", (*weighed)->name_zh),
                                     tr_(actions::weigh_verdict_key(verdict))};
                return;
            }
            request.scale_grams = core::Quantity::grams(status.reading->grams);
        }
    }
    auto scanned = actions::scan_stock(lane_, request, actions::local_now());
    if (!scanned) {
        form.notice = ui::error_notice(tr_, scanned.error());
        form.notice.text = tr_.format("sale.code_rejected", intent.code, form.notice.text);
        return;
    }
    bool weighed = scanned->item.sale_unit == core::SaleUnit::weight;
    int64_t quantity = request.damaged ? scanned->scan.damaged_milli : scanned->scan.quantity_milli;
    std::string name =
        tr_.is_chinese() || scanned->item.name_en.empty() ? scanned->item.name_zh : scanned->item.name_en;
    fonts_.ensure(name);
    form.notice = Notice{Tone::success,
                         tr_.format(request.damaged ? "stock.scan.damaged_done" : "stock.scan.done", name,
                                    core::stock_quantity_text(quantity, weighed),
                                    core::stock_quantity_text(scanned->lane_total_milli, weighed)),
                         {}};
    form.last_sku = scanned->scan.sku;
    refresh_stock_lines();
}

void Checkout::load_stock_desk() {
    ui::StockDeskForm& form = state_.stock_desk;
    stock_desk_view_.documents.clear();
    auto store = lane_.open_day_store_for_reading();
    if (!store) {
        form.notice = ui::error_notice(tr_, store.error());
        return;
    }
    auto open = actions::open_stock_documents(**store);
    if (!open) {
        form.notice = ui::error_notice(tr_, open.error());
        return;
    }
    for (const db::StockDocumentRecord& document : *open) {
        auto desk = actions::stock_desk_document(**store, document.id);
        if (!desk) {
            form.notice = ui::error_notice(tr_, desk.error());
            return;
        }
        stock_desk_view_.documents.push_back(ui::make_stock_desk_document(*desk, tr_));
        const ui::StockDeskDocumentView& shown = stock_desk_view_.documents.back();
        fonts_.ensure(shown.row.title + shown.totals + shown.refused);
        for (const auto& row : shown.table.rows) {
            for (const std::string& cell : row) fonts_.ensure(cell);
        }
    }
}

bool Checkout::load_stock_report() {
    auto store = lane_.open_day_store_for_reading();
    if (!store) {
        state_.stock_desk.notice = ui::error_notice(tr_, store.error());
        return false;
    }
    // Today so far, as posctl report stock shows it by default.
    std::string now = actions::local_now();
    std::string from = now.substr(0, 10) + "T00:00:00" + now.substr(19);
    auto report = actions::load_stock_report(**store, from, now);
    if (!report) {
        state_.stock_desk.notice = ui::error_notice(tr_, report.error());
        return false;
    }
    stock_desk_view_.report = ui::make_stock_report_table(*report);
    stock_desk_view_.report_title = tr_.format("stock.desk.report_title", from.substr(0, 10), now.substr(11, 5));
    stock_desk_view_.report_total =
        tr_.format("stock.desk.report_total", report->lines.size(), report->total_value.to_string());
    for (const auto& row : stock_desk_view_.report.rows) fonts_.ensure(row[1]);
    return true;
}

void Checkout::apply(const ui::intent::OpenStockDesk&) {
    if (!permitted(core::Action::stock_approve)) return;
    Screen back = state_.screen == Screen::stock_desk ? state_.stock_desk.back : state_.screen;
    state_.stock_desk = ui::StockDeskForm{};
    state_.stock_desk.back = back;
    if (const auto& user = lane_.operator_user()) state_.stock_desk.approver.text = user->operator_id;
    state_.screen = Screen::stock_desk;
    load_stock_desk();
}

void Checkout::apply(const ui::intent::ApproveStock& intent) {
    ui::StockDeskForm& form = state_.stock_desk;
    auto store = lane_.open_day_store();
    if (!store) {
        form.approval_notice = ui::error_notice(tr_, store.error());
        return;
    }
    std::string title;
    for (const ui::StockDeskDocumentView& document : stock_desk_view_.documents) {
        if (document.row.id == intent.id) title = document.row.title;
    }
    auto approved =
        actions::approve_stock_document(lane_, lane_.database(), **store, intent.id,
                                        actions::Approval{intent.approver, intent.pin}, actions::local_now());
    form.pin.clear();
    if (!approved) {
        form.approval_notice = ui::error_notice(tr_, approved.error());
        return;
    }
    form.approving = false;
    form.approval_notice.clear();
    form.notice = Notice{Tone::success, tr_.format("stock.desk.approved", title, intent.approver), {}};
    load_stock_desk();
}

void Checkout::apply(const ui::intent::ToggleStockReport&) {
    ui::StockDeskForm& form = state_.stock_desk;
    form.notice.clear();
    if (form.report) {
        form.report = false;
        load_stock_desk();
        return;
    }
    if (load_stock_report()) {
        form.report = true;
        form.scroll = 0;
    }
}

}  // namespace pos::checkout
