// A virtual USB receipt printer on umockdev (docs/virtual-usb.md): real
// libusb opens it and talks usbdevfs to it. It keeps every bulk-OUT byte, answers DLE EOT n
// with the status byte set for n on bulk IN, answers GET_PORT_STATUS on EP0, and can be
// unplugged part-way through a job. Descriptors follow tests/fixtures/usb/*-printerclass.txt.
// The ioctl handler runs on umockdev's thread: state behind a mutex.
#pragma once

#include <linux/ioctl.h>  // before usbdevice_fs.h (docs/virtual-usb.md)
#include <linux/usbdevice_fs.h>

#include <umockdev.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace pos::test {

struct PrinterSpec {
    uint16_t vid = 0;
    uint16_t pid = 0;
    uint8_t device_class = 0;
    std::vector<std::array<uint8_t, 3>> endpoints;  // address, attributes (2 = bulk), bInterval; in descriptor order
    std::string ieee1284;  // the GET_DEVICE_ID answer without its length; empty: the request stalls
};

// tests/fixtures/usb/winbond-pos58-printerclass.txt: IN 0x81 then OUT 0x03.
inline PrinterSpec winbond_pos58() { return {0x0416, 0x5011, 0, {{0x81, 2, 0}, {0x03, 2, 0}}, {}}; }
// tests/fixtures/usb/xprinter-xpt58h-printerclass.txt: OUT 0x02 listed first, then IN 0x81.
inline PrinterSpec xprinter_xpt58h() { return {0x0483, 0x5743, 0, {{0x02, 2, 0}, {0x81, 2, 0}}, {}}; }
// tests/fixtures/usb/gprinter-zh380-printerclass.txt: IN 0x84, OUT 0x03, bulk bInterval 10.
inline PrinterSpec gprinter_zh380() { return {0x6868, 0x0500, 0, {{0x84, 2, 10}, {0x03, 2, 10}}, {}}; }
// tests/fixtures/usb/epson-tmt20-printerclass.txt: OUT 0x01, IN 0x82.
inline PrinterSpec epson_tmt20() { return {0x04B8, 0x0E03, 0, {{0x01, 2, 0}, {0x82, 2, 0}}, {}}; }
// tests/fixtures/usb/epson-tmt88v-printerclass.txt: OUT 0x01, IN 0x82, and its real 1284 device ID.
inline PrinterSpec epson_tmt88v() {
    return {0x04B8,
            0x0E02,
            0,
            {{0x01, 2, 0}, {0x82, 2, 0}},
            "MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V-JPN;CLS:PRINTER;DES:EPSON TM-T88V;CID:EpsonTM00000101;"};
}

inline std::string printer_descriptor_hex(const PrinterSpec& spec) {
    std::vector<uint8_t> body = {9, 4, 0, 0, static_cast<uint8_t>(spec.endpoints.size()), 7, 1, 2, 0};
    for (const auto& ep : spec.endpoints) body.insert(body.end(), {7, 5, ep[0], ep[1], 64, 0, ep[2]});
    auto total = static_cast<uint16_t>(9 + body.size());
    std::vector<uint8_t> bytes = {18,
                                  1,
                                  0x00,
                                  0x02,
                                  spec.device_class,
                                  0,
                                  0,
                                  64,
                                  static_cast<uint8_t>(spec.vid & 0xFF),
                                  static_cast<uint8_t>(spec.vid >> 8),
                                  static_cast<uint8_t>(spec.pid & 0xFF),
                                  static_cast<uint8_t>(spec.pid >> 8),
                                  0x00,
                                  0x02,
                                  1,
                                  2,
                                  3,
                                  1,
                                  9,
                                  2,
                                  static_cast<uint8_t>(total & 0xFF),
                                  static_cast<uint8_t>(total >> 8),
                                  1,
                                  1,
                                  0,
                                  0xC0,
                                  50};
    bytes.insert(bytes.end(), body.begin(), body.end());
    std::string hex;
    char pair[3];
    for (uint8_t byte : bytes) {
        std::snprintf(pair, sizeof pair, "%02x", byte);
        hex += pair;
    }
    return hex;
}

