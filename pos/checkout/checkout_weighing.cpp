// 称重 on the sale screen: a weighed item keyed or scanned on a lane with a [scale] opens the
// weighing panel, which shows the live weight and takes it only when the scale reports it stable,
// positive and in range; F3 tares, F1 zeroes; a weight typed there needs a supervisor. The rules
// are the Lane's (scan_weighed, scan_keyed_weight) and devices/weighing.hpp's.
#include <fmt/format.h>

#include "pos/actions/scripts/session.hpp"
#include "pos/checkout/approval_entry.hpp"
#include "pos/checkout/checkout.hpp"

namespace pos::checkout {

using ui::Notice;
using ui::Tone;

namespace {

// "0.350 kg", "-0.005 kg".
std::string kg_text(int64_t grams) {
    int64_t magnitude = grams < 0 ? -grams : grams;
    return fmt::format("{}{}.{:03} kg", grams < 0 ? "-" : "", magnitude / 1000, magnitude % 1000);
}

// A weighed line's amount: the price per kg times the weight, half up to the fen (docs/design.md
// "Money and numbers").
core::Money weighed_amount(core::Money per_kg, int64_t grams) {
    return core::Money::fen((per_kg.in_fen() * grams + 500) / 1000);
}

}  // namespace

bool Checkout::start_weighing(const std::string& code) {
    if (!scale_) return false;
    auto item = lane_.item_to_weigh(code);
    if (!item || !*item) return false;
    ui::WeighForm form;
    form.open = true;
    form.code = code;
    form.name = tr_.is_chinese() || (*item)->name_en.empty() ? (*item)->name_zh : (*item)->name_en;
    form.price_per_kg = (*item)->price_per_kg;
    fonts_.ensure(form.name);
    state_.sale.weigh = std::move(form);
    return true;
}

std::optional<ui::ScaleView> Checkout::scale_view() const {
    if (!scale_) return std::nullopt;
    drivers::scale::ScaleStatus status = scale_->status();
    ui::ScaleView view;
    view.connected = status.connected;
    const auto& reading = status.reading;
    if (reading && reading->state != drivers::scale::ScaleState::no_weight) view.weight = kg_text(reading->grams);
    view.stable = reading && reading->state == drivers::scale::ScaleState::stable;
    actions::WeighVerdict verdict = actions::judge_reading(reading, scale_->config());
    if (verdict == actions::WeighVerdict::take) {
        view.amount = ui::money_text(weighed_amount(state_.sale.weigh.price_per_kg, reading->grams));
    } else {
        view.verdict = tr_(actions::weigh_verdict_key(verdict));
        if (!status.connected && !status.problem.empty()) view.verdict += " (" + status.problem + ")";
    }
    return view;
}

void Checkout::apply(const ui::intent::Weigh& intent) {
    using Step = ui::intent::Weigh::Step;
    ui::SaleForm& sale = state_.sale;
    ui::WeighForm& form = sale.weigh;
    if (!form.open || !scale_) return;
    auto done = [&](const actions::LineChange& change, const std::string& weight) {
        std::string name = form.name;
        form = ui::WeighForm{};
        sale.selected_line = change.line;
        sale.scroll_to_selected = true;
        sale.notice = Notice{Tone::success, tr_.format("weigh.taken", name, weight), {}};
    };
    switch (intent.step) {
        case Step::cancel: form = ui::WeighForm{}; return;
        case Step::tare:
            scale_->tare();
            form.notice = Notice{Tone::info, tr_("weigh.tare_sent"), {}};
            return;
        case Step::zero:
            scale_->zero();
            form.notice = Notice{Tone::info, tr_("weigh.zero_sent"), {}};
            return;
        case Step::take: {
            // One snapshot: the weight judged is the weight sold.
            drivers::scale::ScaleStatus status = scale_->status();
            actions::WeighVerdict verdict = actions::judge_reading(status.reading, scale_->config());
            if (verdict != actions::WeighVerdict::take) {
                form.notice = Notice{Tone::error, tr_(actions::weigh_verdict_key(verdict)), status.problem};
                return;
            }
            int64_t grams = status.reading->grams;
            auto change = lane_.scan_weighed(form.code, core::Quantity::grams(grams), actions::local_now());
            if (!change) {
                form.notice = ui::error_notice(tr_, change.error());
                return;
            }
            done(*change, kg_text(grams));
            return;
        }
        case Step::keyed: {
            auto weight = core::Quantity::parse(intent.weight_text);
            if (!weight) {
                form.notice = ui::error_notice(tr_, weight.error());
                form.weight.clear();
                form.field = ui::WeighForm::Field::weight;
                return;
            }
            auto change = lane_.scan_keyed_weight(form.code, *weight, actions::Approval{intent.approver, intent.pin},
                                                  actions::local_now());
            if (!change) {
                form.notice = ui::error_notice(tr_, change.error());
                form.pin.clear();
                if (retry_approval(change.error(), form) == ApprovalRetry::pin) form.notice.detail.clear();
                return;
            }
            done(*change, kg_text(weight->in_milli()));
            return;
        }
    }
}

}  // namespace pos::checkout
