// Scanners over libusb: see scanner_device.hpp. Everything but states() and
// connected_count() runs on the USB thread; transfer callbacks only decode, queue and
// resubmit, and anything that may block (closing, clearing a halt) waits for service().
#include "drivers/usb/scanner_device.hpp"

#include <algorithm>
#include <iostream>
#include <span>

#include <libusb.h>

#include "drivers/scanner/hid_keyboard.hpp"
#include "drivers/scanner/hid_pos.hpp"
#include "drivers/usb/device_info.hpp"

namespace pos::drivers::usb {

namespace {

// A read error that keeps coming back is a broken device or cable: give it up after this
// many in a row rather than spin on it (replugging starts afresh).
constexpr int max_consecutive_errors = 5;

std::string device_name(const DeviceInfo& info, const ScannerMatch& match) {
    return to_string(info.id) + " (bus " + std::to_string(info.bus) + " device " + std::to_string(info.address) +
           ", interface " + std::to_string(match.interface) + ")";
}

}  // namespace

struct ScannerService::Device {
    ScannerService* service = nullptr;
    libusb_device* device = nullptr;  // referenced while open
    libusb_device_handle* handle = nullptr;
    ScannerMatch match;
    std::string name;
    bool claimed = false;
    bool reattach = false;  // a kernel driver was detached and goes back on release
    libusb_transfer* transfer = nullptr;
    std::vector<uint8_t> buffer;
    bool in_flight = false;
    bool cancelling = false;
    bool clear_halt = false;
    bool closing = false;
    std::string close_reason;
    bool failed = false;  // closing because of an error, not an unplug or a stop
    int consecutive_errors = 0;
    scanner::KeyboardDecoder keyboard;
    scanner::HidPosDecoder hid_pos;
};

ScannerService::ScannerService(ScannerOptions options, EventQueue<ScannerEvent>& events)
    : options_(std::move(options)), events_(events) {}

ScannerService::~ScannerService() {
    // Normally empty: UsbContext::stop() let begin_stop() close everything. Whatever is left
    // (a transfer that never ended) is released without waiting.
    for (auto& device : devices_) {
        if (device->transfer && !device->in_flight) libusb_free_transfer(device->transfer);
        if (device->handle) libusb_close(device->handle);
        if (device->device) libusb_unref_device(device->device);
    }
}

std::vector<ScannerState> ScannerService::states() const {
    std::lock_guard lock(state_mutex_);
    return states_;
}

int ScannerService::connected_count() const {
    std::lock_guard lock(state_mutex_);
    return static_cast<int>(
        std::count_if(states_.begin(), states_.end(), [](const ScannerState& s) { return s.connected; }));
}

void ScannerService::log(const std::string& line) const {
    if (options_.log) {
        options_.log(line);
    } else {
        std::cerr << "usb: " << line << "\n";
    }
}

void ScannerService::publish_state(const Device& device, bool connected, const std::string& error) {
    std::lock_guard lock(state_mutex_);
    auto found =
        std::find_if(states_.begin(), states_.end(), [&](const ScannerState& s) { return s.device == device.name; });
    ScannerState state{device.name, device.match.kind, connected, error};
    if (found == states_.end()) {
        states_.push_back(std::move(state));
    } else {
        *found = std::move(state);
    }
}

void ScannerService::device_arrived(libusb_device* usb_device) {
    if (stopping_) return;
    auto info = read_device_info(usb_device);
    if (!info) return;  // not readable, so not a scanner we could use
    auto match = match_scanner(*info, options_.scanners);
    if (!match) return;
    for (const auto& open : devices_) {
        if (open->device == usb_device) return;  // already ours (enumeration and hotplug both reported it)
    }
    auto device = std::make_unique<Device>();
    device->service = this;
    device->match = *match;
    device->name = device_name(*info, *match);

    auto fail = [&](int rc, const std::string& doing) {
        UsbError error = usb_error(rc, doing + " scanner " + device->name);
        log(error.message);
        if (device->claimed) libusb_release_interface(device->handle, match->interface);
        if (device->reattach) libusb_attach_kernel_driver(device->handle, match->interface);
        if (device->transfer) libusb_free_transfer(device->transfer);
        if (device->handle) libusb_close(device->handle);
        publish_state(*device, false, error.message);
        events_.push(ScannerEvent{ScannerEvent::Type::problem, device->name, {}, error.message});
    };
    if (int rc = libusb_open(usb_device, &device->handle); rc != 0) return fail(rc, "opening");
    int active = libusb_kernel_driver_active(device->handle, match->interface);
    if (active == 1) {
        // usbhid holds it as a keyboard; it goes back on release, so the scanner types again
        // as a keyboard wedge when the lane is not running.
        if (int rc = libusb_detach_kernel_driver(device->handle, match->interface); rc != 0) {
            return fail(rc, "detaching the kernel driver from");
        }
        device->reattach = true;
    }
    if (int rc = libusb_claim_interface(device->handle, match->interface); rc != 0) return fail(rc, "claiming");
    device->claimed = true;
    device->transfer = libusb_alloc_transfer(0);
    if (!device->transfer) return fail(LIBUSB_ERROR_NO_MEM, "reading");
    device->buffer.assign(std::max<size_t>(match->endpoint.max_packet, scanner::KeyboardDecoder::report_size), 0);
    libusb_fill_interrupt_transfer(device->transfer, device->handle, match->endpoint.address, device->buffer.data(),
                                   static_cast<int>(device->buffer.size()), &ScannerService::transfer_done,
                                   device.get(), static_cast<unsigned>(options_.read_timeout.count()));
    if (int rc = libusb_submit_transfer(device->transfer); rc != 0) return fail(rc, "reading");
    device->in_flight = true;
    device->device = libusb_ref_device(usb_device);

    std::string mode(kind_name(match->kind));
    log("scanner " + device->name + " connected, " + mode);
    publish_state(*device, true, "");
    events_.push(ScannerEvent{ScannerEvent::Type::connected, device->name, {}, mode});
    devices_.push_back(std::move(device));
}

void ScannerService::device_left(libusb_device* usb_device) {
    for (auto& device : devices_) {
        if (device->device == usb_device) start_closing(*device, "unplugged");
    }
}

void ScannerService::transfer_done(libusb_transfer* transfer) {
    Device& device = *static_cast<Device*>(transfer->user_data);
    ScannerService& self = *device.service;
    device.in_flight = false;
    if (device.closing) return;  // cancelled, or finished while being cancelled: service() closes it
    switch (transfer->status) {
        case LIBUSB_TRANSFER_COMPLETED:
            device.consecutive_errors = 0;
            self.on_report(device, transfer->buffer, transfer->actual_length);
            break;
        case LIBUSB_TRANSFER_TIMED_OUT:
            device.consecutive_errors = 0;
            self.on_timeout(device);
            break;
        case LIBUSB_TRANSFER_NO_DEVICE: self.start_closing(device, "unplugged"); return;
        case LIBUSB_TRANSFER_CANCELLED: self.start_closing(device, "reading was cancelled"); return;
        default: {
            UsbError error = usb_error(transfer_status_error(transfer->status), "reading scanner " + device.name);
            self.log(error.message);
            if (++device.consecutive_errors >= max_consecutive_errors) {
                device.failed = true;
                self.start_closing(device, error.message);
                return;
            }
            if (transfer->status == LIBUSB_TRANSFER_STALL) {
                device.clear_halt = true;  // a blocking call: service() does it, then resubmits
                return;
            }
            break;
        }
    }
    if (int rc = libusb_submit_transfer(transfer); rc != 0) {
        device.failed = rc != LIBUSB_ERROR_NO_DEVICE;
        self.start_closing(device, rc == LIBUSB_ERROR_NO_DEVICE
                                       ? "unplugged"
                                       : usb_error(rc, "reading scanner " + device.name).message);
        return;
    }
    device.in_flight = true;
}

void ScannerService::on_report(Device& device, const uint8_t* data, int length) {
    std::span<const uint8_t> report(data, static_cast<size_t>(std::max(length, 0)));
    scanner::Decoded decoded =
        device.match.kind == DeviceKind::scanner_hid_pos ? device.hid_pos.feed(report) : device.keyboard.feed(report);
    if (decoded.problem != scanner::ReportProblem::none) {
        std::string line = "scanner " + device.name + ": report ignored (" +
                           std::string(scanner::problem_name(decoded.problem)) + "): " + decoded.detail;
        log(line);
        events_.push(ScannerEvent{ScannerEvent::Type::problem, device.name, {}, line});
    }
    if (decoded.scan) events_.push(ScannerEvent{ScannerEvent::Type::scan, device.name, std::move(*decoded.scan), {}});
}

void ScannerService::on_timeout(Device& device) {
    std::string dropped = device.match.kind == DeviceKind::scanner_hid_pos ? device.hid_pos.discard_pending()
                                                                           : device.keyboard.discard_pending();
    if (dropped.empty()) return;  // an idle scanner: nothing to say
    std::string line = "scanner " + device.name + ": scan not finished within " +
                       std::to_string(options_.read_timeout.count()) + " ms; dropped \"" + dropped + "\"";
    log(line);
    events_.push(ScannerEvent{ScannerEvent::Type::problem, device.name, {}, line});
}

void ScannerService::start_closing(Device& device, const std::string& why) {
    if (device.closing) return;
    device.closing = true;
    device.close_reason = why;
    if (device.in_flight && !device.cancelling) {
        device.cancelling = true;
        libusb_cancel_transfer(device.transfer);  // does not block; the callback follows
    }
}

void ScannerService::service() {
    for (auto& device : devices_) {
        if (device->clear_halt && !device->closing) {
            device->clear_halt = false;
            int rc = libusb_clear_halt(device->handle, device->match.endpoint.address);
            if (rc == 0) rc = libusb_submit_transfer(device->transfer);
            if (rc == 0) {
                device->in_flight = true;
            } else {
                device->failed = rc != LIBUSB_ERROR_NO_DEVICE;
                start_closing(*device, usb_error(rc, "restarting scanner " + device->name).message);
            }
        }
    }
    for (auto it = devices_.begin(); it != devices_.end();) {
        Device& device = **it;
        if (device.closing && !device.in_flight) {
            close(device);
            it = devices_.erase(it);
        } else {
            ++it;
        }
    }
}

void ScannerService::close(Device& device) {
    // Errors are ignored here: an unplugged device refuses all of these, and there is nothing
    // left to do about it.
    if (device.claimed) libusb_release_interface(device.handle, device.match.interface);
    if (device.reattach) libusb_attach_kernel_driver(device.handle, device.match.interface);
    libusb_free_transfer(device.transfer);
    device.transfer = nullptr;
    libusb_close(device.handle);
    device.handle = nullptr;
    libusb_unref_device(device.device);
    device.device = nullptr;
    log("scanner " + device.name + " disconnected: " + device.close_reason);
    publish_state(device, false, device.failed ? device.close_reason : "");
    events_.push(ScannerEvent{ScannerEvent::Type::disconnected, device.name, {}, device.close_reason});
}

void ScannerService::begin_stop() {
    stopping_ = true;
    for (auto& device : devices_) start_closing(*device, "the lane is stopping");
}

bool ScannerService::stopped() const { return devices_.empty(); }

}  // namespace pos::drivers::usb
