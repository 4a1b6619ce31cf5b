// `pos-devsim`: a customer display and a checkout scale on pseudo-terminals, for the demo lane and
// the docs' screenshots when no real device is at hand (docs/devices.md "Trying it without devices").
// Each device is a pty behind a fixed path (DIR/display, DIR/scale) that pos.toml names as its port;
// what the lane shows on the display is printed as it arrives, the scale answers the lane's 8217
// requests with the weight typed on stdin, and either can be unplugged and plugged in again.
#include <fcntl.h>
#include <iconv.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace {

// One device's end of a pseudo-terminal behind `path`. The simulator keeps the other end open
// too, so the pty never hangs up while pos closes and reopens its port.
class Pty {
public:
    explicit Pty(std::string path) : path_(std::move(path)) {}
    ~Pty() { unplug(); }
    Pty(const Pty&) = delete;
    Pty& operator=(const Pty&) = delete;

    bool plug_in() {
        if (master_ >= 0) return true;
        master_ = posix_openpt(O_RDWR | O_NOCTTY);
        if (master_ < 0 || grantpt(master_) != 0 || unlockpt(master_) != 0) return false;
        keep_ = ::open(ptsname(master_), O_RDWR | O_NOCTTY);
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
        std::filesystem::create_symlink(ptsname(master_), path_, ignored);
        return !ignored;
    }
    // The cable pulled: pos's next write or read fails and the path leads nowhere.
    void unplug() {
        if (keep_ >= 0) ::close(keep_);
        if (master_ >= 0) ::close(master_);
        keep_ = master_ = -1;
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    [[nodiscard]] int fd() const { return master_; }
    [[nodiscard]] const std::string& path() const { return path_; }
    void send(const std::string& bytes) const {
        if (master_ >= 0) (void)!::write(master_, bytes.data(), bytes.size());
    }

private:
    std::string path_;
    int master_ = -1;
    int keep_ = -1;
};

std::string from_gb2312(const std::string& bytes) {
    iconv_t convert = iconv_open("UTF-8", "GB2312");
    if (convert == reinterpret_cast<iconv_t>(-1)) return bytes;
    std::string out(bytes.size() * 2 + 4, '\0');
    char* in = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    char* to = out.data();
    size_t out_left = out.size();
    iconv(convert, &in, &in_left, &to, &out_left);
    iconv_close(convert);
    out.resize(out.size() - out_left);
    return out;
}

// "1b 73 31": the bytes as the protocol tables of docs/devices.md write them.
std::string hex(const std::string& bytes) {
    std::string out;
    for (char c : bytes) out += fmt::format("{}{:02x}", out.empty() ? "" : " ", static_cast<unsigned char>(c));
    return out;
}

// Reads the LED8 and CD5220 VFD commands (docs/devices.md "The protocols of the serial devices")
// and prints what the customer would see after each update, with the exact bytes that made it
// (since the last update: a display plugged in again shows its initialisation too).
class DisplayReader {
public:
    explicit DisplayReader(bool vfd) : vfd_(vfd) {}
    void feed(const std::string& bytes) {
        for (char c : bytes) take(static_cast<unsigned char>(c));
    }

private:
    void print(const std::string& shown) {
        std::cout << "display: " << shown << "    bytes: " << hex(raw_) << std::endl;
        raw_.clear();
    }
    void take(unsigned char c) {
        raw_.push_back(static_cast<char>(c));
        pending_.push_back(static_cast<char>(c));
        const std::string& p = pending_;
        if (p == "\x1b@" || p == "\x0c") {
            line1_.clear();
            line2_.clear();
            pending_.clear();
            return;
        }
        if (p.size() == 3 && p.starts_with("\x1bs")) {  // LED8 lamp
            int lamp = p[2] >= '0' ? p[2] - '0' : p[2];
            static const char* const lamps[] = {"(no lamp)", "单价", "合计", "收款", "找零"};
            lamp_ = lamp >= 0 && lamp <= 4 ? lamps[lamp] : "?";
            pending_.clear();
            return;
        }
        if (p.size() >= 3 && p.starts_with("\x1bQ") && c == '\r') {
            std::string text = from_gb2312(p.substr(3, p.size() - 4));
            if (!vfd_) {
                print(lamp_ + " " + text);
            } else {
                (p[2] == 'B' ? line2_ : line1_) = text;
                if (p[2] == 'B') print("[" + line1_ + "] [" + line2_ + "]");
            }
            pending_.clear();
            return;
        }
        if (p.size() > 64 || (p.size() == 1 && c != 0x1b && c != 0x0c)) pending_.clear();  // noise
    }

