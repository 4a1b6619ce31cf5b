// libusb printer-class transport; every libusb code goes through usb::usb_error (one switch).
#include "drivers/printer/usb_transport.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <libusb.h>

namespace pos::drivers::printer {
namespace {

constexpr uint8_t printer_class = 7;
constexpr uint8_t get_port_status = 1;        // USB Printer Class 1.1 §4.2.2
constexpr uint8_t class_interface_in = 0xA1;  // device-to-host, class, interface

struct Endpoints {
    int interface = -1;
    uint8_t alt = 0;
    uint8_t out = 0;
    uint8_t in = 0;
};

Endpoints find_printer_interface(libusb_device* device) {
    Endpoints found;
    libusb_config_descriptor* config = nullptr;
    if (libusb_get_active_config_descriptor(device, &config) != 0) return found;
    for (int i = 0; i < config->bNumInterfaces && found.interface < 0; ++i) {
        const libusb_interface& interface = config->interface[i];
        for (int a = 0; a < interface.num_altsetting && found.interface < 0; ++a) {
            const libusb_interface_descriptor& alt = interface.altsetting[a];
            if (alt.bInterfaceClass != printer_class) continue;
            Endpoints candidate{alt.bInterfaceNumber, alt.bAlternateSetting, 0, 0};
            for (int e = 0; e < alt.bNumEndpoints; ++e) {
                const libusb_endpoint_descriptor& ep = alt.endpoint[e];
                if ((ep.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK) continue;
                if (ep.bEndpointAddress & LIBUSB_ENDPOINT_IN) {
                    if (candidate.in == 0) candidate.in = ep.bEndpointAddress;
                } else if (candidate.out == 0) {
                    candidate.out = ep.bEndpointAddress;
                }
            }
            if (candidate.out != 0) found = candidate;
        }
    }
    libusb_free_config_descriptor(config);
    return found;
}

}  // namespace

bool UsbTransport::is_printer(libusb_device* device) { return find_printer_interface(device).interface >= 0; }

UsbResult<std::unique_ptr<UsbTransport>> UsbTransport::open_device(libusb_device* device,
                                                                   const std::vector<PrinterProfile>& profiles,
                                                                   int paper_mm) {
    Endpoints endpoints = find_printer_interface(device);
    libusb_device_descriptor descriptor{};
    libusb_get_device_descriptor(device, &descriptor);
    std::string name = fmt::format("printer {:04x}:{:04x}", descriptor.idVendor, descriptor.idProduct);
    if (endpoints.interface < 0)
        return UsbError{UsbErrorCode::not_found, name + " has no printer-class interface with a bulk OUT endpoint"};
    libusb_device_handle* handle = nullptr;
    if (int rc = libusb_open(device, &handle); rc != 0) return usb::usb_error(rc, "opening " + name);
    libusb_set_auto_detach_kernel_driver(handle, 1);  // usblp, when bound
    if (int rc = libusb_claim_interface(handle, endpoints.interface); rc != 0) {
        libusb_close(handle);
        return usb::usb_error(rc, "claiming " + name);
    }
    std::unique_ptr<UsbTransport> transport(new UsbTransport());
    transport->handle_ = handle;
    transport->interface_ = endpoints.interface;
    transport->alt_setting_ = endpoints.alt;
    transport->out_endpoint_ = endpoints.out;
    transport->in_endpoint_ = endpoints.in;
    transport->id_ = {descriptor.idVendor, descriptor.idProduct};
    transport->profile_ = match_profile(profiles, transport->id_, paper_mm);
    // Who it says it is, for the status line and the log; a printer may not answer.
    if (auto id = transport->read_device_id()) transport->device_id_ = std::move(*id);
    return transport;
}

UsbResult<std::unique_ptr<UsbTransport>> UsbTransport::open_first(const std::vector<PrinterProfile>& profiles,
                                                                  int paper_mm) {
    libusb_context* context = nullptr;
    if (int rc = libusb_init(&context); rc != 0) return usb::usb_error(rc, "starting libusb");
    libusb_device** list = nullptr;
    ssize_t count = libusb_get_device_list(context, &list);
    if (count < 0) {
        libusb_exit(context);
        return usb::usb_error(static_cast<int>(count), "listing USB devices");
    }
    // Devices named by a profile first, then any printer-class device.
    std::vector<libusb_device*> candidates;
    for (ssize_t i = 0; i < count; ++i) {
        if (is_printer(list[i])) candidates.push_back(list[i]);
    }
    std::stable_sort(candidates.begin(), candidates.end(), [&](libusb_device* a, libusb_device* b) {
        auto known = [&](libusb_device* device) {
            libusb_device_descriptor d{};
            libusb_get_device_descriptor(device, &d);
            return match_profile(profiles, {d.idVendor, d.idProduct}, paper_mm).usb.empty() ? 1 : 0;
        };
        return known(a) < known(b);
    });
    std::optional<UsbError> last_error;
    std::unique_ptr<UsbTransport> opened;
    for (libusb_device* device : candidates) {
        auto transport = open_device(device, profiles, paper_mm);
        if (!transport) {
            last_error = transport.error();
            continue;
        }
        opened = std::move(*transport);
        break;
    }
    libusb_free_device_list(list, 1);
    if (!opened) {
        libusb_exit(context);
        if (last_error) return *last_error;
        return UsbError{UsbErrorCode::not_found,
                        "no USB receipt printer found; check the cable and the printer's power"};
    }
    opened->context_ = context;  // closed with the transport
    return opened;
}

UsbTransport::~UsbTransport() {
    if (handle_ != nullptr) {
        libusb_release_interface(handle_, interface_);
        libusb_close(handle_);
    }
    if (context_ != nullptr) libusb_exit(context_);
}

UsbResult<support::Done> UsbTransport::write(std::span<const uint8_t> bytes) {
    size_t chunk = std::max<size_t>(profile_.chunk_bytes, 64);
    for (size_t sent = 0; sent < bytes.size();) {
        size_t length = std::min(chunk, bytes.size() - sent);
        int transferred = 0;
        int rc =
            libusb_bulk_transfer(handle_, out_endpoint_, const_cast<uint8_t*>(bytes.data() + sent),
                                 static_cast<int>(length), &transferred, static_cast<unsigned>(write_timeout_.count()));
        sent += static_cast<size_t>(transferred);
        if (rc != 0)
            return usb::usb_error(rc, fmt::format("sending to the printer ({} of {} bytes sent)", sent, bytes.size()));
    }
    return support::Done{};
}

UsbResult<std::vector<uint8_t>> UsbTransport::read(size_t max, std::chrono::milliseconds timeout) {
    if (in_endpoint_ == 0)
        return UsbError{UsbErrorCode::not_supported, "this printer cannot report its status (no IN endpoint)"};
    // A bulk IN read must take whole packets: read into a packet-sized buffer.
    std::vector<uint8_t> buffer(std::max<size_t>(max, 64));
    int transferred = 0;
    int rc = libusb_bulk_transfer(handle_, in_endpoint_, buffer.data(), static_cast<int>(buffer.size()), &transferred,
                                  static_cast<unsigned>(timeout.count()));
    if (rc != 0) return usb::usb_error(rc, "reading the printer's status");
    buffer.resize(std::min(static_cast<size_t>(transferred), max));
    return buffer;
}

UsbResult<usb::Ieee1284Id> UsbTransport::read_device_id() {
    return usb::read_device_id(handle_, static_cast<uint8_t>(interface_), alt_setting_);
}

UsbResult<std::optional<uint8_t>> UsbTransport::port_status() {
    uint8_t status = 0;
    int rc = libusb_control_transfer(handle_, class_interface_in, get_port_status, 0, static_cast<uint16_t>(interface_),
                                     &status, 1, 1000);
    if (rc < 0) return usb::usb_error(rc, "asking the printer's port status");
    if (rc == 0) return std::optional<uint8_t>{};
    return std::optional<uint8_t>{status};
}

}  // namespace pos::drivers::printer
