// Receipt preview rasteriser: stb_truetype for glyphs, stb_image_write for the PNG (both
// compiled into Debian's libstb, so no STB_*_IMPLEMENTATION here), libqrencode for the QR
// symbol the printer would make from the stored data.
#include "drivers/printer/render.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <qrencode.h>
#include <stb_image_write.h>
#include <stb_truetype.h>

#include "drivers/printer/code128.hpp"
#include "drivers/printer/text.hpp"

namespace pos::drivers::printer {
namespace {

constexpr int cell_width = 12;  // font A, dots
constexpr int cell_height = 24;
constexpr int line_gap = 6;  // ESC 2 default spacing (30 dots) minus the cell
constexpr int quiet_modules = 10;
constexpr int qr_quiet_modules = 4;  // ISO/IEC 18004 §6.3.8

QRecLevel qr_level(QrEcc ecc) {
    switch (ecc) {
        case QrEcc::l: return QR_ECLEVEL_L;
        case QrEcc::m: return QR_ECLEVEL_M;
        case QrEcc::q: return QR_ECLEVEL_Q;
        case QrEcc::h: return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_L;
}

}  // namespace

std::optional<QrMatrix> qr_matrix(const std::string& data, QrEcc ecc) {
    // Mixed modes and the smallest version, as a printer chooses for the data it stored.
    QRcode* code = QRcode_encodeString(data.c_str(), 0, qr_level(ecc), QR_MODE_8, 1);
    if (code == nullptr) {
        code = QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()), 0,
                                 qr_level(ecc));
    }
    if (code == nullptr) return std::nullopt;
    QrMatrix matrix{code->width,
                    std::vector<bool>(static_cast<size_t>(code->width) * static_cast<size_t>(code->width))};
    for (size_t i = 0; i < matrix.dark.size(); ++i) matrix.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return matrix;
}

namespace {

int qr_side(const QrCode& code) {
    auto matrix = qr_matrix(code.data, code.ecc);
    int modules = matrix ? matrix->size : 21;
    return (modules + 2 * qr_quiet_modules) * code.module_dots;
}

class Font {
public:
    support::Expected<bool, std::string> load(const std::string& path) {
        std::ifstream file(path, std::ios::binary);
        if (!file) return "cannot open the receipt font " + path + " (install fonts-wqy-microhei)";
        data_.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
        const auto* bytes = reinterpret_cast<const unsigned char*>(data_.data());
        int offset = stbtt_GetFontOffsetForIndex(bytes, 0);
        if (offset < 0 || !stbtt_InitFont(&info_, bytes, offset)) return path + " is not a TrueType font";
        return true;
    }

    // Draws one character into the cell at (x, y) of `cell_w` × `cell_h` dots.
    void draw(Bitmap& bitmap, char32_t c, int x, int y, int cell_w, int cell_h, int width_times, bool bold) const {
        float scale_y = stbtt_ScaleForPixelHeight(&info_, static_cast<float>(cell_h) * 1.05f);
        float scale_x =
            scale_y * static_cast<float>(width_times) * static_cast<float>(cell_height) / static_cast<float>(cell_h);
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&info_, &ascent, &descent, &gap);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetCodepointBitmapBox(&info_, static_cast<int>(c), scale_x, scale_y, &x0, &y0, &x1, &y1);
        int w = x1 - x0, h = y1 - y0;
        if (w <= 0 || h <= 0) return;
        std::vector<unsigned char> glyph(static_cast<size_t>(w) * static_cast<size_t>(h));
        stbtt_MakeCodepointBitmap(&info_, glyph.data(), w, h, w, scale_x, scale_y, static_cast<int>(c));
        int baseline = y + static_cast<int>(static_cast<float>(ascent) * scale_y) - cell_h / 24;
        int left = x + (cell_w - w) / 2;
        for (int pass = 0; pass < (bold ? 2 : 1); ++pass) {
            for (int gy = 0; gy < h; ++gy) {
                for (int gx = 0; gx < w; ++gx) {
                    int px = left + gx + pass, py = baseline + y0 + gy;
                    if (px < 0 || py < 0 || px >= bitmap.width || py >= bitmap.height) continue;
                    uint8_t ink = glyph[static_cast<size_t>(gy) * static_cast<size_t>(w) + static_cast<size_t>(gx)];
                    auto& pixel = bitmap.pixels[static_cast<size_t>(py) * static_cast<size_t>(bitmap.width) +
                                                static_cast<size_t>(px)];
                    pixel = std::min<uint8_t>(pixel, static_cast<uint8_t>(255 - ink));
                }
            }
        }
    }

private:
    std::vector<char> data_;
    stbtt_fontinfo info_{};
};

int start_x(int width, Align align, const RenderOptions& options) {
    int room = std::max(0, options.dots - width);
    int offset = align == Align::center ? room / 2 : align == Align::right ? room : 0;
    return options.margin + offset;
}

int run_width(const TextRun& run) { return print_columns(run.text) * cell_width * run.width_times; }

struct Painter {
    Bitmap& bitmap;
    const Font& font;
    const RenderOptions& options;

    // Draws a text line with its top at y; returns its height.
    int text_line(const TextLine& line, int y) {
        int width = 0, height_times = 1;
        for (const TextRun& run : line.runs) {
            width += run_width(run);
            height_times = std::max(height_times, run.height_times);
        }
        int x = start_x(width, line.align, options);
        int line_height = cell_height * height_times;
        for (const TextRun& run : line.runs) {
            int cell_h = cell_height * run.height_times;
            for (char32_t c : code_points(run.text)) {
                int cell_w = (c < 0x80 ? cell_width : 2 * cell_width) * run.width_times;
                if (c != U' ')
                    font.draw(bitmap, c, x, y + line_height - cell_h, cell_w, cell_h, run.width_times, run.bold);
                x += cell_w;
            }
        }
        return line_height + line_gap;
    }

