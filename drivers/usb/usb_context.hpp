// One libusb context and the USB thread that runs its events (docs/design.md "Threads"). Hotplug
// arrivals and departures are handed to listeners on that thread, but outside libusb's
// callbacks, so listeners may open devices and submit transfers there.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "drivers/usb/usb_error.hpp"

struct libusb_context;
struct libusb_device;

namespace pos::drivers::usb {

// A device driver living on the USB thread. Every call comes from that thread.
class UsbListener {
public:
    virtual ~UsbListener() = default;
    virtual void device_arrived(libusb_device* device) = 0;  // may libusb_ref_device it to keep it
    virtual void device_left(libusb_device* device) = 0;
    // Once per turn of the event loop, after events: work deferred out of transfer callbacks
    // (closing a device whose transfers have all ended).
    virtual void service() = 0;
    // The thread is stopping: cancel transfers and close devices (over the next turns).
    virtual void begin_stop() = 0;
    [[nodiscard]] virtual bool stopped() const = 0;  // every device closed
};

class UsbContext {
public:
    [[nodiscard]] static UsbResult<std::unique_ptr<UsbContext>> open();
    ~UsbContext();  // stops the thread, then libusb_exit
    UsbContext(const UsbContext&) = delete;
    UsbContext& operator=(const UsbContext&) = delete;

    // Registers for hotplug (devices already present arrive first) and starts the USB thread.
    [[nodiscard]] UsbResult<support::Done> start(std::vector<UsbListener*> listeners);
    // Lets listeners close their devices (at most about two seconds), then joins the thread.
    void stop();

    // For the hotplug callback (usb_context.cpp): queues an event for the USB thread.
    void queue_hotplug(libusb_device* device, bool arrived);

private:
    explicit UsbContext(libusb_context* context) : context_(context) {}
    void run();
    void deliver_hotplug(bool stopping);

    struct Hotplug {
        libusb_device* device;  // referenced until delivered
        bool arrived;
    };

    libusb_context* context_ = nullptr;
    std::vector<UsbListener*> listeners_;
    std::thread thread_;
    std::atomic<bool> stop_requested_{false};
    bool hotplug_registered_ = false;
    int hotplug_handle_ = 0;
    std::mutex hotplug_mutex_;
    std::vector<Hotplug> hotplug_;
};

}  // namespace pos::drivers::usb