    bool vfd_;
    std::string raw_;  // every byte since the last update printed
    std::string pending_;
    std::string lamp_ = "(no lamp)";
    std::string line1_, line2_;
};

// A Mettler Toledo 8217 scale: 'W' gets the weight (a status frame while the pan moves), 'Z'
// zeroes, 'T' tares, 'C' clears the tare.
class ToledoScale {
public:
    std::string answer(char request) {
        switch (request) {
            case 'W': {
                if (moving) return status_frame(0x41);
                int64_t net = grams - zero - tare;
                if (net < 0) return status_frame(0x44);  // under zero
                return fmt::format("\x02{:02}.{:03}{}\r", net / 1000, net % 1000, tare ? "N" : "");
            }
            case 'Z': zero = grams - tare; return status_frame(0x40);
            case 'T': tare = grams - zero; return status_frame(0x60);
            case 'C': tare = 0; return status_frame(0x40);
            default: return {};
        }
    }
    int64_t grams = 0;
    bool moving = false;

private:
    static std::string status_frame(char status) { return std::string("\x02?") + status + "\r"; }
    int64_t zero = 0;
    int64_t tare = 0;
};

std::optional<int64_t> parse_kg(const std::string& text) {
    try {
        size_t used = 0;
        double kg = std::stod(text, &used);
        if (used != text.size() || kg < 0 || kg > 99.999) return std::nullopt;
        return static_cast<int64_t>(kg * 1000 + 0.5);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

constexpr const char* help =
    "commands: weight KG (a stable weight, e.g. weight 0.350) | moving (the pan moves) | "
    "unplug display|scale|both | plug display|scale|both | quit";

// One command typed on stdin (see `help`); false for quit.
bool run_command(const std::string& line, Pty& display, Pty& scale_port, ToledoScale& scale) {
    std::istringstream words(line);
    std::string command, what;
    words >> command >> what;
    bool on_display = what == "display" || what == "both";
    bool on_scale = what == "scale" || what == "both";
    if (command == "quit") return false;
    if (command == "weight" && parse_kg(what)) {
        scale.grams = *parse_kg(what);
        scale.moving = false;
        std::cout << "scale: " << what << " kg, stable" << std::endl;
    } else if (command == "moving") {
        scale.moving = true;
        std::cout << "scale: moving" << std::endl;
    } else if (command == "unplug" && (on_display || on_scale)) {
        if (on_display) display.unplug();
        if (on_scale) scale_port.unplug();
        std::cout << "unplugged " << what << std::endl;
    } else if (command == "plug" && (on_display || on_scale)) {
        if (on_display) (void)display.plug_in();
        if (on_scale) (void)scale_port.plug_in();
        std::cout << "plugged in " << what << std::endl;
    } else if (!command.empty()) {
        std::cout << help << std::endl;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir;
    std::string display_kind = "led8";
    std::string weight = "0";
    CLI::App cli{"pos-devsim: a customer display and an 8217 checkout scale on pseudo-terminals, for the demo"};
    cli.add_option("--dir", dir, "where the ports appear: DIR/display and DIR/scale")->required();
    cli.add_option("--display", display_kind, "led8 (default) or vfd (CD5220 commands)")
        ->check(CLI::IsMember({"led8", "vfd"}));
    cli.add_option("--weight", weight, "the scale's stable weight at start, in kg (default 0)");
    CLI11_PARSE(cli, argc, argv);
    signal(SIGPIPE, SIG_IGN);

    auto start_weight = parse_kg(weight);
    if (!start_weight) {
        std::cerr << "pos-devsim: --weight wants kilograms from 0 to 99.999, like 0.350\n";
        return 2;
    }
    std::error_code made;
    std::filesystem::create_directories(dir, made);
    Pty display(dir + "/display");
    Pty scale_port(dir + "/scale");
    if (!display.plug_in() || !scale_port.plug_in()) {
        std::cerr << "pos-devsim: no pseudo-terminal could be made in " << dir
                  << ": check the directory is writable and /dev/pts is mounted\n";
        return 1;
    }
    DisplayReader shown(display_kind == "vfd");
    ToledoScale scale;
    scale.grams = *start_weight;
    std::cout << "display (" << display_kind << ") on " << display.path() << ", scale (toledo8217) on "
              << scale_port.path() << "\n"
              << help << std::endl;

    bool stdin_open = true;
    std::string typed;  // stdin up to its next newline
    for (;;) {
        std::vector<pollfd> fds{
            {stdin_open ? 0 : -1, POLLIN, 0}, {display.fd(), POLLIN, 0}, {scale_port.fd(), POLLIN, 0}};
        if (::poll(fds.data(), fds.size(), -1) < 0) continue;
        char buffer[256];
        if (fds[1].revents & POLLIN) {
            ssize_t n = ::read(display.fd(), buffer, sizeof(buffer));
            if (n > 0) shown.feed(std::string(buffer, static_cast<size_t>(n)));
        }
        if (fds[2].revents & POLLIN) {
            ssize_t n = ::read(scale_port.fd(), buffer, sizeof(buffer));
            for (ssize_t i = 0; i < n; ++i) scale_port.send(scale.answer(buffer[i]));
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP))) continue;
        // Read from the descriptor, not std::cin: lines that arrive together (pasted, or written to
        // scripts/run's control pipe at once) would wait unseen in a stream's buffer.
        ssize_t n = ::read(0, buffer, sizeof(buffer));
        if (n <= 0) {
            stdin_open = false;  // run on, unattended, until killed
            continue;
        }
        typed.append(buffer, static_cast<size_t>(n));
        for (size_t end = typed.find('\n'); end != std::string::npos; end = typed.find('\n')) {
            std::string line = typed.substr(0, end);
            typed.erase(0, end + 1);
            if (!run_command(line, display, scale_port, scale)) return 0;
        }
    }
}