    int barcode(const Barcode& code, int y) {
        std::vector<int> modules = code128_modules(code.symbols);
        int total = quiet_modules * 2;
        for (int m : modules) total += m;
        int width = total * code.module_dots;
        int x = start_x(width, code.align, options) + quiet_modules * code.module_dots;
        int height = 0;
        TextLine hri{code.align, {TextRun{code.data}}};
        if (code.hri == Hri::above || code.hri == Hri::both) height += text_line(hri, y + height);
        bool bar = true;
        for (int m : modules) {
            int w = m * code.module_dots;
            if (bar) fill(x, y + height, w, code.height_dots, 0);
            x += w;
            bar = !bar;
        }
        height += code.height_dots + line_gap;
        if (code.hri == Hri::below || code.hri == Hri::both) height += text_line(hri, y + height);
        return height;
    }

    int qr(const QrCode& code, int y) {
        auto matrix = qr_matrix(code.data, code.ecc);
        int side = qr_side(code);
        if (!matrix) return side + line_gap;  // too much data: the printer prints nothing either
        int x0 = start_x(side, code.align, options) + qr_quiet_modules * code.module_dots;
        int y0 = y + qr_quiet_modules * code.module_dots;
        for (int my = 0; my < matrix->size; ++my)
            for (int mx = 0; mx < matrix->size; ++mx)
                if (matrix->at(mx, my))
                    fill(x0 + mx * code.module_dots, y0 + my * code.module_dots, code.module_dots, code.module_dots, 0);
        return side + line_gap;
    }

    int raster(const RasterImage& raster, int y) {
        int width = raster.image.width_bytes * 8 * raster.scale_x;
        int x0 = start_x(width, raster.align, options);
        for (int ry = 0; ry < raster.image.height; ++ry)
            for (int rx = 0; rx < raster.image.width_bytes * 8; ++rx)
                if (raster.image.dot(rx, ry))
                    fill(x0 + rx * raster.scale_x, y + ry * raster.scale_y, raster.scale_x, raster.scale_y, 0);
        return raster.image.height * raster.scale_y;
    }

    int cut(int y) {
        int mid = y + 12;
        for (int x = 0; x < bitmap.width; x += 12) fill(x, mid, 6, 2, 96);
        return 24;
    }

    void fill(int x, int y, int w, int h, uint8_t value) {
        for (int py = std::max(0, y); py < std::min(bitmap.height, y + h); ++py) {
            for (int px = std::max(0, x); px < std::min(bitmap.width, x + w); ++px) {
                bitmap.pixels[static_cast<size_t>(py) * static_cast<size_t>(bitmap.width) + static_cast<size_t>(px)] =
                    value;
            }
        }
    }
};

int height_of(const Element& element) {
    if (const auto* line = std::get_if<TextLine>(&element)) {
        int times = 1;
        for (const TextRun& run : line->runs) times = std::max(times, run.height_times);
        return cell_height * times + line_gap;
    }
    if (const auto* code = std::get_if<Barcode>(&element)) {
        int hri = code->hri == Hri::none ? 0 : code->hri == Hri::both ? 2 : 1;
        return code->height_dots + line_gap + hri * (cell_height + line_gap);
    }
    if (const auto* qr = std::get_if<QrCode>(&element)) return qr_side(*qr) + line_gap;
    if (const auto* raster = std::get_if<RasterImage>(&element)) return raster->image.height * raster->scale_y;
    if (std::holds_alternative<PaperCut>(element)) return 24;
    return 0;
}

}  // namespace

support::Expected<Bitmap, std::string> render(const Document& document, const RenderOptions& options) {
    Font font;
    if (auto loaded = font.load(options.font_path); !loaded) return loaded.error();
    int height = 2 * options.margin;
    for (const Element& element : document.elements) height += height_of(element);
    Bitmap bitmap{options.dots + 2 * options.margin, height, {}};
    bitmap.pixels.assign(static_cast<size_t>(bitmap.width) * static_cast<size_t>(bitmap.height), 255);
    Painter painter{bitmap, font, options};
    int y = options.margin;
    for (const Element& element : document.elements) {
        if (const auto* line = std::get_if<TextLine>(&element))
            y += painter.text_line(*line, y);
        else if (const auto* code = std::get_if<Barcode>(&element))
            y += painter.barcode(*code, y);
        else if (const auto* qr = std::get_if<QrCode>(&element))
            y += painter.qr(*qr, y);
        else if (const auto* raster = std::get_if<RasterImage>(&element))
            y += painter.raster(*raster, y);
        else if (std::holds_alternative<PaperCut>(element))
            y += painter.cut(y);
    }
    return bitmap;
}

std::vector<uint8_t> encode_png(const Bitmap& bitmap) {
    std::vector<uint8_t> out;
    auto append = [](void* context, void* data, int size) {
        auto* target = static_cast<std::vector<uint8_t>*>(context);
        const auto* bytes = static_cast<const uint8_t*>(data);
        target->insert(target->end(), bytes, bytes + size);
    };
    stbi_write_png_to_func(append, &out, bitmap.width, bitmap.height, 1, bitmap.pixels.data(), bitmap.width);
    return out;
}

}  // namespace pos::drivers::printer
