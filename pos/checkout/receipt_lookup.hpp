// F9's receipt lookup on a worker thread. Lane::find_returnable may ask pos-store over HTTP (up to
// 2 s to connect and 5 s to answer, return_store.cpp); on the UI thread the screen froze that long.
// The answer is polled once a frame. While the worker runs it alone uses the Lane's database: the
// checkout then draws only the return screen, whose keys wait, and the status bar, which reads
// what the Lane holds in memory.
#pragma once

#include <functional>
#include <future>
#include <optional>
#include <string>
#include <thread>

#include "pos/actions/lane.hpp"

namespace pos::checkout {

class ReceiptLookup {
public:
    using Answer = core::Result<actions::ReturnableSale>;

    ReceiptLookup() = default;
    ReceiptLookup(const ReceiptLookup&) = delete;
    ReceiptLookup& operator=(const ReceiptLookup&) = delete;
    ~ReceiptLookup();  // waits for a lookup still running: the Lane outlives its worker

    // Looks `receipt` up on a new worker; `notify` (may be empty) is called from the worker once the
    // answer can be taken (the app wakes its idle loop with it). One lookup at a time.
    void start(actions::Lane& lane, std::string receipt, std::function<void()> notify);
    // A lookup was started and its answer not taken yet.
    [[nodiscard]] bool running() const { return answer_.valid(); }
    // Its answer is there to take.
    [[nodiscard]] bool ready() const;
    // The answer, once, when ready; nullopt before (or without a lookup).
    [[nodiscard]] std::optional<Answer> take();

private:
    std::future<Answer> answer_;
    std::thread worker_;
};

}  // namespace pos::checkout
