// A thread-safe queue from the USB thread to whoever consumes its events (the UI thread once
// a frame, `posctl devices watch`, tests). Pushing never blocks on the consumer.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace pos::drivers::usb {

template <typename T>
class EventQueue {
public:
    // Called after every push, on the pushing thread, outside the lock: a wake-up such as
    // glfwPostEmptyEvent. It must not block.
    void set_notify(std::function<void()> notify) {
        std::lock_guard lock(mutex_);
        notify_ = std::move(notify);
    }

    void push(T item) {
        std::function<void()> notify;
        {
            std::lock_guard lock(mutex_);
            items_.push_back(std::move(item));
            notify = notify_;
        }
        ready_.notify_all();
        if (notify) notify();
    }

    // Everything queued so far, oldest first; never waits.
    [[nodiscard]] std::vector<T> drain() {
        std::lock_guard lock(mutex_);
        std::vector<T> out(std::make_move_iterator(items_.begin()), std::make_move_iterator(items_.end()));
        items_.clear();
        return out;
    }

    // The oldest item, waiting at most `timeout` for one.
    [[nodiscard]] std::optional<T> wait_pop(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        if (!ready_.wait_for(lock, timeout, [this] { return !items_.empty(); })) return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        return item;
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<T> items_;
    std::function<void()> notify_;
};

}  // namespace pos::drivers::usb
