// pos-store's head office thread (issue 22): at start and then every interval, store.db's records
// pushed to the head office and its price changes pulled, on a store.db connection of its own. The
// head office away only delays it; the lanes never wait for it.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "chain/head_office_push.hpp"

namespace pos::store {

class HeadOfficeWorker {
public:
    HeadOfficeWorker(std::string store_path, chain::PushOptions options, std::chrono::seconds every);
    ~HeadOfficeWorker();  // stops between rounds, or after the round under way
    HeadOfficeWorker(const HeadOfficeWorker&) = delete;
    HeadOfficeWorker& operator=(const HeadOfficeWorker&) = delete;

private:
    void round();
    std::string store_path_;
    chain::PushOptions options_;
    std::chrono::seconds every_;
    // Opened at the first round and kept: opening checks the whole file's integrity.
    std::unique_ptr<db::StoreDb> store_;
    std::jthread thread_;
};

}  // namespace pos::store
