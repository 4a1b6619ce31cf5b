// ESC/POS command encoder.
#include "drivers/printer/escpos.hpp"

#include <algorithm>

#include "drivers/printer/text.hpp"

namespace pos::drivers::printer {
namespace {

uint8_t clamp_byte(int value, int low, int high) { return static_cast<uint8_t>(std::clamp(value, low, high)); }

bool all_digits(std::string_view data) {
    return !data.empty() && std::all_of(data.begin(), data.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Encoder& Encoder::initialize() {
    put({cmd::esc, '@'});
    return *this;
}

Encoder& Encoder::chinese_mode(bool on) {
    put({cmd::fs, static_cast<uint8_t>(on ? '&' : '.')});
    return *this;
}

Encoder& Encoder::code_page(uint8_t page) {
    put({cmd::esc, 't', page});
    return *this;
}

Encoder& Encoder::align(Align alignment) {
    put({cmd::esc, 'a', static_cast<uint8_t>(alignment)});
    return *this;
}

Encoder& Encoder::bold(bool on) {
    put({cmd::esc, 'E', static_cast<uint8_t>(on ? 1 : 0)});
    return *this;
}

Encoder& Encoder::size(int width_times, int height_times) {
    auto w = clamp_byte(width_times, 1, 8);
    auto h = clamp_byte(height_times, 1, 8);
    put({cmd::gs, '!', static_cast<uint8_t>(((w - 1) << 4) | (h - 1))});
    return *this;
}

Encoder& Encoder::text(std::string_view utf8) {
    std::vector<uint8_t> gb = to_gb18030(utf8);
    bytes_.insert(bytes_.end(), gb.begin(), gb.end());
    return *this;
}

Encoder& Encoder::line(std::string_view utf8) {
    text(utf8);
    put({cmd::lf});
    return *this;
}

Encoder& Encoder::feed(int lines) {
    put({cmd::esc, 'd', clamp_byte(lines, 0, 255)});
    return *this;
}

Encoder& Encoder::code128(std::string_view data, int height_dots, int module_dots, Hri hri) {
    put({cmd::gs, 'h', clamp_byte(height_dots, 1, 255)});
    put({cmd::gs, 'w', clamp_byte(module_dots, 2, 6)});
    put({cmd::gs, 'H', static_cast<uint8_t>(hri)});
    std::vector<uint8_t> payload;
    if (all_digits(data) && data.size() % 2 == 0) {
        payload = {'{', 'C'};
        for (size_t i = 0; i < data.size(); i += 2) {
            payload.push_back(static_cast<uint8_t>((data[i] - '0') * 10 + (data[i + 1] - '0')));
        }
    } else {
        payload = {'{', 'B'};
        for (char c : data) {
            if (c < 0x20 || c > 0x7E) continue;  // code set B has printable ASCII only
            payload.push_back(static_cast<uint8_t>(c));
            if (c == '{') payload.push_back('{');  // "{{" is a literal brace (GS k, function B)
        }
    }
    payload.resize(std::min<size_t>(payload.size(), 255));
    put({cmd::gs, 'k', 73, static_cast<uint8_t>(payload.size())});
    bytes_.insert(bytes_.end(), payload.begin(), payload.end());
    return *this;
}

Encoder& Encoder::qr(std::string_view data, int module_dots, QrEcc ecc) {
    constexpr uint8_t qr_code = 49;                      // cn: the QR Code function group of GS ( k
    put({cmd::gs, '(', 'k', 4, 0, qr_code, 65, 50, 0});  // fn 165: model 2
    put({cmd::gs, '(', 'k', 3, 0, qr_code, 67, clamp_byte(module_dots, 1, 16)});
    put({cmd::gs, '(', 'k', 3, 0, qr_code, 69, static_cast<uint8_t>(ecc)});
    size_t length = std::min<size_t>(data.size(), 7089);
    size_t stored = length + 3;  // pL pH count cn, fn and m too
    put({cmd::gs, '(', 'k', static_cast<uint8_t>(stored & 0xFF), static_cast<uint8_t>(stored >> 8), qr_code, 80, 48});
    bytes_.insert(bytes_.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(length));
    put({cmd::gs, '(', 'k', 3, 0, qr_code, 81, 48});
    return *this;
}

Encoder& Encoder::raster(const Raster& image) {
    auto low = [](int v) { return static_cast<uint8_t>(v & 0xFF); };
    auto high = [](int v) { return static_cast<uint8_t>((v >> 8) & 0xFF); };
    put({cmd::gs, 'v', '0', 0, low(image.width_bytes), high(image.width_bytes), low(image.height), high(image.height)});
    bytes_.insert(bytes_.end(), image.bits.begin(), image.bits.end());
    return *this;
}

Encoder& Encoder::cut(Cut kind, int feed_dots) {
    if (kind == Cut::none) return *this;
    put({cmd::gs, 'V', static_cast<uint8_t>(kind == Cut::partial ? 66 : 65), clamp_byte(feed_dots, 0, 255)});
    return *this;
}

Encoder& Encoder::drawer_kick() {
    put({cmd::esc, 'p', 0, 25, 250});
    return *this;
}

Encoder& Encoder::raw(std::span<const uint8_t> bytes) {
    bytes_.insert(bytes_.end(), bytes.begin(), bytes.end());
    return *this;
}

std::vector<uint8_t> status_request(uint8_t n) { return {cmd::dle, cmd::eot, n}; }

}  // namespace pos::drivers::printer
