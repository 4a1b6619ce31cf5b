// The customer display's scenes and how each model shows them (docs/devices.md "What the customer sees").
#include "pos/actions/devices/customer_scene.hpp"

#include <algorithm>

namespace pos::actions {

namespace display = drivers::display;

CustomerScene customer_scene(const CustomerMoment& moment) {
    CustomerScene scene;
    if (moment.done) {
        scene.kind = CustomerScene::Kind::change;
        scene.total = moment.done->total;
        scene.paid = moment.done->paid;
        scene.change = moment.done->change;
        return scene;
    }
    if (!moment.ticket || !moment.ticket->has_live_lines()) return scene;
    core::PaymentState payment = moment.ticket->payment(moment.rounding);
    scene.total = payment.total;
    scene.paid = payment.paid;
    if (moment.paying || !moment.ticket->tenders().empty()) {
        scene.kind = payment.paid.in_fen() > 0 ? CustomerScene::Kind::paid : CustomerScene::Kind::total;
        return scene;
    }
    // The line the cashier just scanned or points at; a voided one shows only the total.
    scene.kind = CustomerScene::Kind::total;
    for (const core::TicketLine& line : moment.ticket->lines()) {
        if (line.number != moment.selected_line || line.voided) continue;
        scene.kind = CustomerScene::Kind::item;
        scene.name = moment.chinese || line.item.name_en.empty() ? line.item.name_zh : line.item.name_en;
        scene.price = line.unit_price;
    }
    return scene;
}

namespace {

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

int columns_of(unsigned char lead, display::VfdCharset charset) {
    return lead >= 0x80 && charset == display::VfdCharset::gb2312 ? 2 : 1;
}

}  // namespace

int display_columns(std::string_view utf8, display::VfdCharset charset) {
    int columns = 0;
    for (size_t i = 0; i < utf8.size(); i += sequence_length(static_cast<unsigned char>(utf8[i]))) {
        columns += columns_of(static_cast<unsigned char>(utf8[i]), charset);
    }
    return columns;
}

std::string display_line(std::string_view left, std::string_view right, int columns, display::VfdCharset charset) {
    int room = columns - display_columns(right, charset) - (right.empty() ? 0 : 1);
    std::string line;
    int used = 0;
    for (size_t i = 0; i < left.size();) {
        auto lead = static_cast<unsigned char>(left[i]);
        size_t length = std::min(sequence_length(lead), left.size() - i);
        int width = columns_of(lead, charset);
        if (used + width > room) break;
        line.append(left.substr(i, length));
        used += width;
        i += length;
    }
    if (right.empty()) return line;
    line.append(static_cast<size_t>(std::max(1, columns - used - display_columns(right, charset))), ' ');
    line.append(right);
    return line;
}

display::DisplayContent display_content(const CustomerScene& scene, const display::VfdOptions& vfd,
                                        const DisplayLabels& labels, std::string_view idle_text) {
    using Kind = CustomerScene::Kind;
    display::DisplayContent content;
    auto line = [&](std::string_view left, core::Money amount) {
        return display_line(left, amount.to_string(), vfd.columns, vfd.charset);
    };
    switch (scene.kind) {
        case Kind::idle:
            content.lamp = display::Lamp::off;
            content.line1 = display_line(idle_text, "", vfd.columns, vfd.charset);
            break;
        case Kind::item:
            content.lamp = display::Lamp::price;
            content.fen = scene.price.in_fen();
            content.line1 = line(scene.name, scene.price);
            content.line2 = line(labels.total, scene.total);
            break;
        case Kind::total:
            content.lamp = display::Lamp::total;
            content.fen = scene.total.in_fen();
            content.line1 = line(labels.total, scene.total);
            break;
        case Kind::paid:
            content.lamp = display::Lamp::paid;
            content.fen = scene.paid.in_fen();
            content.line1 = line(labels.total, scene.total);
            content.line2 = line(labels.paid, scene.paid);
            break;
        case Kind::change:
            content.lamp = display::Lamp::change;
            content.fen = scene.change.in_fen();
            content.line1 = line(labels.paid, scene.paid);
            content.line2 = line(labels.change, scene.change);
            break;
    }
    return content;
}

}  // namespace pos::actions
