// The head office's round for a one-machine store (issue 22): the lane's sync worker calls it after
// each pass that reached store.db, and at most every `every` it pushes store.db's records to the
// head office and pulls its price changes, on the sync worker's thread and a store.db connection of
// its own. The head office away delays nothing but the next round; the cashier never waits on it.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "chain/head_office_pull.hpp"

namespace pos::chain {

class HeadOfficeRound {
public:
    // `log` is told one line for what the head office took, adopted or why it was away; `record`
    // writes the store's audit record of what the pull takes (head_office_pull.hpp).
    HeadOfficeRound(std::string store_path, PushOptions options, std::chrono::seconds every, RecordAdoption record,
                    std::function<void(const std::string&)> log);
    ~HeadOfficeRound();
    HeadOfficeRound(const HeadOfficeRound&) = delete;
    HeadOfficeRound& operator=(const HeadOfficeRound&) = delete;

    // A push and a pull when `every` has passed since the last round began (the first at once).
    void run_if_due();
    [[nodiscard]] int64_t rounds() const { return rounds_; }

private:
    void round();
    std::string store_path_;
    PushOptions options_;
    std::chrono::seconds every_;
    RecordAdoption record_;
    std::function<void(const std::string&)> log_;
    std::unique_ptr<db::StoreDb> store_;  // opened at the first round and kept
    std::chrono::steady_clock::time_point next_{};
    int64_t rounds_ = 0;
};

}  // namespace pos::chain
