// Virtual USB devices for driver tests: a umockdev testbed whose devices answer libusb's
// usbdevfs ioctls (docs/virtual-usb.md). A device queues input reports
// that the next interrupt-IN URB receives; it can be unplugged and plugged in again.
// The ioctl handler runs on umockdev's thread, so device state is behind a mutex; test
// assertions stay on the test's own thread.
#pragma once

#include <linux/ioctl.h>  // before usbdevice_fs.h (docs/virtual-usb.md)
#include <linux/usbdevice_fs.h>

#include <umockdev.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace pos::test {

struct VirtualEndpoint {
    uint8_t address = 0x81;
    uint8_t attributes = 0x03;  // interrupt
    uint16_t max_packet = 8;
    uint8_t interval = 10;
};

struct VirtualInterface {
    uint8_t interface_class = 3;
    uint8_t subclass = 1;
    uint8_t protocol = 1;
    uint16_t report_descriptor_length = 65;
    std::vector<VirtualEndpoint> endpoints;
};

struct VirtualDeviceSpec {
    uint16_t vid = 0;
    uint16_t pid = 0;
    uint16_t bcd_usb = 0x0200;
    uint8_t max_packet0 = 64;
    std::vector<VirtualInterface> interfaces;
};

// Symbol DS6708 in HID keyboard mode, 05e0:1200 (tests/fixtures/usb/symbol-ds6708-hidkbd.txt:
// bMaxPacketSize0 8, USB 2.00) with the 65-byte boot-keyboard report descriptor of the
// Datalogic GD4400 fixture; the endpoint part was not published, so a usual 8-byte 0x81.
inline VirtualDeviceSpec symbol_ds6708_keyboard() {
    return VirtualDeviceSpec{0x05E0, 0x1200, 0x0200, 8, {VirtualInterface{3, 1, 1, 65, {{0x81, 0x03, 8, 10}}}}};
}

// Honeywell N5600 in HID POS mode, 0c2e:0967 (tests/fixtures/usb/honeywell-n5600-hidpos.txt):
// USB 1.10, one 3/0/0 interface, 144-byte report descriptor, IN 0x82 / OUT 0x07, 64 bytes.
inline VirtualDeviceSpec honeywell_n5600() {
    return VirtualDeviceSpec{
        0x0C2E, 0x0967, 0x0110, 64, {VirtualInterface{3, 0, 0, 144, {{0x82, 0x03, 64, 4}, {0x07, 0x03, 64, 1}}}}};
}

// Honeywell "HID POS" composite, 0c2e:0901 (tests/fixtures/usb/honeywell-hidpos-0901-composite.txt):
// keyboard on interface 0 (0x84/0x05), the HID POS data on interface 1 (0x82/0x07).
inline VirtualDeviceSpec honeywell_0901_composite() {
    return VirtualDeviceSpec{0x0C2E,
                             0x0901,
                             0x0200,
                             64,
                             {VirtualInterface{3, 1, 1, 65, {{0x84, 0x03, 64, 8}, {0x05, 0x03, 64, 8}}},
                              VirtualInterface{3, 0, 0, 144, {{0x82, 0x03, 64, 8}, {0x07, 0x03, 64, 1}}}}};
}

