// The printer worker: one thread, one printer, jobs in order. A job leaves the queue only
// after the printer took all of it, so a job is never sent twice for one submit.
#include "pos/actions/printing/print_queue.hpp"

#include <algorithm>
#include <optional>

#include "drivers/printer/printer.hpp"
#include "drivers/printer/printer_watch.hpp"

namespace pos::actions {
namespace {

namespace printer = drivers::printer;

PrinterState state_of(const printer::PrinterStatus& status) {
    if (status.ready()) return PrinterState::ready;
    if (status.paper_out) return PrinterState::paper_out;
    if (status.cover_open) return PrinterState::cover_open;
    return PrinterState::offline;
}

}  // namespace

PrintQueue::PrintQueue(PrinterOpener opener, printer::PrinterProfile profile, Timing timing)
    : opener_(std::move(opener)), profile_(std::move(profile)), timing_(timing) {}

PrintQueue::~PrintQueue() { stop(); }

void PrintQueue::start() {
    if (worker_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    worker_ = std::thread([this] { run(); });
}

void PrintQueue::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
    transport_.reset();
}

void PrintQueue::printer_changed(bool present) {
    {
        std::lock_guard lock(mutex_);
        if (!present) link_lost_ = true;
        woken_ = true;
    }
    if (!present) {
        update([](PrintQueueStatus& s) {
            s.state = PrinterState::not_connected;
            s.reason = printer::printer_disconnected;
        });
    }
    wake_.notify_all();
}

void PrintQueue::set_journal(PrintJournal* journal, std::vector<PrintJob> restored) {
    std::lock_guard lock(mutex_);
    journal_ = journal;
    for (PrintJob& job : restored) {
        next_id_ = std::max(next_id_, job.id + 1);
        jobs_.push_back(std::move(job));
    }
    std::stable_sort(jobs_.begin(), jobs_.end(), [](const PrintJob& a, const PrintJob& b) { return a.id < b.id; });
    status_.waiting = jobs_.size();
    woken_ = true;
}

uint64_t PrintQueue::submit(PrintKind kind, int64_t receipt_no, std::vector<uint8_t> bytes) {
    uint64_t id = 0;
    PrintJournal* journal = nullptr;
    {
        std::lock_guard lock(mutex_);
        id = next_id_++;
        journal = kind == PrintKind::drawer ? nullptr : journal_;
    }
    // Written before the job can print, so forget() always finds it.
    std::string problem;
    if (journal) problem = journal->keep(PrintJob{id, kind, receipt_no, bytes});
    {
        std::lock_guard lock(mutex_);
        if (journal) status_.journal_error = problem;
        PrintJob job{id, kind, receipt_no, std::move(bytes)};
        if (kind == PrintKind::drawer) {
            drawer_.push_back(std::move(job));
        } else {
            jobs_.push_back(std::move(job));
            status_.waiting = jobs_.size();
        }
        woken_ = true;
    }
    wake_.notify_all();
    return id;
}

void PrintQueue::set_notify(std::function<void()> notify) {
    std::lock_guard lock(mutex_);
    notify_ = std::move(notify);
}

PrintQueueStatus PrintQueue::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::vector<PrintJob> PrintQueue::waiting() const {
    std::lock_guard lock(mutex_);
    return {jobs_.begin(), jobs_.end()};
}

bool PrintQueue::is_waiting(int64_t receipt_no) const {
    std::lock_guard lock(mutex_);
    return std::any_of(jobs_.begin(), jobs_.end(), [receipt_no](const PrintJob& job) {
        return job.receipt_no == receipt_no && (job.kind == PrintKind::receipt || job.kind == PrintKind::reprint);
    });
}

void PrintQueue::update(const std::function<void(PrintQueueStatus&)>& change) {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        PrintQueueStatus before = status_;
        change(status_);
        status_.waiting = jobs_.size();
        if (status_ == before) return;
        notify = notify_;
    }
    if (notify) notify();
}

bool PrintQueue::send(const PrintJob& job) {
    printer::PrintOutcome outcome = printer::print_job(*transport_, profile_, job.bytes);
    if (!outcome.printed && outcome.status.ready()) {
        // Not the printer's state but the link: unplugged, or refused. Opened afresh next time.
        transport_.reset();
        update([&](PrintQueueStatus& s) {
            s.state = PrinterState::not_connected;
            s.reason = outcome.reason;
        });
        return false;
    }
    update([&](PrintQueueStatus& s) {
        s.state = state_of(outcome.status);
        s.paper_near_end = outcome.status.paper_near_end;
        s.reason = outcome.reason;
    });
    return outcome.printed;
}

bool PrintQueue::attempt() {
    std::deque<PrintJob> kicks;
    std::optional<PrintJob> front;
    bool lost = false;
    {
        std::lock_guard lock(mutex_);
        lost = link_lost_;
        link_lost_ = false;
        kicks.swap(drawer_);
        if (!jobs_.empty()) front = jobs_.front();  // a copy: the queue keeps it until it has printed
    }
    if (lost) transport_.reset();  // its device is gone; a replugged printer is a new handle
    if (!transport_) {
        auto opened = opener_();
        if (!opened) {
            update([&](PrintQueueStatus& s) {
                s.state = PrinterState::not_connected;
                s.reason = opened.error().message;
                s.drawer_missed += kicks.size();
            });
            return false;
        }
        transport_ = std::move(*opened);
    }
    for (const PrintJob& kick : kicks) {
        if (!transport_ || !send(kick)) {
            update([](PrintQueueStatus& s) { ++s.drawer_missed; });
        }
    }
    if (!transport_) return false;
    if (!front) {
        if (!kicks.empty()) return false;  // the kick's status query is fresh enough
        auto status = printer::query_status(*transport_, profile_);
        if (!status) {
            transport_.reset();
            update([&](PrintQueueStatus& s) {
                s.state = PrinterState::not_connected;
                s.reason = status.error().message;
            });
            return false;
        }
        update([&](PrintQueueStatus& s) {
            s.state = state_of(*status);
            s.paper_near_end = status->paper_near_end;
            s.reason = status->ready() ? std::string() : std::string(printer::describe(*status));
        });
        return false;
    }
    if (!send(*front)) return false;
    bool more = false;
    PrintJournal* journal = nullptr;
    {
        std::lock_guard lock(mutex_);
        // Only the worker removes jobs, so the front is still the one just printed.
        if (!jobs_.empty() && jobs_.front().id == front->id) jobs_.pop_front();
        more = !jobs_.empty() || !drawer_.empty();
        journal = journal_;
    }
    // A crash between the print and this line prints the job again at the next start: a
    // receipt twice is better than none (docs/decisions.md).
    if (journal) journal->forget(front->id);
    update([](PrintQueueStatus& s) { ++s.printed; });
    return more;
}

void PrintQueue::run() {
    bool go_on = true;
    while (true) {
        {
            std::unique_lock lock(mutex_);
            if (!go_on) {
                // A waiting job is retried sooner than an idle printer is asked how it is.
                auto pause = jobs_.empty() ? timing_.idle : timing_.retry;
                wake_.wait_for(lock, pause, [this] { return stopping_ || woken_; });
            }
            if (stopping_) return;
            woken_ = false;
        }
        go_on = attempt();
    }
}

}  // namespace pos::actions
