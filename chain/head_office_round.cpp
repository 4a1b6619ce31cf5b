// One push and one pull a round, each outcome told in a line.
#include "chain/head_office_round.hpp"

#include <fmt/format.h>

#include "chain/head_office_pull.hpp"

namespace pos::chain {

HeadOfficeRound::HeadOfficeRound(std::string store_path, PushOptions options, std::chrono::seconds every,
                                 RecordAdoption record, std::function<void(const std::string&)> log)
    : store_path_(std::move(store_path)),
      options_(std::move(options)),
      every_(every),
      record_(std::move(record)),
      log_(std::move(log)) {}

HeadOfficeRound::~HeadOfficeRound() = default;

void HeadOfficeRound::run_if_due() {
    auto now = std::chrono::steady_clock::now();
    if (now < next_) return;
    next_ = now + every_;
    round();
    ++rounds_;
}

void HeadOfficeRound::round() {
    if (!store_) {
        auto opened = db::StoreDb::open(store_path_, false);
        if (!opened) {
            log_("head office: store.db cannot be opened: " + opened.error().message);
            return;
        }
        store_ = std::move(*opened);
    }
    auto pushed = push_to_head_office(*store_, options_);
    if (!pushed) {
        log_("head office: " + pushed.error().message);
        return;
    }
    if (pushed->stored > 0 || pushed->conflicts > 0) {
        log_(fmt::format("head office took {} new record(s), {} conflict(s), {} left", pushed->stored,
                         pushed->conflicts, pushed->left));
    }
    auto pulled = pull_from_head_office(*store_, options_, record_);
    if (!pulled) {
        log_("head office: " + pulled.error().message);
        return;
    }
    for (const PulledPriceChange& change : pulled->price_changes) {
        log_(fmt::format("head office price change {} adopted, effective {}", change.hq_id, change.effective_on));
    }
    for (const std::string& line : master_data_lines(*pulled)) log_(line);
}

}  // namespace pos::chain