// Device, configuration, interface, HID and endpoint descriptors, as sysfs "descriptors" hex.
inline std::string descriptor_hex(const VirtualDeviceSpec& spec) {
    std::vector<uint8_t> config_body;
    for (size_t i = 0; i < spec.interfaces.size(); ++i) {
        const VirtualInterface& in = spec.interfaces[i];
        const uint8_t interface[] = {9,
                                     4,
                                     static_cast<uint8_t>(i),
                                     0,
                                     static_cast<uint8_t>(in.endpoints.size()),
                                     in.interface_class,
                                     in.subclass,
                                     in.protocol,
                                     0};
        config_body.insert(config_body.end(), std::begin(interface), std::end(interface));
        const uint8_t hid[] = {9,
                               0x21,
                               0x10,
                               0x01,
                               0,
                               1,
                               0x22,
                               static_cast<uint8_t>(in.report_descriptor_length & 0xFF),
                               static_cast<uint8_t>(in.report_descriptor_length >> 8)};
        config_body.insert(config_body.end(), std::begin(hid), std::end(hid));
        for (const VirtualEndpoint& ep : in.endpoints) {
            const uint8_t endpoint[] = {7,
                                        5,
                                        ep.address,
                                        ep.attributes,
                                        static_cast<uint8_t>(ep.max_packet & 0xFF),
                                        static_cast<uint8_t>(ep.max_packet >> 8),
                                        ep.interval};
            config_body.insert(config_body.end(), std::begin(endpoint), std::end(endpoint));
        }
    }
    auto total = static_cast<uint16_t>(9 + config_body.size());
    std::vector<uint8_t> bytes = {18,
                                  1,
                                  static_cast<uint8_t>(spec.bcd_usb & 0xFF),
                                  static_cast<uint8_t>(spec.bcd_usb >> 8),
                                  0,
                                  0,
                                  0,
                                  spec.max_packet0,
                                  static_cast<uint8_t>(spec.vid & 0xFF),
                                  static_cast<uint8_t>(spec.vid >> 8),
                                  static_cast<uint8_t>(spec.pid & 0xFF),
                                  static_cast<uint8_t>(spec.pid >> 8),
                                  0x01,
                                  0x02,
                                  0,
                                  0,
                                  0,
                                  1,
                                  9,
                                  2,
                                  static_cast<uint8_t>(total & 0xFF),
                                  static_cast<uint8_t>(total >> 8),
                                  static_cast<uint8_t>(spec.interfaces.size()),
                                  1,
                                  0,
                                  0xA0,
                                  0xFA};
    bytes.insert(bytes.end(), config_body.begin(), config_body.end());
    std::string hex;
    char pair[3];
    for (uint8_t byte : bytes) {
        std::snprintf(pair, sizeof pair, "%02x", byte);
        hex += pair;
    }
    return hex;
}

class VirtualDevice {
public:
    VirtualDevice(UMockdevTestbed* testbed, VirtualDeviceSpec spec, int devnum)
        : testbed_(testbed), spec_(std::move(spec)), devnum_(devnum) {
        char number[4];
        std::snprintf(number, sizeof number, "%03d", devnum_);
        devnode_ = std::string("/dev/bus/usb/001/") + number;
        devpath_ = "/devices/pci0000:00/0000:00:14.0/usb1/1-" + std::to_string(devnum_);
        handler_ = umockdev_ioctl_base_new();
        g_signal_connect_after(handler_, "handle-ioctl", G_CALLBACK(&VirtualDevice::on_ioctl), this);
        plug();
    }

    ~VirtualDevice() {
        {
            std::lock_guard lock(mutex_);
            for (UMockdevIoctlData* urb : flying_) umockdev_ioctl_data_unref(urb);
            for (UMockdevIoctlData* urb : discarded_) umockdev_ioctl_data_unref(urb);
            flying_.clear();
            discarded_.clear();
        }
        g_object_unref(handler_);
    }

    VirtualDevice(const VirtualDevice&) = delete;
    VirtualDevice& operator=(const VirtualDevice&) = delete;

    // Queues input reports; each goes to one interrupt-IN URB, in order.
    void send(const std::vector<std::vector<uint8_t>>& reports) {
        std::lock_guard lock(mutex_);
        for (const auto& report : reports) reports_.push_back(report);
    }

    // Waits until every queued report was read by the host (bounded).
    bool wait_sent(std::chrono::milliseconds timeout = std::chrono::milliseconds(2000)) {
        std::unique_lock lock(mutex_);
        return sent_.wait_for(lock, timeout, [this] { return reports_.empty(); });
    }

    // Unplug: the "remove" uevent first, then the device goes. As the kernel does, URBs still
    // in flight can be reaped afterwards (with -ESHUTDOWN; libusb reads NO_DEVICE), then every
    // ioctl is ENODEV. The handler stays attached to answer an open handle until plug():
    // libusb only learns of the unplug from those answers when the host is idle (a fake node
    // never signals POLLERR as a real usbfs file does).
    void unplug() {
        {
            std::lock_guard lock(mutex_);
            unplugged_ = true;
        }
        std::string syspath = "/sys" + devpath_;
        umockdev_testbed_uevent(testbed_, syspath.c_str(), "remove");
        umockdev_testbed_remove_device(testbed_, syspath.c_str());
    }

