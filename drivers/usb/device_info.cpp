// Descriptor reading with libusb: see device_info.hpp.
#include "drivers/usb/device_info.hpp"

#include <algorithm>
#include <utility>

#include <libusb.h>

#include "drivers/usb/ieee1284.hpp"

namespace pos::drivers::usb {

UsbResult<DeviceInfo> read_device_info(libusb_device* device) {
    DeviceInfo info;
    libusb_device_descriptor descriptor{};
    if (int rc = libusb_get_device_descriptor(device, &descriptor); rc != 0) {
        return usb_error(rc, "reading a device descriptor");
    }
    info.id = VidPid{descriptor.idVendor, descriptor.idProduct};
    info.bus = libusb_get_bus_number(device);
    info.address = libusb_get_device_address(device);
    libusb_config_descriptor* config = nullptr;
    if (int rc = libusb_get_active_config_descriptor(device, &config); rc != 0) {
        return usb_error(rc, "reading the configuration of " + to_string(info.id));
    }
    for (uint8_t i = 0; i < config->bNumInterfaces; ++i) {
        const libusb_interface& interface = config->interface[i];
        if (interface.num_altsetting < 1) continue;
        const libusb_interface_descriptor& setting = interface.altsetting[0];
        InterfaceInfo out{setting.bInterfaceNumber,
                          setting.bInterfaceClass,
                          setting.bInterfaceSubClass,
                          setting.bInterfaceProtocol,
                          {}};
        for (uint8_t e = 0; e < setting.bNumEndpoints; ++e) {
            const libusb_endpoint_descriptor& endpoint = setting.endpoint[e];
            out.endpoints.push_back(
                EndpointInfo{endpoint.bEndpointAddress, endpoint.bmAttributes, endpoint.wMaxPacketSize});
        }
        info.interfaces.push_back(std::move(out));
    }
    libusb_free_config_descriptor(config);
    return info;
}

namespace {

// The state, and a printer's IEEE 1284 name when it answers (a printer held by usblp cannot be
// asked: the kernel refuses the request while its driver has the interface).
std::pair<std::string, std::string> probe(libusb_device* device, const DeviceInfo& info) {
    libusb_device_handle* handle = nullptr;
    if (int rc = libusb_open(device, &handle); rc != 0) return {usb_error(rc, "opening").message, ""};
    std::string state = "ready";
    std::string printer_id;
    for (const InterfaceInfo& interface : info.interfaces) {
        bool kernel = libusb_kernel_driver_active(handle, interface.number) == 1;
        if (kernel && state == "ready") {
            state = "kernel driver on interface " + std::to_string(interface.number) + " (detached while in use)";
        }
        if (!kernel && interface.interface_class == class_printer && printer_id.empty()) {
            if (auto id = read_device_id(handle, interface.number, 0)) printer_id = id->name();
        }
    }
    libusb_close(handle);
    return {state, printer_id};
}

bool worth_probing(const DeviceInfo& info) {
    for (const InterfaceInfo& interface : info.interfaces) {
        if (interface.interface_class == class_hid || interface.interface_class == class_printer) return true;
    }
    return false;
}

}  // namespace

UsbResult<std::vector<ListedDevice>> list_devices() {
    libusb_context* context = nullptr;
    if (int rc = libusb_init(&context); rc != 0) return usb_error(rc, "starting libusb");
    libusb_device** devices = nullptr;
    ssize_t count = libusb_get_device_list(context, &devices);
    if (count < 0) {
        libusb_exit(context);
        return usb_error(static_cast<int>(count), "listing USB devices");
    }
    std::vector<ListedDevice> out;
    for (ssize_t i = 0; i < count; ++i) {
        auto info = read_device_info(devices[i]);
        if (!info) continue;  // a device whose descriptors cannot be read is not ours
        auto [state, printer_id] =
            worth_probing(*info) ? probe(devices[i], *info) : std::pair<std::string, std::string>{};
        out.push_back(ListedDevice{std::move(*info), std::move(state), std::move(printer_id)});
    }
    libusb_free_device_list(devices, 1);
    libusb_exit(context);
    // libusb's order is the kernel's; bus and address order is stable and reads naturally.
    std::sort(out.begin(), out.end(), [](const ListedDevice& a, const ListedDevice& b) {
        return std::pair(a.info.bus, a.info.address) < std::pair(b.info.bus, b.info.address);
    });
    return out;
}

}  // namespace pos::drivers::usb
