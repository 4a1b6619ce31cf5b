// The scale worker's loop: open, then poll (8217) or listen (continuous) until the port fails.
#include "drivers/scale/scale_worker.hpp"

#include "drivers/scale/continuous.hpp"
#include "drivers/scale/toledo8217.hpp"

namespace pos::drivers::scale {

ScaleWorker::ScaleWorker(Opener open, ScaleProtocol protocol, ScaleTiming timing)
    : open_(std::move(open)), protocol_(protocol), timing_(timing) {
    status_.problem = "not opened yet";
    thread_ = std::thread([this] { run(); });
}

ScaleWorker::~ScaleWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

ScaleStatus ScaleWorker::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void ScaleWorker::zero() {
    {
        std::lock_guard lock(mutex_);
        commands_.push_back(protocol_ == ScaleProtocol::toledo8217 ? toledo_zero()
                                                                   : std::vector<uint8_t>{'M', 'Z', '\r', '\n'});
    }
    wake_.notify_all();
}

void ScaleWorker::tare() {
    {
        std::lock_guard lock(mutex_);
        commands_.push_back(protocol_ == ScaleProtocol::toledo8217 ? toledo_tare()
                                                                   : std::vector<uint8_t>{'M', 'T', '\r', '\n'});
    }
    wake_.notify_all();
}

void ScaleWorker::set_notify(std::function<void()> notify) {
    std::lock_guard lock(mutex_);
    notify_ = std::move(notify);
}

void ScaleWorker::publish(std::optional<ScaleReading> reading, std::string problem, bool connected) {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        status_.reading = reading;
        status_.problem = std::move(problem);
        status_.connected = connected;
        if (reading) ++status_.readings;
        notify = notify_;
    }
    if (notify) notify();  // outside the lock: the callback may ask for status()
}

std::vector<std::vector<uint8_t>> ScaleWorker::take_commands() {
    std::lock_guard lock(mutex_);
    std::vector<std::vector<uint8_t>> commands;
    commands.swap(commands_);
    return commands;
}

bool ScaleWorker::send(serial::SerialPort& port, const std::vector<uint8_t>& bytes) {
    auto sent = port.write(bytes, timing_.answer_limit);
    if (!sent) publish(std::nullopt, sent.error().message, false);
    return sent.ok();
}

std::optional<std::vector<uint8_t>> ScaleWorker::read_some(serial::SerialPort& port, Deadline deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::vector<uint8_t>{};
    auto got = port.read(4096, left);  // a backlog is read at once, so the newest line is current
    if (!got) {
        publish(std::nullopt, got.error().message, false);
        return std::nullopt;
    }
    return std::move(*got);
}

bool ScaleWorker::poll_toledo(serial::SerialPort& port) {
    port.discard_input();  // an answer that came too late belongs to an earlier request
    for (const auto& command : take_commands()) {
        if (!send(port, command)) return false;
        // The scale answers a zero or tare with a status frame: read it so it is not taken as a weight.
        ToledoFrames frames;
        Deadline deadline = std::chrono::steady_clock::now() + timing_.answer_limit;
        while (!frames.next()) {
            auto got = read_some(port, deadline);
            if (!got) return false;
            if (got->empty()) break;
            frames.feed(*got);
        }
    }
    if (!send(port, toledo_request_weight())) return false;
    ToledoFrames frames;
    Deadline deadline = std::chrono::steady_clock::now() + timing_.answer_limit;
    for (;;) {
        if (auto frame = frames.next()) {
            auto reading = parse_toledo_frame(*frame);
            if (reading)
                publish(*reading, {}, true);
            else
                publish(std::nullopt, reading.error().message, true);
            return true;
        }
        auto got = read_some(port, deadline);
        if (!got) return false;
        if (got->empty()) {
            publish(std::nullopt, "the scale did not answer: is it switched on, on the 8217 protocol, 9600 7E1?", true);
            return true;
        }
        frames.feed(*got);
    }
}

bool ScaleWorker::listen_continuous(serial::SerialPort& port, ContinuousLines& lines) {
    for (const auto& command : take_commands()) {
        if (!send(port, command)) return false;
    }
    Deadline deadline = std::chrono::steady_clock::now() + timing_.answer_limit;
    std::optional<std::string> newest;
    while (!newest) {
        auto got = read_some(port, deadline);
        if (!got) return false;
        if (got->empty()) {
            publish(std::nullopt, "the scale sends nothing: is it switched on and set to continuous output?", true);
            return true;
        }
        lines.feed(*got);
        while (auto line = lines.next()) newest = std::move(line);
    }
    auto reading = parse_continuous_line(*newest);
    if (reading)
        publish(*reading, {}, true);
    else
        publish(std::nullopt, reading.error().message, true);
    return true;
}

void ScaleWorker::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        auto opened = open_();
        if (!opened) {
            publish(std::nullopt, opened.error().message, false);
            lock.lock();
            wake_.wait_for(lock, timing_.retry, [this] { return stopping_; });
            continue;
        }
        serial::SerialPort port = std::move(*opened);
        // One assembler for as long as the port is open: a line split across reads stays whole.
        // The scale may be mid-line when the port opens, so what comes before the first LF is dropped.
        ContinuousLines lines(true);
        bool alive = true;
        while (alive) {
            alive = protocol_ == ScaleProtocol::toledo8217 ? poll_toledo(port) : listen_continuous(port, lines);
            lock.lock();
            if (stopping_) return;
            if (alive && protocol_ == ScaleProtocol::toledo8217) {
                wake_.wait_for(lock, timing_.poll, [this] { return stopping_ || !commands_.empty(); });
                if (stopping_) return;
            }
            lock.unlock();
        }
        lock.lock();
        wake_.wait_for(lock, timing_.retry, [this] { return stopping_; });
    }
}

}  // namespace pos::drivers::scale
