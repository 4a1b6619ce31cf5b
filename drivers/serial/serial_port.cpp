// termios on /dev/tty* (and pseudo-terminals in tests): raw mode, the manual's line settings,
// poll() for every wait so each call has a time limit.
#include "drivers/serial/serial_port.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>

namespace pos::drivers::serial {
namespace {

SerialError system_error(const std::string& path, const char* doing, int error) {
    SerialErrorCode code = SerialErrorCode::io;
    std::string hint = "check the cable and the port named in pos.toml";
    switch (error) {
        case ENOENT:
        case ENODEV:
        case ENXIO:
            code = SerialErrorCode::not_found;
            hint = "is the device plugged in? `ls /dev/ttyUSB* /dev/ttyS*` lists the ports";
            break;
        case EACCES:
        case EPERM:
            code = SerialErrorCode::no_permission;
            hint = "the lane's user needs to be in the dialout group";
            break;
        case EBUSY:
            code = SerialErrorCode::busy;
            hint = "another program has the port open";
            break;
        case EIO:
        case EPIPE:
            code = SerialErrorCode::disconnected;
            hint = "the device was unplugged or switched off";
            break;
        default: break;
    }
    return SerialError{code,
                       fmt::format("serial port {}: {} failed ({}): {}", path, doing, std::strerror(error), hint)};
}

speed_t speed_of(int baud) {
    switch (baud) {
        case 1200: return B1200;
        case 2400: return B2400;
        case 4800: return B4800;
        case 9600: return B9600;
        case 19200: return B19200;
        case 38400: return B38400;
        case 57600: return B57600;
        case 115200: return B115200;
        default: return B0;
    }
}

int remaining_ms(std::chrono::steady_clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

}  // namespace

SerialResult<LineSettings> parse_line_settings(const std::string& text) {
    LineSettings settings;
    char frame[4] = {};
    int baud = 0;
    int fields = std::sscanf(text.c_str(), "%d %3s", &baud, frame);
    auto bad = [&]() {
        return SerialError{SerialErrorCode::bad_settings,
                           fmt::format("serial settings \"{}\": write the baud rate and, if not 8N1, the frame, "
                                       "e.g. \"9600 7E1\" or \"2400\"",
                                       text)};
    };
    if (fields < 1 || speed_of(baud) == B0) return bad();
    settings.baud = baud;
    if (fields == 2) {
        if (std::strlen(frame) != 3 || (frame[0] != '7' && frame[0] != '8') || (frame[2] != '1' && frame[2] != '2')) {
            return bad();
        }
        settings.data_bits = frame[0] - '0';
        settings.stop_bits = frame[2] - '0';
        switch (frame[1]) {
            case 'N': settings.parity = Parity::none; break;
            case 'E': settings.parity = Parity::even; break;
            case 'O': settings.parity = Parity::odd; break;
            default: return bad();
        }
    }
    return settings;
}

SerialResult<SerialPort> SerialPort::open(const std::string& path, const LineSettings& settings) {
    speed_t speed = speed_of(settings.baud);
    if (speed == B0 || (settings.data_bits != 7 && settings.data_bits != 8) ||
        (settings.stop_bits != 1 && settings.stop_bits != 2)) {
        return SerialError{SerialErrorCode::bad_settings,
                           fmt::format("serial port {}: {} baud, {} data bits, {} stop bits is not a setting a "
                                       "display or scale uses",
                                       path, settings.baud, settings.data_bits, settings.stop_bits)};
    }
    int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return system_error(path, "open", errno);
    // One program per device: a second open of the port (another lane, a probing tool) gets EBUSY.
    if (::ioctl(fd, TIOCEXCL) != 0) {
        int error = errno;
        ::close(fd);
        return system_error(path, "taking the port for this lane alone", error);
    }
    termios tio{};
    if (tcgetattr(fd, &tio) != 0) {
        int error = errno;
        ::close(fd);
        return system_error(path, "reading its settings", error);
    }
    cfmakeraw(&tio);
    tio.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
    tio.c_cflag |= CREAD | CLOCAL | (settings.data_bits == 7 ? CS7 : CS8);
    if (settings.parity != Parity::none) tio.c_cflag |= PARENB;
    if (settings.parity == Parity::odd) tio.c_cflag |= PARODD;
    if (settings.stop_bits == 2) tio.c_cflag |= CSTOPB;
    tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    cfsetospeed(&tio, speed);
    cfsetispeed(&tio, speed);
    if (tcsetattr(fd, TCSANOW, &tio) != 0) {
        int error = errno;
        ::close(fd);
        return system_error(path, "setting the line", error);
    }
    tcflush(fd, TCIOFLUSH);
    return SerialPort(fd, path);
}

SerialPort::SerialPort(SerialPort&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) { other.fd_ = -1; }

SerialPort& SerialPort::operator=(SerialPort&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.fd_;
        path_ = std::move(other.path_);
        other.fd_ = -1;
    }
    return *this;
}

SerialPort::~SerialPort() {
    if (fd_ >= 0) ::close(fd_);
}

SerialResult<support::Done> SerialPort::write(std::span<const uint8_t> bytes, std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t wrote = ::write(fd_, bytes.data() + sent, bytes.size() - sent);
        if (wrote > 0) {
            sent += static_cast<size_t>(wrote);
            continue;
        }
        if (wrote < 0 && errno != EAGAIN && errno != EINTR) return system_error(path_, "write", errno);
        pollfd ready{fd_, POLLOUT, 0};
        int waited = ::poll(&ready, 1, remaining_ms(deadline));
        if (waited < 0 && errno != EINTR) return system_error(path_, "waiting to write", errno);
        if (ready.revents & (POLLHUP | POLLERR)) return system_error(path_, "write", EIO);
        if (waited == 0) {
            return SerialError{SerialErrorCode::timeout,
                               fmt::format("serial port {}: the device took {} of {} bytes in {} ms and no more: is it "
                                           "switched on and set to the baud rate in pos.toml?",
                                           path_, sent, bytes.size(), limit.count())};
        }
    }
    return support::Done{};
}

SerialResult<std::vector<uint8_t>> SerialPort::read(size_t max, std::chrono::milliseconds limit) {
    pollfd ready{fd_, POLLIN, 0};
    int waited = ::poll(&ready, 1, static_cast<int>(limit.count()));
    if (waited < 0 && errno != EINTR) return system_error(path_, "waiting to read", errno);
    std::vector<uint8_t> bytes;
    if (waited <= 0) return bytes;
    if ((ready.revents & POLLIN) == 0 && (ready.revents & (POLLHUP | POLLERR))) {
        return system_error(path_, "read", EIO);
    }
    bytes.resize(max);
    ssize_t got = ::read(fd_, bytes.data(), max);
    if (got < 0) {
        if (errno != EAGAIN && errno != EINTR) return system_error(path_, "read", errno);
        got = 0;
    } else if (got == 0) {
        return system_error(path_, "read", EIO);  // ready yet nothing: the other end hung up
    }
    bytes.resize(static_cast<size_t>(got));
    return bytes;
}

void SerialPort::discard_input() { tcflush(fd_, TCIFLUSH); }

SerialResult<support::Done> SerialPort::check() const {
    pollfd line{fd_, 0, 0};  // a hang-up and an error are reported whatever is asked for
    if (::poll(&line, 1, 0) > 0 && (line.revents & (POLLHUP | POLLERR | POLLNVAL))) {
        return system_error(path_, "checking the line", EIO);
    }
    return support::Done{};
}

}  // namespace pos::drivers::serial