class VirtualPrinter {
public:
    explicit VirtualPrinter(PrinterSpec spec) : testbed_(umockdev_testbed_new()), spec_(std::move(spec)) {
        handler_ = umockdev_ioctl_base_new();
        g_signal_connect_after(handler_, "handle-ioctl", G_CALLBACK(&VirtualPrinter::on_ioctl), this);
        plug();
    }

    // Plug (again, after unplug()): the ioctl handler first, then the device and its "add"
    // uevent, so libusb can open it as soon as hotplug reports it. URBs of the old connection
    // are dropped, as the kernel does; what was received is kept for the test.
    void plug() {
        {
            std::lock_guard lock(mutex_);
            unplugged_ = false;
            unplug_after_ = 0;
            replies_.clear();
            for (auto* queue : {&completed_, &pending_in_, &discarded_}) {
                for (UMockdevIoctlData* urb : *queue) umockdev_ioctl_data_unref(urb);
                queue->clear();
            }
        }
        GError* error = nullptr;
        if (attached_) umockdev_testbed_detach_ioctl(testbed_, devnode_, nullptr);
        if (!umockdev_testbed_attach_ioctl(testbed_, devnode_, handler_, &error)) fail("attach_ioctl", error);
        attached_ = true;
        std::string description =
            std::string("P: ") + devpath_ + "\nN: bus/usb/001/002\n" +
            "E: SUBSYSTEM=usb\nE: DEVTYPE=usb_device\nE: DEVNAME=/dev/bus/usb/001/002\n" +
            "E: BUSNUM=001\nE: DEVNUM=002\nA: busnum=1\\n\nA: devnum=2\\n\n" +
            "A: bConfigurationValue=1\\n\nA: speed=12\\n\nH: descriptors=" + printer_descriptor_hex(spec_) + "\n";
        if (!umockdev_testbed_add_from_string(testbed_, description.c_str(), &error)) fail("add_from_string", error);
    }

    ~VirtualPrinter() {
        {
            std::lock_guard lock(mutex_);
            for (auto* queue : {&completed_, &pending_in_, &discarded_})
                for (UMockdevIoctlData* urb : *queue) umockdev_ioctl_data_unref(urb);
        }
        umockdev_testbed_detach_ioctl(testbed_, devnode_, nullptr);
        g_object_unref(handler_);
        g_object_unref(testbed_);
    }
    VirtualPrinter(const VirtualPrinter&) = delete;
    VirtualPrinter& operator=(const VirtualPrinter&) = delete;

    // The byte DLE EOT n is answered with (0x12: all fine). silent: DLE EOT goes unanswered.
    void set_status(uint8_t n, uint8_t reply) {
        std::lock_guard lock(mutex_);
        status_[n & 7] = reply;
    }
    void set_silent(bool silent) {
        std::lock_guard lock(mutex_);
        silent_ = silent;
    }
    void set_port_status(uint8_t value) {
        std::lock_guard lock(mutex_);
        port_status_ = value;
    }
    // Once it has received this many bytes the device stops answering (every later ioctl:
    // ENODEV); the test then calls unplug() from its own thread, as the kernel would.
    void unplug_after(size_t bytes) {
        std::lock_guard lock(mutex_);
        unplug_after_ = bytes;
    }
    bool wait_unplug_point(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        return unplug_point_.wait_for(lock, timeout, [this] { return unplugged_; });
    }
    // The "remove" uevent first, then the device goes (the note's order).
    void unplug() {
        {
            std::lock_guard lock(mutex_);
            unplugged_ = true;
        }
        std::string syspath = std::string("/sys") + devpath_;
        umockdev_testbed_uevent(testbed_, syspath.c_str(), "remove");
        umockdev_testbed_remove_device(testbed_, syspath.c_str());
    }

    std::vector<uint8_t> received() const {
        std::lock_guard lock(mutex_);
        return received_;
    }
    int set_interface_requests() const {
        std::lock_guard lock(mutex_);
        return set_interface_;
    }
    int clear_halt_requests() const {
        std::lock_guard lock(mutex_);
        return clear_halt_;
    }
    int claims() const {
        std::lock_guard lock(mutex_);
        return claims_;
    }
    int device_id_requests() const {
        std::lock_guard lock(mutex_);
        return device_id_requests_;
    }
    uint16_t device_id_index() const {
        std::lock_guard lock(mutex_);
        return device_id_index_;
    }
    std::vector<uint8_t> out_endpoints() const {
        std::lock_guard lock(mutex_);
        return out_endpoints_;
    }

private:
    static void fail(const char* what, GError* error) {
        std::string message = error ? error->message : "unknown";
        g_clear_error(&error);
        throw std::runtime_error(std::string(what) + ": " + message);
    }

