// The customer display's worker, opened on the configured port with its line settings and time limit.
#include "pos/actions/devices/customer_display.hpp"

namespace pos::actions {

CustomerDisplay::CustomerDisplay(const DisplayConfig& config, DisplayLabels labels, std::string idle_text)
    : config_(config), labels_(std::move(labels)), idle_text_(config.idle_text.empty() ? idle_text : config.idle_text) {
    auto open = [port = config_.port, line = config_.line] { return drivers::serial::SerialPort::open(port, line); };
    worker_ = std::make_unique<drivers::display::DisplayWorker>(open, config_.model, config_.led8, config_.vfd,
                                                                std::chrono::milliseconds(config_.timeout_ms));
}

void CustomerDisplay::follow(const CustomerScene& scene) {
    drivers::display::DisplayContent content = display_content(scene, config_.vfd, labels_, idle_text_);
    // Only what this model shows is compared.
    if (config_.model == drivers::display::DisplayModel::led8) {
        content.line1.clear();
        content.line2.clear();
    } else {
        content.lamp = drivers::display::Lamp::off;
        content.fen = 0;
    }
    if (followed_ == content) return;
    followed_ = content;
    worker_->show(std::move(content));
}

}  // namespace pos::actions
