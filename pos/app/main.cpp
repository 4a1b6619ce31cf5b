// `pos`: the checkout screen. Opens the lane's data directory, then runs the ImGui loop:
// sleep until input (or the next minute on the clock), draw, apply intents, present.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>
#include <fmt/format.h>

#include "chain/head_office_round.hpp"
#include "drivers/printer/printer_watch.hpp"
#include "drivers/usb/scanner_device.hpp"
#include "drivers/usb/usb_context.hpp"

#include "pos/actions/setup/file_modes.hpp"
#include "pos/actions/devices/customer_display.hpp"
#include "pos/actions/devices/lane_scale.hpp"
#include "pos/actions/printing/print_journal.hpp"
#include "pos/actions/printing/printing.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/head_office_adoption.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "pos/checkout/checkout.hpp"
#include "pos/app/customer_window.hpp"
#include "pos/app/glfw_input.hpp"
#include "pos/app/platform.hpp"
#include "pos/app/state_file.hpp"
#include "pos/ui/theme.hpp"

namespace {

using namespace pos;

struct Options {
    std::string data_dir = actions::default_data_dir();
    std::string language;    // empty: pos.toml's [lane] language
    std::string screenshot;  // write a PNG and exit
    int frames = 5;
    std::string input;                      // key script (tests and docs): typed before the first frame
    std::string size;                       // "1024x768"; empty: the whole screen
    std::string state_file;                 // test hook: the screen's state as JSON after each frame (state_file.hpp)
    std::string customer_screenshot;        // with [display] window = true: a PNG of the customer's window
    std::string customer_size = "800x600";  // the customer's window when there is no second monitor
};

bool parse_size(const std::string& text, int& width, int& height) {
    auto x = text.find('x');
    if (x == std::string::npos) return false;
    try {
        width = std::stoi(text.substr(0, x));
        height = std::stoi(text.substr(x + 1));
    } catch (const std::exception&) {
        return false;
    }
    return width >= 640 && height >= 480;
}

// Catalogs up to this size have their names' glyphs loaded at start (tens of milliseconds);
// a bigger catalog's would cost seconds of start-up (at a million items, reading 75 MB of
// names), so its glyphs outside the common Chinese range are added when a name is first shown
// (Checkout::sale_view, the F8 lookup): one atlas rebuild before the next frame.
constexpr int64_t preload_catalog_glyphs_up_to = 50000;

// Every string the screens can show, so its glyphs are in the atlas from the first frame.
void add_known_text(ui::FontBook& fonts, const ui::Strings& strings, actions::OpenLane& lane) {
    for (const std::string& text : strings.all_text()) fonts.add_text(text);
    fonts.add_text(lane.config.store_name);
    // Counted up to the limit only: count(*) of a million items reads a whole index.
    auto count = lane.db->count_items_up_to(preload_catalog_glyphs_up_to);
    if (count && *count > preload_catalog_glyphs_up_to) return;
    auto items = lane.db->all_items();
    if (!items) {
        std::cerr << "pos: the catalog could not be read (" << items.error().message
                  << "); item names may show as '?'\n";
        return;
    }
    for (const db::ItemRecord& item : *items) {
        fonts.add_text(item.name_zh);
        fonts.add_text(item.name_en);
        fonts.add_text(item.spec);
        fonts.add_text(item.unit);
    }
}

// "2026-11-23T09:15" of the local clock: the status bar shows minutes, so a new minute is a redraw.
std::string clock_minute() { return actions::local_now().substr(0, 16); }

double seconds_to_next_minute() {
    std::string now = actions::local_now();  // "2026-11-23T09:15:30+08:00"
    int second = now.size() >= 19 ? std::atoi(now.substr(17, 2).c_str()) : 0;
    return 60.0 - second + 0.05;
}

// What the status bar shows of the sync worker: queue depth, last acknowledged pass, failing.
ui::SyncView sync_badge(const sync::SyncSnapshot& snapshot) {
    ui::SyncView view;
    view.unsynced = snapshot.status.queue_depth;
    const std::optional<std::string>& last = snapshot.status.last_sync_at;
    if (last && last->size() >= 16) view.last_sync = last->substr(11, 5);  // "…T09:15…" -> "09:15"
    view.failing = snapshot.error.has_value();
    view.damaged = snapshot.integrity_error.has_value();
    view.kept_aside = int64_t(snapshot.status.alarms.size());
    return view;
}

// A serial device's connection on pos's log (stderr) each time it changes, with the reason it is
// away: the status bar says the same in fewer words, the log keeps when and why for the technician.
class DeviceLog {
public:
    DeviceLog(std::string name, std::string port) : name_(std::move(name)), port_(std::move(port)) {}
    void follow(bool connected, const std::string& problem) {
        if (!connected && problem == "not opened yet") return;  // the worker's first try is still to come
        std::string said = connected ? "connected" : "not connected: " + problem;
        if (said == said_) return;
        said_ = said;
        std::cerr << "pos: " << name_ << " on " << port_ << " " << said << std::endl;
    }

private:
    std::string name_;
    std::string port_;
    std::string said_;
};

int run(const Options& options) {
    auto opened = actions::open_lane(options.data_dir);
    if (!opened) {
        std::cerr << "pos: " << opened.error().message << "\n";
        return 1;
    }
    for (const std::string& warning : actions::readable_by_others(options.data_dir, opened->config))
        std::cerr << "pos: " << warning << "\n";
    actions::Lane lane(*opened->db, opened->config);
    // The outbox goes to the store on the sync worker's own thread and lane.db connection
    // (docs/design.md "Threads"): the cashier never waits on the store. Stopped when run() returns.
    // A new catalog from the store is applied between sales only: the UI thread says when.
    std::atomic<bool> ticket_open{false};
    sync::SyncWorkerOptions sync_options;
    sync_options.between_sales = [&ticket_open] { return !ticket_open.load(); };
    // A one-machine store with a head office pushes to it every 5 minutes from the sync worker (issue 22).
    const actions::LaneConfig& config = opened->config;
    if (!config.head_office_conninfo.empty() && config.store_url.empty()) {
        auto head_office = std::make_shared<chain::HeadOfficeRound>(
            actions::store_db_path(options.data_dir, config),
            chain::PushOptions{config.head_office_conninfo, config.head_office_password_file}, std::chrono::minutes(5),
            actions::head_office_adoption_recorder(config.lane),
            [](const std::string& line) { std::cerr << ("pos: " + line + "\n"); });
        sync_options.after_pass = [head_office] { head_office->run_if_due(); };
    }
    auto sync = actions::make_sync_worker(options.data_dir, opened->config, sync_options);
    // Started after the first frame (below): in a one-machine store its first act is opening
    // store.db with a whole-file check, which would compete with start-up for the disk.
    // Checkpoints run on the sync worker's thread, between its passes: a sale commit never
    // carries one (docs/performance.md). Best effort: a failure leaves SQLite's default.
    (void)opened->db->stop_automatic_checkpoints();

    std::string language = options.language.empty() ? opened->config.language : options.language;
    auto strings = ui::Strings::load(actions::assets_dir() + "/i18n", language);
    if (!strings) {
        std::cerr << "pos: " << strings.error().message << "\n";
        return 1;
    }
    auto font_path = ui::find_cjk_font();
    if (!font_path) {
        std::cerr << "pos: no Chinese font found. Install one of the Debian packages fonts-wqy-microhei or "
                     "fonts-noto-cjk:\n    sudo apt-get install fonts-wqy-microhei\n";
        return 1;
    }
    ui::InputQueue input;
    if (!options.input.empty()) {
        auto keys = ui::parse_key_script(options.input);
        if (!keys) {
            std::cerr << "pos: --input: " << keys.error().message << "\n";
            return 2;
        }
        for (const ui::InputEvent& event : *keys) input.push(event);
    }
    app::WindowRequest request{"pos - " + opened->config.store_name, 0, 0};
    if (!options.size.empty() && !parse_size(options.size, request.width, request.height)) {
        std::cerr << "pos: --size wants WIDTHxHEIGHT, at least 640x480, like 1024x768\n";
        return 2;
    }

    auto platform = app::Platform::open(request, input);
    if (!platform) {
        std::cerr << platform.error().message << "\n";
        return 1;
    }
    app::Platform& window = **platform;
    float scale = ui::scale_for(window.width(), window.height());
    ui::apply_style(scale);
    ui::FontBook fonts(*font_path, scale);
    add_known_text(fonts, *strings, *opened);
    if (auto built = fonts.build(); !built) {
        std::cerr << "pos: " << built.error().message << "\n";
        return 1;
    }

    // Payment codes (付款码), when pos.toml has [payments]: charged on the checkout's payment worker,
    // which the checkout stops and joins before the desk goes (declared first, it goes last).
    auto desk = actions::open_payment_desk(options.data_dir, opened->config);
    if (!desk) {
        std::cerr << "pos: payment codes cannot be taken: " << desk.error().message << "\n";
        return 1;
    }
    checkout::Checkout checkout(lane, *strings, fonts);
    // A worker's answer (F9 lookup, payments) wakes the idle loop.
    checkout.set_notify([] { glfwPostEmptyEvent(); });
    // Orders the last run left open are settled before anyone sells.
    checkout.set_payment_desk(desk->get());
    // The customer display ([display]) runs on its own worker thread (docs/design.md "Threads"): the
    // checkout hands it the sale once a frame and never waits; unplugged, it is retried every second
    // and shown on the status bar. A state change wakes the idle loop.
    std::unique_ptr<actions::CustomerDisplay> customer_display;
    std::optional<bool> drawn_display;
    DeviceLog display_log("customer display", opened->config.display ? opened->config.display->port : "");
    if (opened->config.display) {
        actions::DisplayLabels labels{(*strings)("display.price"), (*strings)("display.total"),
                                      (*strings)("display.paid"), (*strings)("display.change")};
        customer_display = std::make_unique<actions::CustomerDisplay>(*opened->config.display, std::move(labels),
                                                                      opened->config.store_name);
        customer_display->set_notify([] { glfwPostEmptyEvent(); });
        checkout.set_customer_display(customer_display.get());
    }
    // The checkout scale ([scale]) on its own worker thread: polled or listened to there, its newest
    // reading read once a frame while the weighing panel is up. Its connected state is on the status bar.
    std::unique_ptr<actions::LaneScale> lane_scale;
    std::optional<std::pair<bool, uint64_t>> drawn_scale;
    DeviceLog scale_log("scale", opened->config.scale ? opened->config.scale->port : "");
    if (opened->config.scale) {
        lane_scale = std::make_unique<actions::LaneScale>(*opened->config.scale);
        lane_scale->set_notify([] { glfwPostEmptyEvent(); });
        checkout.set_scale(lane_scale.get());
    }

    // The customer's window on a dual-screen till ([display] window = true): drawn after the cashier's
    // frame, only when what it shows changed. A till whose second monitor fails still sells.
    std::unique_ptr<app::CustomerWindow> customer_window;
    if (opened->config.customer_window) {
        int width = 0, height = 0;
        if (!parse_size(options.customer_size, width, height)) {
            std::cerr << "pos: --customer-size wants WIDTHxHEIGHT, at least 640x480, like 800x600\n";
            return 2;
        }
        std::vector<std::string> known{opened->config.store_name, opened->config.customer_window->idle_text};
        auto opened_window = app::CustomerWindow::open("customer - " + opened->config.store_name, *font_path, *strings,
                                                       known, width, height);
        if (!opened_window) {
            std::cerr << opened_window.error().message << "\n";
        } else {
            customer_window = std::move(*opened_window);
        }
    }

    // USB scanners listed in pos.toml are read on the USB thread (docs/design.md "Threads"); their events
    // come back through a queue drained once a frame, and wake the idle loop. The receipt
    // printer is followed on the same thread by hotplug. Declared after the window: the USB
    // thread stops before the window (and GLFW) go away.
    drivers::usb::EventQueue<drivers::usb::ScannerEvent> scanner_events;
    std::unique_ptr<drivers::usb::ScannerService> scanners;
    std::optional<drivers::printer::PrinterProfile> printer_profile;
    std::unique_ptr<drivers::printer::PrinterWatch> printer_watch;  // outlives the USB thread that calls it
    std::vector<drivers::usb::UsbListener*> listeners;
    if (!opened->config.scanners.empty()) {
        scanner_events.set_notify([] { glfwPostEmptyEvent(); });
        scanners = std::make_unique<drivers::usb::ScannerService>(
            drivers::usb::ScannerOptions{opened->config.scanners, std::chrono::milliseconds(500), {}}, scanner_events);
        listeners.push_back(scanners.get());
        checkout.set_scanner_connected(false);
    }
    if (!opened->config.printers.empty()) {
        auto profile = actions::configured_printer_profile(opened->config, actions::assets_dir() + "/printers");
        if (!profile) {
            std::cerr << "pos: " << profile.error().message << "\n";
            return 1;
        }
        printer_profile = *profile;
        printer_watch = std::make_unique<drivers::printer::PrinterWatch>(
            std::vector{actions::with_configured_printers(*profile, opened->config.printers)}, profile->paper_mm);
        listeners.push_back(printer_watch.get());
    }
    std::unique_ptr<drivers::usb::UsbContext> usb;
    if (!listeners.empty()) {
        auto context = drivers::usb::UsbContext::open();
        auto started = context ? (*context)->start(listeners) : support::Done{};
        if (!context || !started) {
            // The lane still sells: typed codes and keyboard-wedge scanners work without libusb,
            // and the printer is searched for on each retry instead.
            std::cerr << "pos: USB devices are not watched: " << (context ? started.error() : context.error()).message
                      << "\n";
        } else {
            usb = std::move(*context);
        }
    }
    std::optional<app::StateFile> state_file;
    if (!options.state_file.empty()) state_file.emplace(options.state_file);
    // The receipt printer listed in pos.toml prints on the printer worker's thread
    // (docs/design.md "Threads"): a job that cannot print waits there with its reason, polled once a frame; a status
    // change wakes the idle loop. Stopped before the USB thread and the window go.
    std::unique_ptr<actions::LanePrintJournal> print_journal;  // outlives the queue that writes to it
    std::unique_ptr<actions::PrintQueue> print_queue;
    std::unique_ptr<actions::Printing> printing;
    std::optional<actions::PrintQueueStatus> drawn_printer;
    if (printer_profile) {
        actions::PrinterOpener opener = usb ? actions::watched_printer_opener(*printer_watch)
                                            : actions::usb_printer_opener(*printer_profile, opened->config.printers);
        print_queue = std::make_unique<actions::PrintQueue>(std::move(opener), *printer_profile);
        print_queue->set_notify([] { glfwPostEmptyEvent(); });
        // Jobs still waiting when pos last stopped print first, once (lane.db print_jobs).
        auto journal = actions::LanePrintJournal::open(opened->db->path(), actions::local_now);
        auto restored = journal ? (*journal)->waiting() : core::Result<std::vector<actions::PrintJob>>(journal.error());
        if (!restored) {
            std::cerr << "pos: waiting print jobs are not kept: " << restored.error().message << "\n";
        } else {
            print_journal = std::move(*journal);
            print_queue->set_journal(print_journal.get(), std::move(*restored));
        }
        printing = std::make_unique<actions::Printing>(*opened->db, lane.config(), *print_queue);
        checkout.set_printing(printing.get());
        if (usb)
            printer_watch->set_on_change(
                [queue = print_queue.get()](bool present) { queue->printer_changed(present); });
        print_queue->start();
    }
    // Unhooks the printer watch from the queue before the queue goes (the USB thread outlives it).
    struct UnhookWatch {
        drivers::printer::PrinterWatch* watch;
        ~UnhookWatch() {
            if (watch) watch->set_on_change({});
        }
    } unhook_watch{printer_watch.get()};
    bool screenshot = !options.screenshot.empty() || !options.customer_screenshot.empty();
    if (screenshot) window.park_pointer();  // no button drawn hovered in a still image
    int frame = 0;
    int settle = 2;  // frames still to draw before sleeping: ImGui settles within two after input
    unsigned long seen_activity = app::window_activity();
    std::string drawn_minute;
    std::optional<ui::SyncView> drawn_sync;
    while (!window.should_close()) {
        bool busy = screenshot || !input.empty() || settle > 0;
        if (busy) {
            window.poll();
        } else {
            // Idle: until input, or the clock's next minute; a payment's countdown every half second.
            double idle = seconds_to_next_minute();
            window.wait(checkout.payment_running() ? std::min(idle, 0.5) : idle);
        }
        // Any event, even one that arrived while the last settling frame polled (a click's
        // release), earns two more frames; a timer wake-up only redraws a new minute.
        bool active = app::window_activity() != seen_activity;
        seen_activity = app::window_activity();
        std::vector<drivers::usb::ScannerEvent> usb_events = scanner_events.drain();
        if (!usb_events.empty()) active = true;
        ticket_open = !lane.ticket().lines().empty();
        // The sync worker does not wake the loop: its badge follows at the next input or minute.
        if (ui::SyncView badge = sync_badge(sync->snapshot()); badge != drawn_sync) {
            drawn_sync = badge;
            checkout.set_sync(badge);
            active = true;
        }
        if (checkout.answer_ready()) active = true;
        if (print_queue && print_queue->status() != drawn_printer) {
            drawn_printer = print_queue->status();
            active = true;
        }
        if (lane_scale) {
            // A new reading redraws only while the weighing panel shows it; a plug or unplug always.
            drivers::scale::ScaleStatus status = lane_scale->status();
            bool weighing = checkout.state().sale.weigh.open;
            std::pair<bool, uint64_t> seen{status.connected, weighing ? status.readings : 0};
            scale_log.follow(status.connected, status.problem);
            if (seen != drawn_scale) {
                drawn_scale = seen;
                active = true;
            }
        }
        if (customer_display) {
            drivers::display::DisplayStatus status = customer_display->status();
            display_log.follow(status.connected, status.problem);
            if (status.connected != drawn_display) {
                drawn_display = status.connected;
                active = true;
            }
        }
        if (active) {
            settle = std::max(settle, 2);
        } else if (!busy && clock_minute() == drawn_minute && !checkout.payment_running()) {
            continue;
        }
        if (fonts.rebuild_pending()) {
            if (auto built = fonts.build(); built) window.reload_fonts();
        }
        drawn_minute = clock_minute();
        for (const drivers::usb::ScannerEvent& event : usb_events) {
            if (event.type == drivers::usb::ScannerEvent::Type::scan) checkout.scanned(event.scan.text());
        }
        if (scanners) checkout.set_scanner_connected(scanners->connected_count() > 0);
        window.begin_frame();
        bool changed = checkout.frame(input);
        if (state_file) {
            app::DeviceState devices;
            if (customer_display) devices.display = customer_display->status().connected;
            if (lane_scale) devices.scale = lane_scale->status().connected;
            if (checkout.state().sale.weigh.open) devices.weighing = checkout.scale_view();
            if (customer_window) devices.customer = checkout.customer_view();
            state_file->update(
                app::state_json(checkout.state(), lane, checkout.scanner_connected(), strings->is_chinese(), devices));
        }
        window.render();
        ++frame;
        if (frame == 1) sync->start();
        settle = changed || !input.empty() ? 2 : settle - 1;
        if (screenshot && frame >= options.frames && input.empty() && settle <= 0 && !checkout.waiting()) {
            auto written =
                options.screenshot.empty() ? core::Status(core::Done{}) : window.write_png(options.screenshot);
            if (written && !options.customer_screenshot.empty()) {
                written = customer_window ? customer_window->show(checkout.customer_view(), options.customer_screenshot)
                                          : core::make_error(core::ErrorCode::bad_input,
                                                             "--customer-screenshot needs [display] window = true "
                                                             "in pos.toml (a dual-screen till)");
            }
            if (!written) {
                std::cerr << "pos: " << written.error().message << "\n";
                return 1;
            }
            return 0;
        }
        window.present();
        if (customer_window) (void)customer_window->show(checkout.customer_view());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // pos-store may close a connection while the sync still writes (a refused request): that is an
    // error the sync reports, never the end of the lane (SIGPIPE from a TLS write).
    signal(SIGPIPE, SIG_IGN);
    Options options;
    CLI::App cli{"pos: the checkout screen of the lane"};
    cli.add_option("--data", options.data_dir,
                   "data directory made by `posctl init` (default: " + options.data_dir + ")");
    cli.add_option("--lang", options.language, "zh_CN or en (default: the [lane] language in pos.toml)")
        ->check(CLI::IsMember({"zh_CN", "en"}));
    cli.add_option("--screenshot", options.screenshot, "render, write this PNG of the window, and exit");
    cli.add_option("--frames", options.frames, "frames to render before the screenshot (default 5)")
        ->check(CLI::Range(1, 100000));
    cli.add_option("--input", options.input,
                   "keys typed at start, for tests and docs: text, and {Enter} {Esc} {Delete} {F12} ... for keys");
    cli.add_option("--size", options.size, "window size WIDTHxHEIGHT (default: the whole screen)");
    cli.add_option("--state-file", options.state_file,
                   "for tests: write the screen, scanner state and ticket lines as JSON here after each frame");
    cli.add_option("--customer-screenshot", options.customer_screenshot,
                   "with [display] window = true: also write this PNG of the customer's window, and exit");
    cli.add_option("--customer-size", options.customer_size,
                   "the customer's window WIDTHxHEIGHT when there is no second monitor (default 800x600)");
    CLI11_PARSE(cli, argc, argv);
    return run(options);
}
