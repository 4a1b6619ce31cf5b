// The USB thread: see usb_context.hpp.
#include "drivers/usb/usb_context.hpp"

#include <chrono>

#include <libusb.h>

namespace pos::drivers::usb {
namespace {

// Runs inside libusb_handle_events (or inside the registering call for devices already
// present): it only records the event; nothing here may block or open a device.
int LIBUSB_CALL on_hotplug(libusb_context*, libusb_device* device, libusb_hotplug_event event, void* user) {
    static_cast<UsbContext*>(user)->queue_hotplug(device, event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED);
    return 0;  // stay registered
}

// How long one wait for events may last: bounds how late a stop request is seen should
// libusb_interrupt_event_handler's wake-up be missed.
constexpr std::chrono::milliseconds event_wait{200};
constexpr std::chrono::seconds stop_grace{2};

}  // namespace

UsbResult<std::unique_ptr<UsbContext>> UsbContext::open() {
    libusb_context* context = nullptr;
    if (int rc = libusb_init(&context); rc != 0) return usb_error(rc, "starting libusb");
    return std::unique_ptr<UsbContext>(new UsbContext(context));
}

UsbContext::~UsbContext() {
    stop();
    libusb_exit(context_);
}

UsbResult<support::Done> UsbContext::start(std::vector<UsbListener*> listeners) {
    if (!libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)) {
        return usb_error(LIBUSB_ERROR_NOT_SUPPORTED, "watching for USB devices being plugged in");
    }
    listeners_ = std::move(listeners);
    int rc = libusb_hotplug_register_callback(
        context_, LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT, LIBUSB_HOTPLUG_ENUMERATE,
        LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, on_hotplug, this,
        &hotplug_handle_);
    if (rc != 0) return usb_error(rc, "watching for USB devices being plugged in");
    hotplug_registered_ = true;
    thread_ = std::thread([this] { run(); });
    return support::Done{};
}

void UsbContext::stop() {
    if (thread_.joinable()) {
        stop_requested_ = true;
        libusb_interrupt_event_handler(context_);
        thread_.join();
    }
    if (hotplug_registered_) {
        libusb_hotplug_deregister_callback(context_, hotplug_handle_);
        hotplug_registered_ = false;
    }
    deliver_hotplug(true);  // drops the references of events nobody will handle now
}

void UsbContext::queue_hotplug(libusb_device* device, bool arrived) {
    std::lock_guard lock(hotplug_mutex_);
    hotplug_.push_back(Hotplug{libusb_ref_device(device), arrived});
}

void UsbContext::deliver_hotplug(bool stopping) {
    std::vector<Hotplug> events;
    {
        std::lock_guard lock(hotplug_mutex_);
        events.swap(hotplug_);
    }
    for (const Hotplug& event : events) {
        for (UsbListener* listener : listeners_) {
            if (event.arrived && !stopping) listener->device_arrived(event.device);
            if (!event.arrived) listener->device_left(event.device);
        }
        libusb_unref_device(event.device);
    }
}

void UsbContext::run() {
    bool stopping = false;
    auto deadline = std::chrono::steady_clock::time_point::max();
    for (;;) {
        timeval wait{0, static_cast<long>(std::chrono::microseconds(event_wait).count())};
        libusb_handle_events_timeout_completed(context_, &wait, nullptr);
        deliver_hotplug(stopping);
        for (UsbListener* listener : listeners_) listener->service();
        if (stop_requested_ && !stopping) {
            stopping = true;
            deadline = std::chrono::steady_clock::now() + stop_grace;
            for (UsbListener* listener : listeners_) listener->begin_stop();
        }
        if (stopping) {
            bool all_stopped = true;
            for (UsbListener* listener : listeners_) all_stopped = all_stopped && listener->stopped();
            if (all_stopped || std::chrono::steady_clock::now() > deadline) return;
        }
    }
}

}  // namespace pos::drivers::usb
