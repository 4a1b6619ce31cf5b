// One push and one pull a round, each logged in a line on standard output.
#include "pos/store/head_office_worker.hpp"

#include <condition_variable>
#include <iostream>
#include <mutex>

#include <fmt/format.h>

#include "chain/head_office_pull.hpp"
#include "pos/actions/setup/head_office_adoption.hpp"

namespace pos::store {

HeadOfficeWorker::HeadOfficeWorker(std::string store_path, chain::PushOptions options, std::chrono::seconds every)
    : store_path_(std::move(store_path)), options_(std::move(options)), every_(every) {
    thread_ = std::jthread([this](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        while (!stop.stop_requested()) {
            round();
            std::unique_lock lock(mutex);
            wake.wait_for(lock, stop, every_, [] { return false; });
        }
    });
}

HeadOfficeWorker::~HeadOfficeWorker() {
    thread_.request_stop();
    if (thread_.joinable()) thread_.join();
}

void HeadOfficeWorker::round() {
    if (!store_) {
        auto opened = db::StoreDb::open(store_path_, false);
        if (!opened) {
            std::cout << "pos-store: head office: store.db cannot be opened: " << opened.error().message << std::endl;
            return;
        }
        store_ = std::move(*opened);
    }
    auto pushed = chain::push_to_head_office(*store_, options_);
    if (!pushed) {
        std::cout << "pos-store: head office: " << pushed.error().message << std::endl;
        return;
    }
    if (pushed->stored > 0 || pushed->conflicts > 0) {
        std::cout << fmt::format("pos-store: head office took {} new record(s), {} conflict(s), {} left",
                                 pushed->stored, pushed->conflicts, pushed->left)
                  << std::endl;
    }
    auto pulled = chain::pull_from_head_office(*store_, options_, actions::head_office_adoption_recorder(0));
    if (!pulled) {
        std::cout << "pos-store: head office: " << pulled.error().message << std::endl;
        return;
    }
    for (const chain::PulledPriceChange& change : pulled->price_changes) {
        std::cout << fmt::format("pos-store: head office price change {} adopted, effective {}", change.hq_id,
                                 change.effective_on)
                  << std::endl;
    }
    for (const std::string& line : chain::master_data_lines(*pulled)) std::cout << "pos-store: " << line << std::endl;
}

}  // namespace pos::store
