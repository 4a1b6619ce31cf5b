// The printer worker (docs/design.md "Threads"): print jobs wait in order on a thread of their own; a job
// that cannot print (paper out, cover open, unplugged, no printer) stays queued with its
// reason, and prints once when the printer is back. The UI polls status(); nothing is thrown
// across threads. Only drivers/printer talks USB: this file sees a Transport.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/printer/profile.hpp"
#include "drivers/printer/transport.hpp"

namespace pos::actions {

enum class PrintKind {
    receipt,  // a sale's receipt, queued once the sale is committed
    reprint,  // 重打小票, asked for by the cashier
    report,   // an X or Z report
    drawer,   // a drawer kick alone: sent now or never (see PrintQueue::submit)
};

struct PrintJob {
    uint64_t id = 0;
    PrintKind kind = PrintKind::receipt;
    int64_t receipt_no = 0;  // 0 for reports and drawer kicks
    std::vector<uint8_t> bytes;
};

enum class PrinterState {
    unknown,  // not asked yet
    ready,
    paper_out,
    cover_open,
    offline,        // offline or in error (cutter jam, overheated head)
    not_connected,  // no printer found, unplugged, or USB refused
};

struct PrintQueueStatus {
    PrinterState state = PrinterState::unknown;
    bool paper_near_end = false;
    size_t waiting = 0;          // receipts and reports not yet printed
    std::string reason;          // the driver's words for the last failure (English, for the detail line)
    uint64_t printed = 0;        // jobs printed since start
    uint64_t drawer_missed = 0;  // drawer kicks that could not be sent: the cashier opens it with the key
    std::string journal_error;   // a job could not be written to lane.db (it prints from memory)
    bool operator==(const PrintQueueStatus&) const = default;
};

// Where waiting jobs are kept so they outlive the process (lane.db print_jobs, see
// print_journal.hpp). keep() runs on the submitting thread before the job is queued; forget()
// on the worker once the printer took the job. Drawer kicks are never kept.
class PrintJournal {
public:
    virtual ~PrintJournal() = default;
    // An error message when the job could not be kept (it still prints from memory).
    [[nodiscard]] virtual std::string keep(const PrintJob& job) = 0;
    virtual void forget(uint64_t job_id) = 0;
};

// Finds and opens the printer; called on the worker thread, again after every failure.
using PrinterOpener = std::function<drivers::printer::UsbResult<std::unique_ptr<drivers::printer::Transport>>()>;

class PrintQueue {
public:
    struct Timing {
        std::chrono::milliseconds retry{2000};  // a job waiting on the printer is tried again this often
        std::chrono::milliseconds idle{5000};   // with nothing to print, the status is refreshed this often
    };

    PrintQueue(PrinterOpener opener, drivers::printer::PrinterProfile profile, Timing timing);
    PrintQueue(PrinterOpener opener, drivers::printer::PrinterProfile profile)
        : PrintQueue(std::move(opener), std::move(profile), Timing{}) {}
    ~PrintQueue();  // stops the worker; jobs still waiting stay in the journal, when there is one
    PrintQueue(const PrintQueue&) = delete;
    PrintQueue& operator=(const PrintQueue&) = delete;

    // Starts the worker thread. Without it, tests drive attempt() themselves.
    void start();
    // Ends the worker and closes the printer; waiting jobs stay (a later attempt() reopens it).
    void stop();

    // Hotplug (drivers/printer PrinterWatch), any thread: a printer arrived (the worker tries
    // the waiting job at once) or left (the open printer is dropped and the status says
    // "printer disconnected" now, not at the next failed write).
    void printer_changed(bool present);

    // Keeps every receipt, reprint and report from now on in `journal` until printed, and queues
    // `restored` (the journal's jobs from the last run, in order) ahead of anything new. Call
    // before start().
    void set_journal(PrintJournal* journal, std::vector<PrintJob> restored);

    // Queues a job; the worker is woken. Receipts and reports wait until they print. A drawer
    // kick is tried once, ahead of anything waiting, and dropped if the printer is not ready:
    // a drawer that springs open minutes later, when paper is loaded, is worse than the key.
    uint64_t submit(PrintKind kind, int64_t receipt_no, std::vector<uint8_t> bytes);

    // One pass of the worker, on the calling thread: open the printer if needed, send drawer
    // kicks, then the oldest waiting job, or with nothing waiting refresh the status. True when
    // a job printed and more are waiting (the worker goes on at once).
    bool attempt();

    [[nodiscard]] PrintQueueStatus status() const;
    [[nodiscard]] std::vector<PrintJob> waiting() const;
    // A receipt or reprint of this number is still waiting.
    [[nodiscard]] bool is_waiting(int64_t receipt_no) const;
    [[nodiscard]] const drivers::printer::PrinterProfile& profile() const { return profile_; }

    // Called on the worker thread whenever status() changes (pos wakes its idle loop with it).
    void set_notify(std::function<void()> notify);

private:
    void run();
    void update(const std::function<void(PrintQueueStatus&)>& change);
    // Sends one job; false (status updated, transport dropped on a USB error) when it did not print.
    bool send(const PrintJob& job);

    PrinterOpener opener_;
    drivers::printer::PrinterProfile profile_;
    Timing timing_;
    std::unique_ptr<drivers::printer::Transport> transport_;  // worker thread only

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<PrintJob> jobs_;
    std::deque<PrintJob> drawer_;
    PrintQueueStatus status_;
    std::function<void()> notify_;
    PrintJournal* journal_ = nullptr;
    uint64_t next_id_ = 1;
    bool woken_ = false;
    bool link_lost_ = false;  // the printer left: the worker drops its transport
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace pos::actions
