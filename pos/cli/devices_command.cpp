// posctl devices list|watch: the USB scanners and printers this lane can see, the serial customer
// display and scale pos.toml names, and scans as they arrive, for a technician setting up a lane
// (docs/devices.md).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "drivers/scanner/barcode.hpp"
#include "drivers/usb/device_info.hpp"
#include "drivers/usb/scanner_device.hpp"
#include "drivers/usb/usb_context.hpp"
#include "pos/actions/setup/config.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

namespace usb = drivers::usb;

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted = true; }

// pos.toml's scanner list (when the data directory has one) plus the --scanner options.
struct ScannerList {
    std::vector<usb::VidPid> ids;
    actions::LaneConfig config;
};

core::Result<ScannerList> scanner_list(const std::string& data_dir, const std::vector<std::string>& extra) {
    auto config = actions::load_config(data_dir);
    if (!config) return config.error();
    ScannerList list{config->scanners, *config};
    for (const std::string& text : extra) {
        auto id = usb::parse_vid_pid(text);
        if (!id)
            return core::make_error(core::ErrorCode::bad_input,
                                    "--scanner " + text + ": expected VID:PID like 0c2e:0967");
        list.ids.push_back(*id);
    }
    return list;
}

bool listed(const std::vector<usb::VidPid>& ids, usb::VidPid id) {
    for (const usb::VidPid& listed_id : ids) {
        if (listed_id == id) return true;
    }
    return false;
}

// Whether a configured serial port is there: its path leads to a character device. Not opened:
// pos may hold it (ports are opened exclusively), and a display would show what was sent.
std::string port_state(const std::string& port) {
    std::error_code error;
    auto status = std::filesystem::status(port, error);
    if (!std::filesystem::exists(status)) {
        return "not found: check the cable or adapter, and the port in pos.toml (ls /dev/ttyUSB* /dev/serial/by-id)";
    }
    if (!std::filesystem::is_character_file(status)) return "not a serial port: check the port in pos.toml";
    return "present";
}

std::string line_text(const drivers::serial::LineSettings& line) {
    char parity = line.parity == drivers::serial::Parity::none   ? 'N'
                  : line.parity == drivers::serial::Parity::even ? 'E'
                                                                 : 'O';
    return fmt::format("{} {}{}{}", line.baud, line.data_bits, parity, line.stop_bits);
}

// The [display] and [scale] of pos.toml, when it has them, under the USB table. The port column is
// as wide as the longest port, so a /dev/serial/by-id/... name keeps the states in one column.
void list_serial_devices(const actions::LaneConfig& config) {
    if (!config.display && !config.scale) return;
    size_t port_width = 28;
    if (config.display) port_width = std::max(port_width, config.display->port.size());
    if (config.scale) port_width = std::max(port_width, config.scale->port.size());
    auto row = [port_width](std::string_view device, const std::string& kind, std::string_view port,
                            const std::string& state) {
        std::cout << fmt::format("{:<8} {:<24} {:<{}} {}\n", device, kind, port, port_width, state);
    };
    std::cout << "\n";
    row("DEVICE", "KIND", "PORT", "STATE");
    if (const auto& display = config.display) {
        std::string kind = fmt::format("{} {}", display->model == drivers::display::DisplayModel::led8 ? "led8" : "vfd",
                                       line_text(display->line));
        row("display", kind, display->port, port_state(display->port));
    }
    if (const auto& scale = config.scale) {
        std::string kind = fmt::format(
            "{} {}", scale->protocol == drivers::scale::ScaleProtocol::toledo8217 ? "toledo8217" : "continuous",
            line_text(scale->line));
        row("scale", kind, scale->port, port_state(scale->port));
    }
}

int list_devices(const ScannerList& scanners) {
    auto devices = usb::list_devices();
    if (!devices) {
        std::cerr << "posctl: " << devices.error().message << "\n";
        list_serial_devices(scanners.config);  // the serial devices need no libusb
        return exit_failure;
    }
    std::cout << fmt::format("{:<10} {:<19} {:<10} {}\n", "VID:PID", "KIND", "INTERFACE", "STATE");
    std::vector<usb::VidPid> seen;
    for (const usb::ListedDevice& device : *devices) {
        bool is_listed = listed(scanners.ids, device.info.id);
        auto match = usb::match_scanner(device.info, scanners.ids);
        for (const usb::InterfaceInfo& interface : device.info.interfaces) {
            usb::DeviceKind kind = usb::classify(interface, is_listed);
            if (kind == usb::DeviceKind::other) continue;
            bool read_here = match && match->interface == interface.number;
            if (is_listed && !read_here && kind != usb::DeviceKind::printer) continue;  // the scanner's other interface
            std::string state = device.state;
            if (kind == usb::DeviceKind::keyboard)
                state += state.empty() ? "not in [devices] scanners" : "; not in [devices] scanners";
            if (kind == usb::DeviceKind::printer && !device.printer_id.empty()) state += "; " + device.printer_id;
            std::cout << fmt::format("{:<10} {:<19} {:<10} {}\n", usb::to_string(device.info.id), usb::kind_name(kind),
                                     interface.number, state);
        }
        if (is_listed) seen.push_back(device.info.id);
    }
    for (const usb::VidPid& id : scanners.ids) {
        if (!listed(seen, id))
            std::cout << fmt::format("{:<10} {:<19} {:<10} {}\n", usb::to_string(id), "scanner", "-", "not plugged in");
    }
    list_serial_devices(scanners.config);
    return exit_ok;
}

