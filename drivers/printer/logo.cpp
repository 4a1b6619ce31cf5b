// Logo loading, scaling and halftoning.
#include "drivers/printer/logo.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include <stb_image.h>

namespace pos::drivers::printer {
namespace {

GreyImage scaled_down(const GreyImage& image, int max_dots) {
    if (image.width <= max_dots) return image;
    GreyImage out;
    out.width = max_dots;
    out.height = std::max(1, static_cast<int>(static_cast<int64_t>(image.height) * max_dots / image.width));
    out.pixels.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height));
    for (int y = 0; y < out.height; ++y) {
        int y0 = static_cast<int>(static_cast<int64_t>(y) * image.height / out.height);
        int y1 = std::max(y0 + 1, static_cast<int>(static_cast<int64_t>(y + 1) * image.height / out.height));
        for (int x = 0; x < out.width; ++x) {
            int x0 = static_cast<int>(static_cast<int64_t>(x) * image.width / out.width);
            int x1 = std::max(x0 + 1, static_cast<int>(static_cast<int64_t>(x + 1) * image.width / out.width));
            int64_t sum = 0;
            for (int sy = y0; sy < y1; ++sy)
                for (int sx = x0; sx < x1; ++sx)
                    sum += image.pixels[static_cast<size_t>(sy) * static_cast<size_t>(image.width) +
                                        static_cast<size_t>(sx)];
            out.pixels[static_cast<size_t>(y) * static_cast<size_t>(out.width) + static_cast<size_t>(x)] =
                static_cast<uint8_t>(sum / ((y1 - y0) * (x1 - x0)));
        }
    }
    return out;
}

bool is_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A PBM header number, after whitespace and '#' comments.
support::Expected<int, std::string> header_number(std::span<const uint8_t> bytes, size_t& at) {
    while (at < bytes.size() && (is_space(bytes[at]) || bytes[at] == '#')) {
        if (bytes[at] == '#') {
            while (at < bytes.size() && bytes[at] != '\n') ++at;
        } else {
            ++at;
        }
    }
    if (at >= bytes.size() || !std::isdigit(bytes[at])) return std::string("PBM header is cut short or not a number");
    int64_t value = 0;
    while (at < bytes.size() && std::isdigit(bytes[at])) {
        value = value * 10 + (bytes[at++] - '0');
        if (value > 65535) return std::string("PBM size over 65535");
    }
    return static_cast<int>(value);
}

}  // namespace

Raster to_raster(const GreyImage& source, int max_dots, Halftone halftone) {
    GreyImage image = scaled_down(source, std::max(8, max_dots));
    Raster raster;
    raster.width_bytes = (image.width + 7) / 8;
    raster.height = image.height;
    raster.bits.assign(static_cast<size_t>(raster.width_bytes) * static_cast<size_t>(raster.height), 0);
    // Error diffusion works on a signed copy; two rows of error are enough.
    std::vector<int> current(static_cast<size_t>(image.width) + 2, 0), next(current.size(), 0);
    for (int y = 0; y < image.height; ++y) {
        std::fill(next.begin(), next.end(), 0);
        for (int x = 0; x < image.width; ++x) {
            int value =
                image.pixels[static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)];
            if (halftone == Halftone::floyd_steinberg) value += current[static_cast<size_t>(x) + 1] / 16;
            bool black = value < 128;
            if (black) {
                raster.bits[static_cast<size_t>(y) * static_cast<size_t>(raster.width_bytes) +
                            static_cast<size_t>(x / 8)] |= static_cast<uint8_t>(0x80 >> (x % 8));
            }
            if (halftone == Halftone::floyd_steinberg) {
                int error = value - (black ? 0 : 255);
                current[static_cast<size_t>(x) + 2] += error * 7;
                next[static_cast<size_t>(x)] += error * 3;
                next[static_cast<size_t>(x) + 1] += error * 5;
                next[static_cast<size_t>(x) + 2] += error * 1;
            }
        }
        std::swap(current, next);
    }
    return raster;
}

support::Expected<GreyImage, std::string> parse_pbm(std::span<const uint8_t> bytes) {
    if (bytes.size() < 2 || bytes[0] != 'P' || (bytes[1] != '1' && bytes[1] != '4'))
        return std::string("not a PBM file (P1 or P4)");
    bool raw = bytes[1] == '4';
    size_t at = 2;
    auto width = header_number(bytes, at);
    if (!width) return width.error();
    auto height = header_number(bytes, at);
    if (!height) return height.error();
    if (*width == 0 || *height == 0) return std::string("PBM image has no pixels");
    GreyImage image{*width, *height,
                    std::vector<uint8_t>(static_cast<size_t>(*width) * static_cast<size_t>(*height), 255)};
    if (raw) {
        ++at;  // the single whitespace after the height
        size_t row_bytes = (static_cast<size_t>(*width) + 7) / 8;
        if (at > bytes.size() || bytes.size() - at < row_bytes * static_cast<size_t>(*height))
            return std::string("PBM pixel data is cut short");
        for (int y = 0; y < *height; ++y)
            for (int x = 0; x < *width; ++x)
                if ((bytes[at + static_cast<size_t>(y) * row_bytes + static_cast<size_t>(x / 8)] >> (7 - x % 8)) & 1)
                    image.pixels[static_cast<size_t>(y) * static_cast<size_t>(*width) + static_cast<size_t>(x)] = 0;
        return image;
    }
    for (size_t i = 0; i < image.pixels.size(); ++i) {
        while (at < bytes.size() && is_space(bytes[at])) ++at;
        if (at >= bytes.size()) return std::string("PBM pixel data is cut short");
        if (bytes[at] != '0' && bytes[at] != '1') return std::string("PBM pixel is not 0 or 1");
        if (bytes[at++] == '1') image.pixels[i] = 0;
    }
    return image;
}

support::Expected<GreyImage, std::string> load_grey_image(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return "cannot open the logo " + path + ": check [receipt] logo in pos.toml";
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (bytes.size() >= 2 && bytes[0] == 'P' && (bytes[1] == '1' || bytes[1] == '4')) {
        auto image = parse_pbm(bytes);
        if (!image) return path + ": " + image.error();
        return image;
    }
    int width = 0, height = 0, channels = 0;
    // Grey plus alpha: a transparent background is paper, not ink.
    unsigned char* data =
        stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &width, &height, &channels, 2);
    if (!data) return path + ": not an image this lane can read (" + stbi_failure_reason() + "); use PNG or PBM";
    GreyImage image{width, height, std::vector<uint8_t>(static_cast<size_t>(width) * static_cast<size_t>(height))};
    for (size_t i = 0; i < image.pixels.size(); ++i) {
        int grey = data[2 * i], alpha = data[2 * i + 1];
        image.pixels[i] = static_cast<uint8_t>((grey * alpha + 255 * (255 - alpha)) / 255);
    }
    stbi_image_free(data);
    return image;
}

support::Expected<Raster, std::string> load_logo(const std::string& path, int max_dots) {
    auto image = load_grey_image(path);
    if (!image) return image.error();
    // Few grey levels (a drawn logo, a 1-bit file): a threshold keeps edges clean.
    std::vector<bool> seen(256, false);
    int levels = 0;
    for (uint8_t p : image->pixels) {
        if (!seen[p]) {
            seen[p] = true;
            ++levels;
        }
    }
    return to_raster(*image, max_dots, levels <= 4 ? Halftone::threshold : Halftone::floyd_steinberg);
}

}  // namespace pos::drivers::printer