    // Plug (again): the ioctl handler is attached before the device appears, so libusb can
    // open it as soon as the "add" uevent arrives.
    void plug() {
        {
            std::lock_guard lock(mutex_);
            unplugged_ = false;
            reports_.clear();
            for (UMockdevIoctlData* urb : flying_) umockdev_ioctl_data_unref(urb);
            flying_.clear();
            for (UMockdevIoctlData* urb : discarded_) umockdev_ioctl_data_unref(urb);
            discarded_.clear();
        }
        if (attached_) umockdev_testbed_detach_ioctl(testbed_, devnode_.c_str(), nullptr);
        attached_ = true;
        GError* error = nullptr;
        if (!umockdev_testbed_attach_ioctl(testbed_, devnode_.c_str(), handler_, &error)) {
            std::string message = error ? error->message : "unknown";
            g_clear_error(&error);
            throw std::runtime_error("attach_ioctl: " + message);
        }
        std::string number = std::to_string(devnum_);
        std::string description = "P: " + devpath_ + "\n" + "N: " + devnode_.substr(5) + "\n" +
                                  "E: SUBSYSTEM=usb\nE: DEVTYPE=usb_device\nE: DRIVER=usb\n" +
                                  "E: DEVNAME=" + devnode_ +
                                  "\nE: BUSNUM=001\nE: DEVNUM=" + devnode_.substr(devnode_.size() - 3) +
                                  "\nA: busnum=1\\n\nA: devnum=" + number + "\\n\nA: bConfigurationValue=1\\n\n" +
                                  "A: speed=12\\n\nH: descriptors=" + descriptor_hex(spec_) + "\n";
        if (!umockdev_testbed_add_from_string(testbed_, description.c_str(), &error)) {
            std::string message = error ? error->message : "unknown";
            g_clear_error(&error);
            throw std::runtime_error("add_from_string: " + message);
        }
    }