int watch_devices(const ScannerList& scanners, int seconds) {
    if (scanners.ids.empty()) {
        std::cerr << "posctl: no scanner to watch: list it in pos.toml [devices] scanners, or pass --scanner VID:PID "
                     "(posctl devices list shows them)\n";
        return exit_bad_input;
    }
    usb::EventQueue<usb::ScannerEvent> events;
    usb::ScannerOptions options;
    options.scanners = scanners.ids;
    options.log = [](const std::string&) {};  // everything worth saying arrives as an event
    usb::ScannerService service(options, events);
    auto context = usb::UsbContext::open();
    if (!context) {
        std::cerr << "posctl: " << context.error().message << "\n";
        return exit_failure;
    }
    if (auto started = (*context)->start({&service}); !started) {
        std::cerr << "posctl: " << started.error().message << "\n";
        return exit_failure;
    }
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    std::cout << "watching; scan a code (Ctrl+C to stop)" << std::endl;
    auto deadline = seconds > 0 ? std::chrono::steady_clock::now() + std::chrono::seconds(seconds)
                                : std::chrono::steady_clock::time_point::max();
    auto print = [&scanners](const usb::ScannerEvent& event) {
        switch (event.type) {
            case usb::ScannerEvent::Type::connected:
                std::cout << fmt::format("connected     {} {}", event.device, event.message) << std::endl;
                break;
            case usb::ScannerEvent::Type::disconnected:
                std::cout << fmt::format("disconnected  {}: {}", event.device, event.message) << std::endl;
                break;
            case usb::ScannerEvent::Type::problem:
                std::cout << fmt::format("problem       {}", event.message) << std::endl;
                break;
            case usb::ScannerEvent::Type::scan: {
                auto parsed = drivers::scanner::parse_barcode(event.scan.text(), scanners.config.nomenclature);
                std::string reading = parsed.valid ? fmt::format("{} {}", parsed.symbology,
                                                                 parsed.gtin.empty() ? parsed.plu : parsed.gtin)
                                                   : "not a code the lane accepts: " + parsed.message;
                std::cout << fmt::format("scan          {}{} -> {}", event.scan.aim.empty() ? "" : event.scan.aim + " ",
                                         event.scan.data, reading)
                          << std::endl;
                break;
            }
        }
    };
    while (!interrupted && std::chrono::steady_clock::now() < deadline) {
        if (auto event = events.wait_pop(std::chrono::milliseconds(100))) print(*event);
    }
    (*context)->stop();
    for (const usb::ScannerEvent& event : events.drain()) print(event);  // the scanners being let go
    return exit_ok;
}

}  // namespace

void register_devices(CLI::App& app, Command& command) {
    auto* devices =
        app.add_subcommand("devices", "USB barcode scanners and receipt printers; the serial display and scale");
    devices->require_subcommand(1);
    auto extra = std::make_shared<std::vector<std::string>>();
    auto seconds = std::make_shared<int>(0);

    auto* list = devices->add_subcommand("list",
                                         "each scanner, keyboard and printer found: VID:PID, kind, interface, state; "
                                         "the [display] and [scale] of pos.toml and whether their port is there");
    list->add_option("--scanner", *extra, "treat this VID:PID as a scanner too (try it before adding it to pos.toml)");
    list->callback([&command, extra] {
        command = [extra](const std::string& data_dir) {
            auto scanners = scanner_list(data_dir, *extra);
            if (!scanners) return report(scanners.error());
            return list_devices(*scanners);
        };
    });

    auto* watch = devices->add_subcommand("watch", "print scans, plugs and unplugs as they happen (Ctrl+C stops)");
    watch->add_option("--scanner", *extra, "watch this VID:PID too (try it before adding it to pos.toml)");
    watch->add_option("--seconds", *seconds, "stop after this many seconds (default: until Ctrl+C)")
        ->check(CLI::Range(1, 86400));
    watch->callback([&command, extra, seconds] {
        command = [extra, seconds](const std::string& data_dir) {
            auto scanners = scanner_list(data_dir, *extra);
            if (!scanners) return report(scanners.error());
            return watch_devices(*scanners, *seconds);
        };
    });
}

}  // namespace pos::cli