    static gboolean on_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self) {
        return static_cast<VirtualPrinter*>(self)->handle(client);
    }

    static void complete(UMockdevIoctlClient* client, int result, int error) {
        umockdev_ioctl_client_complete(client, result, error);
    }

    gboolean handle(UMockdevIoctlClient* client) {
        std::lock_guard lock(mutex_);
        gulong request = umockdev_ioctl_client_get_request(client);
        UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
        if (unplugged_) {
            bool reaping = request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY;
            if (reaping && !completed_.empty()) return reap(client, arg);
            complete(client, -1, ENODEV);
            return TRUE;
        }
        switch (request) {
            case USBDEVFS_GET_CAPABILITIES: {
                UMockdevIoctlData* caps = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), nullptr);
                guint32 value = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
                                USBDEVFS_CAP_REAP_AFTER_DISCONNECT | USBDEVFS_CAP_ZERO_PACKET;
                std::memcpy(caps->data, &value, sizeof value);
                umockdev_ioctl_data_unref(caps);
                complete(client, 0, 0);
                return TRUE;
            }
            case USBDEVFS_GETDRIVER:
            case USBDEVFS_IOCTL: complete(client, -1, ENODATA); return TRUE;
            case USBDEVFS_CLAIMINTERFACE:
                ++claims_;
                complete(client, 0, 0);
                return TRUE;
            case USBDEVFS_RELEASEINTERFACE: complete(client, 0, 0); return TRUE;
            case USBDEVFS_SETINTERFACE:
                ++set_interface_;
                complete(client, 0, 0);
                return TRUE;
            case USBDEVFS_CLEAR_HALT:
                ++clear_halt_;
                complete(client, 0, 0);
                return TRUE;
            case USBDEVFS_RESET:
            case USBDEVFS_RESETEP: complete(client, 0, 0); return TRUE;
            case USBDEVFS_SUBMITURB: return submit(client, arg);
            case USBDEVFS_REAPURB:
            case USBDEVFS_REAPURBNDELAY: return reap(client, arg);
            case USBDEVFS_DISCARDURB: {
                auto address = reinterpret_cast<gulong>(*reinterpret_cast<void**>(arg->data));
                for (auto it = pending_in_.begin(); it != pending_in_.end(); ++it) {
                    if ((*it)->client_addr == address) {
                        discarded_.push_back(*it);
                        pending_in_.erase(it);
                        complete(client, 0, 0);
                        return TRUE;
                    }
                }
                complete(client, -1, EINVAL);
                return TRUE;
            }
            default: return FALSE;
        }
    }

    gboolean submit(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
        UMockdevIoctlData* urb_data = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
        auto* urb = reinterpret_cast<usbdevfs_urb*>(urb_data->data);
        UMockdevIoctlData* buffer = umockdev_ioctl_data_resolve(urb_data, offsetof(usbdevfs_urb, buffer),
                                                                static_cast<gsize>(urb->buffer_length), nullptr);
        umockdev_ioctl_data_unref(buffer);  // kept alive as urb_data's child
        auto* bytes = static_cast<uint8_t*>(urb->buffer);
        if (urb->type == USBDEVFS_URB_TYPE_CONTROL) {
            // Setup packet then data. GET_PORT_STATUS (0xA1, 1): one status byte.
            urb->actual_length = 0;
            urb->status = 0;
            if (bytes[0] == 0xA1 && bytes[1] == 1 && urb->buffer_length >= 9) {
                bytes[8] = port_status_;
                urb->actual_length = 1;
            } else if (bytes[0] == 0xA1 && bytes[1] == 0 && !spec_.ieee1284.empty()) {
                // GET_DEVICE_ID: 2-byte big-endian length counting itself, then the string,
                // cut to wLength as a real device does.
                ++device_id_requests_;
                device_id_index_ = static_cast<uint16_t>(bytes[4] | (bytes[5] << 8));
                size_t length = spec_.ieee1284.size() + 2;
                size_t room = std::min<size_t>(static_cast<size_t>(bytes[6] | (bytes[7] << 8)),
                                               static_cast<size_t>(urb->buffer_length) - 8);
                std::vector<uint8_t> reply = {static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length & 0xFF)};
                reply.insert(reply.end(), spec_.ieee1284.begin(), spec_.ieee1284.end());
                reply.resize(std::min(reply.size(), room));
                std::memcpy(bytes + 8, reply.data(), reply.size());
                urb->actual_length = static_cast<int>(reply.size());
            } else {
                urb->status = -EPIPE;  // anything else stalls
            }
            completed_.push_back(urb_data);
        } else if (urb->endpoint & 0x80) {
            pending_in_.push_back(urb_data);
        } else {
            out_endpoints_.push_back(urb->endpoint);
            size_t length = static_cast<size_t>(urb->buffer_length);
            if (unplug_after_ && received_.size() + length >= unplug_after_) {
                // As the kernel does on disconnect: the URB is given back with -ESHUTDOWN and
                // what was sent so far; it can still be reaped (CAP_REAP_AFTER_DISCONNECT),
                // every other ioctl is ENODEV.
                size_t accepted = unplug_after_ - received_.size();
                received_.insert(received_.end(), bytes, bytes + accepted);
                urb->actual_length = static_cast<int>(accepted);
                urb->status = -ESHUTDOWN;
                completed_.push_back(urb_data);
                unplugged_ = true;
                unplug_point_.notify_all();
                complete(client, 0, 0);
                return TRUE;
            }
            received_.insert(received_.end(), bytes, bytes + length);
            for (size_t i = 0; i + 2 < length; ++i) {
                if (bytes[i] == 0x10 && bytes[i + 1] == 0x04 && !silent_) replies_.push_back(status_[bytes[i + 2] & 7]);
            }
            urb->actual_length = urb->buffer_length;
            urb->status = 0;
            completed_.push_back(urb_data);
        }
        complete(client, 0, 0);
        return TRUE;
    }

    gboolean reap(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
        UMockdevIoctlData* urb_data = nullptr;
        if (!discarded_.empty()) {
            urb_data = discarded_.front();
            discarded_.pop_front();
            reinterpret_cast<usbdevfs_urb*>(urb_data->data)->status = -ENOENT;
        } else if (!completed_.empty()) {
            urb_data = completed_.front();
            completed_.pop_front();
        } else if (!replies_.empty() && !pending_in_.empty()) {
            urb_data = pending_in_.front();
            pending_in_.pop_front();
            auto* urb = reinterpret_cast<usbdevfs_urb*>(urb_data->data);
            static_cast<uint8_t*>(urb->buffer)[0] = replies_.front();
            replies_.pop_front();
            urb->actual_length = 1;
            urb->status = 0;
        }
        if (!urb_data) {
            complete(client, -1, EAGAIN);
            return TRUE;
        }
        UMockdevIoctlData* pointer = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), nullptr);
        umockdev_ioctl_data_set_ptr(pointer, 0, urb_data);
        umockdev_ioctl_data_unref(pointer);
        umockdev_ioctl_data_unref(urb_data);
        complete(client, 0, 0);
        return TRUE;
    }

    UMockdevTestbed* testbed_;
    PrinterSpec spec_;
    UMockdevIoctlBase* handler_ = nullptr;
    bool attached_ = false;
    const char* devnode_ = "/dev/bus/usb/001/002";
    const char* devpath_ = "/devices/pci0000:00/0000:00:14.0/usb1/1-1";

    mutable std::mutex mutex_;
    std::condition_variable unplug_point_;
    std::deque<UMockdevIoctlData*> completed_, pending_in_, discarded_;
    std::deque<uint8_t> replies_;
    std::array<uint8_t, 8> status_{0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12};
    uint8_t port_status_ = 0x18;  // selected, no error
    bool silent_ = false;
    bool unplugged_ = false;
    size_t unplug_after_ = 0;
    std::vector<uint8_t> received_;
    std::vector<uint8_t> out_endpoints_;
    int set_interface_ = 0, clear_halt_ = 0, claims_ = 0, device_id_requests_ = 0;
    uint16_t device_id_index_ = 0xFFFF;
};

}  // namespace pos::test
