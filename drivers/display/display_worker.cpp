// The display worker's loop: open, initialise, write the newest content, and on any failure
// close, say why, and try again after a pause.
#include "drivers/display/display_worker.hpp"

namespace pos::drivers::display {

DisplayWorker::DisplayWorker(Opener open, DisplayModel model, Led8Options led8, VfdOptions vfd,
                             std::chrono::milliseconds write_limit, std::chrono::milliseconds retry)
    : open_(std::move(open)), model_(model), led8_(led8), vfd_(vfd), write_limit_(write_limit), retry_(retry) {
    status_.problem = "not opened yet";
    thread_ = std::thread([this] { run(); });
}

DisplayWorker::~DisplayWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void DisplayWorker::show(DisplayContent content) {
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(content);
    }
    wake_.notify_all();
}

DisplayStatus DisplayWorker::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void DisplayWorker::set_notify(std::function<void()> notify) {
    std::lock_guard lock(mutex_);
    notify_ = std::move(notify);
}

std::vector<uint8_t> DisplayWorker::bytes_of(const DisplayContent& content) const {
    if (model_ == DisplayModel::led8) return led8_.show(content.lamp, content.fen);
    return vfd_.show(content.line1, content.line2);
}

void DisplayWorker::notify_unlocked(std::unique_lock<std::mutex>& lock) {
    // Outside the lock: the callback may ask for status() or call show().
    std::function<void()> notify = notify_;
    lock.unlock();
    if (notify) notify();
    lock.lock();
}

void DisplayWorker::run() {
    std::optional<serial::SerialPort> port;
    bool just_failed = false;  // a write failed: pause before opening again, not a tight loop
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (!port) {
            if (just_failed && wake_.wait_for(lock, retry_, [this] { return stopping_; })) break;
            just_failed = false;
            lock.unlock();
            auto opened = open_();
            std::vector<uint8_t> start;
            if (opened) {
                start = model_ == DisplayModel::led8 ? led8_.initialise() : vfd_.initialise();
                auto clear = model_ == DisplayModel::led8 ? led8_.clear() : vfd_.clear();
                start.insert(start.end(), clear.begin(), clear.end());
                if (auto written = opened->write(start, write_limit_); !written) {
                    opened = written.error();
                }
            }
            lock.lock();
            if (opened) {
                port.emplace(std::move(*opened));
                status_.connected = true;
                status_.problem.clear();
                // What the customer should see is shown again on a display that came back.
                if (!pending_ && last_shown_) pending_ = last_shown_;
                last_shown_.reset();
            } else {
                status_.connected = false;
                status_.problem = opened.error().message;
            }
            notify_unlocked(lock);
            if (!port) {
                wake_.wait_for(lock, retry_, [this] { return stopping_; });
                continue;
            }
        }
        // Between updates the line is checked once a retry period, so an unplugged display is on
        // the status bar at once, not only when the next update fails.
        if (!wake_.wait_for(lock, retry_, [this] { return stopping_ || pending_.has_value(); })) {
            if (auto there = port->check(); !there) {
                port.reset();
                just_failed = true;
                status_.connected = false;
                status_.problem = there.error().message;
                notify_unlocked(lock);
            }
            continue;
        }
        if (stopping_) break;
        DisplayContent content = std::move(*pending_);
        pending_.reset();
        if (last_shown_ && *last_shown_ == content) continue;  // the display already shows it
        std::vector<uint8_t> bytes = bytes_of(content);
        lock.unlock();
        auto written = port->write(bytes, write_limit_);
        lock.lock();
        if (written) {
            last_shown_ = content;
            ++status_.shown;
        } else {
            port.reset();
            just_failed = true;
            status_.connected = false;
            status_.problem = written.error().message;
            if (!pending_) pending_ = content;  // shown once the display is back
        }
        notify_unlocked(lock);
    }
}

}  // namespace pos::drivers::display