    int claims() const {
        std::lock_guard lock(mutex_);
        return claims_;
    }
    int releases() const {
        std::lock_guard lock(mutex_);
        return releases_;
    }
    int discards() const {
        std::lock_guard lock(mutex_);
        return discards_;
    }
    int submits() const {
        std::lock_guard lock(mutex_);
        return submits_;
    }

private:
    static gboolean on_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer user) {
        return static_cast<VirtualDevice*>(user)->handle(client);
    }

    gboolean handle(UMockdevIoctlClient* client) {
        std::lock_guard lock(mutex_);
        gulong request = umockdev_ioctl_client_get_request(client);
        UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
        if (unplugged_) {
            if ((request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY) &&
                (!flying_.empty() || !discarded_.empty())) {
                return reap_after_unplug(client, arg);
            }
            umockdev_ioctl_client_complete(client, -1, ENODEV);
            return TRUE;
        }
        switch (request) {
            case USBDEVFS_GET_CAPABILITIES: {
                UMockdevIoctlData* caps = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), nullptr);
                guint32 value = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
                                USBDEVFS_CAP_REAP_AFTER_DISCONNECT | USBDEVFS_CAP_ZERO_PACKET;
                std::memcpy(caps->data, &value, sizeof value);
                umockdev_ioctl_data_unref(caps);
                umockdev_ioctl_client_complete(client, 0, 0);
                return TRUE;
            }
            case USBDEVFS_GETDRIVER:
            case USBDEVFS_IOCTL:
                umockdev_ioctl_client_complete(client, -1, ENODATA);  // no kernel driver bound
                return TRUE;
            case USBDEVFS_CLAIMINTERFACE:
                ++claims_;
                umockdev_ioctl_client_complete(client, 0, 0);
                return TRUE;
            case USBDEVFS_RELEASEINTERFACE:
                ++releases_;
                umockdev_ioctl_client_complete(client, 0, 0);
                return TRUE;
            case USBDEVFS_SETINTERFACE:
            case USBDEVFS_CLEAR_HALT:
            case USBDEVFS_RESET:
            case USBDEVFS_RESETEP: umockdev_ioctl_client_complete(client, 0, 0); return TRUE;
            case USBDEVFS_SUBMITURB: {
                UMockdevIoctlData* urb_data = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
                auto* urb = reinterpret_cast<usbdevfs_urb*>(urb_data->data);
                UMockdevIoctlData* buffer = umockdev_ioctl_data_resolve(
                    urb_data, offsetof(usbdevfs_urb, buffer), static_cast<gsize>(urb->buffer_length), nullptr);
                umockdev_ioctl_data_unref(buffer);  // kept alive as urb_data's child
                flying_.push_back(urb_data);
                ++submits_;
                umockdev_ioctl_client_complete(client, 0, 0);
                return TRUE;
            }
            case USBDEVFS_REAPURB:
            case USBDEVFS_REAPURBNDELAY: return reap(client, arg);
            case USBDEVFS_DISCARDURB: {
                auto address = reinterpret_cast<gulong>(*reinterpret_cast<void**>(arg->data));
                for (auto it = flying_.begin(); it != flying_.end(); ++it) {
                    if ((*it)->client_addr == address) {
                        discarded_.push_back(*it);
                        flying_.erase(it);
                        ++discards_;
                        umockdev_ioctl_client_complete(client, 0, 0);
                        return TRUE;
                    }
                }
                umockdev_ioctl_client_complete(client, -1, EINVAL);
                return TRUE;
            }
            default: return FALSE;
        }
    }

    // Hands back, in order: a discarded URB; an IN URB with the next queued report; else EAGAIN.
    gboolean reap(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
        UMockdevIoctlData* urb_data = nullptr;
        if (!discarded_.empty()) {
            urb_data = discarded_.front();
            discarded_.pop_front();
            reinterpret_cast<usbdevfs_urb*>(urb_data->data)->status = -ENOENT;
        } else if (!reports_.empty()) {
            for (auto it = flying_.begin(); it != flying_.end(); ++it) {
                auto* urb = reinterpret_cast<usbdevfs_urb*>((*it)->data);
                if (!(urb->endpoint & 0x80)) continue;
                const std::vector<uint8_t>& report = reports_.front();
                size_t length = std::min(report.size(), static_cast<size_t>(urb->buffer_length));
                std::memcpy(urb->buffer, report.data(), length);
                urb->actual_length = static_cast<int>(length);
                urb->status = 0;
                urb_data = *it;
                flying_.erase(it);
                reports_.pop_front();
                if (reports_.empty()) sent_.notify_all();
                break;
            }
        }
        if (!urb_data) {
            umockdev_ioctl_client_complete(client, -1, EAGAIN);
            return TRUE;
        }
        return hand_back(client, arg, urb_data);
    }

    // After unplug: a discarded URB (-ENOENT), else one the disconnect killed (-ESHUTDOWN).
    gboolean reap_after_unplug(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
        std::deque<UMockdevIoctlData*>& from = discarded_.empty() ? flying_ : discarded_;
        UMockdevIoctlData* urb_data = from.front();
        from.pop_front();
        auto* urb = reinterpret_cast<usbdevfs_urb*>(urb_data->data);
        urb->status = &from == &discarded_ ? -ENOENT : -ESHUTDOWN;
        urb->actual_length = 0;
        return hand_back(client, arg, urb_data);
    }

    // Completes a reap with `urb_data` (its reference passes to the client).
    static gboolean hand_back(UMockdevIoctlClient* client, UMockdevIoctlData* arg, UMockdevIoctlData* urb_data) {
        UMockdevIoctlData* pointer = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), nullptr);
        umockdev_ioctl_data_set_ptr(pointer, 0, urb_data);
        umockdev_ioctl_data_unref(pointer);
        umockdev_ioctl_data_unref(urb_data);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }

    UMockdevTestbed* testbed_;
    VirtualDeviceSpec spec_;
    int devnum_;
    std::string devnode_;
    std::string devpath_;
    UMockdevIoctlBase* handler_ = nullptr;

    mutable std::mutex mutex_;
    std::condition_variable sent_;
    std::deque<std::vector<uint8_t>> reports_;
    std::deque<UMockdevIoctlData*> flying_;
    std::deque<UMockdevIoctlData*> discarded_;
    bool unplugged_ = false;
    bool attached_ = false;  // the ioctl handler is attached to devnode_ (test thread only)
    int claims_ = 0;
    int releases_ = 0;
    int discards_ = 0;
    int submits_ = 0;
};

// One testbed per test: it must exist before libusb enumerates (before UsbContext::open).
class VirtualUsb {
public:
    VirtualUsb() : testbed_(umockdev_testbed_new()) {}
    ~VirtualUsb() {
        devices_.clear();
        g_object_unref(testbed_);
    }
    VirtualUsb(const VirtualUsb&) = delete;
    VirtualUsb& operator=(const VirtualUsb&) = delete;

    VirtualDevice& add(const VirtualDeviceSpec& spec) {
        devices_.push_back(std::make_unique<VirtualDevice>(testbed_, spec, static_cast<int>(devices_.size()) + 2));
        return *devices_.back();
    }

private:
    UMockdevTestbed* testbed_;
    std::vector<std::unique_ptr<VirtualDevice>> devices_;
};

}  // namespace pos::test
