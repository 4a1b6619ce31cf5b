// ESC/POS interpreter: one pass over the bytes with the printer's mode state.
#include "drivers/printer/interpreter.hpp"

#include <fmt/format.h>

#include "drivers/printer/code128.hpp"
#include "drivers/printer/text.hpp"

namespace pos::drivers::printer {
namespace {

class Reader {
public:
    explicit Reader(std::span<const uint8_t> bytes) : bytes_(bytes) {}
    [[nodiscard]] bool has(size_t n) const { return pos_ + n <= bytes_.size(); }
    [[nodiscard]] bool done() const { return pos_ >= bytes_.size(); }
    [[nodiscard]] size_t offset() const { return pos_; }
    uint8_t next() { return bytes_[pos_++]; }
    [[nodiscard]] uint8_t peek(size_t ahead = 0) const { return bytes_[pos_ + ahead]; }
    std::span<const uint8_t> take(size_t n) {
        auto out = bytes_.subspan(pos_, n);
        pos_ += n;
        return out;
    }

private:
    std::span<const uint8_t> bytes_;
    size_t pos_ = 0;
};

struct Modes {
    Align align = Align::left;
    bool bold = false;
    int width_times = 1;
    int height_times = 1;
    bool chinese = false;
    int barcode_height = 162;
    int barcode_module = 3;
    Hri hri = Hri::none;
    int qr_module = 3;
    QrEcc qr_ecc = QrEcc::l;
};

class Interpreter {
public:
    support::Expected<Document, InterpretError> run(std::span<const uint8_t> bytes) {
        Reader in(bytes);
        while (!in.done()) {
            size_t start = in.offset();
            uint8_t byte = in.next();
            std::string problem;
            if (byte == cmd::lf) {
                end_line();
            } else if (byte == cmd::esc) {
                problem = esc(in);
            } else if (byte == cmd::gs) {
                problem = gs(in);
            } else if (byte == cmd::fs) {
                problem = fs(in);
            } else if (byte == cmd::dle) {
                // DLE EOT n / DLE ENQ n: real-time requests, nothing printed.
                if (!in.has(2))
                    problem = "DLE command truncated";
                else if (in.peek() != cmd::eot && in.peek() != 0x05)
                    problem = fmt::format("unknown command DLE 0x{:02X}", in.peek());
                else
                    in.take(2);
            } else if (byte == '\r') {
                // CR is ignored by USB printers when LF follows (auto line feed off).
            } else if (byte < 0x20) {
                problem = fmt::format("unexpected control byte 0x{:02X}", byte);
            } else {
                problem = text(in, byte);
            }
            if (!problem.empty()) return InterpretError{start, problem};
        }
        if (!pending_.empty()) end_line();
        return std::move(document_);
    }

private:
    std::string esc(Reader& in) {
        if (!in.has(1)) return "ESC truncated";
        uint8_t c = in.next();
        auto arg = [&](size_t n) { return in.has(n); };
        switch (c) {
            case '@': modes_ = Modes{}; return {};
            case 'a':
                if (!arg(1)) break;
                flush_run();
                modes_.align = static_cast<Align>(in.next() % 3);
                return {};
            case 'E':
                if (!arg(1)) break;
                flush_run();
                modes_.bold = in.next() & 1;
                return {};
            case '!': {
                if (!arg(1)) break;
                flush_run();
                uint8_t n = in.next();
                modes_.bold = n & 0x08;
                modes_.height_times = (n & 0x10) ? 2 : 1;
                modes_.width_times = (n & 0x20) ? 2 : 1;
                return {};
            }
            case 'd': {
                if (!arg(1)) break;
                end_line_if_pending();
                for (uint8_t n = in.next(); n > 0; --n) document_.elements.emplace_back(TextLine{modes_.align, {}});
                return {};
            }
            case 'p': {
                if (!arg(3)) break;
                uint8_t m = in.next(), t1 = in.next(), t2 = in.next();
                document_.elements.emplace_back(DrawerKick{(m & 1) ? 5 : 2, t1 * 2, t2 * 2});
                ++document_.drawer_kicks;
                return {};
            }
            case 't':
            case '-':
            case '3':
            case 'M':
            case 'G':
            case 'R':
            case '{':
            case 'J':
                if (!arg(1)) break;
                in.next();
                return {};
            case '2': return {};
            default: return fmt::format("unknown command ESC 0x{:02X}", c);
        }
        return fmt::format("ESC 0x{:02X} truncated", c);
    }

    std::string gs(Reader& in) {
        if (!in.has(1)) return "GS truncated";
        uint8_t c = in.next();
        switch (c) {
            case '!': {
                if (!in.has(1)) break;
                flush_run();
                uint8_t n = in.next();
                modes_.width_times = ((n >> 4) & 0x07) + 1;
                modes_.height_times = (n & 0x07) + 1;
                return {};
            }
            case 'h':
                if (!in.has(1)) break;
                modes_.barcode_height = in.next();
                return {};
            case 'w':
                if (!in.has(1)) break;
                modes_.barcode_module = in.next();
                return {};
            case 'H':
                if (!in.has(1)) break;
                modes_.hri = static_cast<Hri>(in.next() & 3);
                return {};
            case 'f':
            case 'a':
            case 'B':
                if (!in.has(1)) break;
                in.next();
                return {};
            case 'k': {
                if (!in.has(2)) break;
                uint8_t m = in.next();
                if (m != 73) return fmt::format("GS k barcode type {} is not used by this project", m);
                size_t n = in.next();
                if (!in.has(n)) return "GS k CODE128 data truncated";
                auto decoded = decode_code128_payload(in.take(n));
                if (!decoded) return "GS k CODE128 data has no valid code set";
                end_line_if_pending();
                document_.elements.emplace_back(Barcode{decoded->text, decoded->symbols, modes_.barcode_height,
                                                        modes_.barcode_module, modes_.hri, modes_.align});
                return {};
            }
            case 'V': {
                if (!in.has(1)) break;
                uint8_t m = in.next();
                if (m == 65 || m == 66) {
                    if (!in.has(1)) break;
                    in.next();
                } else if (m != 0 && m != 1 && m != 48 && m != 49) {
                    return fmt::format("GS V mode {} is unknown", m);
                }
                end_line_if_pending();
                document_.elements.emplace_back(PaperCut{(m == 0 || m == 48 || m == 65) ? Cut::full : Cut::partial});
                ++document_.cuts;
                return {};
            }
            case 'v': {  // GS v 0 m xL xH yL yH data: raster image (the logo)
                if (!in.has(6)) break;
                if (in.next() != '0') return "GS v: only GS v 0 (raster image) is used";
                uint8_t m = in.next();
                int width = in.next();
                width |= in.next() << 8;
                int height = in.next();
                height |= in.next() << 8;
                size_t size = static_cast<size_t>(width) * static_cast<size_t>(height);
                if (!in.has(size)) return "GS v 0 raster data truncated";
                auto data = in.take(size);
                end_line_if_pending();
                RasterImage image{Raster{width, height, {data.begin(), data.end()}}, (m & 1) ? 2 : 1, (m & 2) ? 2 : 1,
                                  modes_.align};
                document_.elements.emplace_back(std::move(image));
                return {};
            }
            case '(': return gs_paren(in);
            default: return fmt::format("unknown command GS 0x{:02X}", c);
        }
        return fmt::format("GS 0x{:02X} truncated", c);
    }

    // GS ( k pL pH cn fn ...: two-dimensional codes. Only QR Code (cn 49) is used.
    std::string gs_paren(Reader& in) {
        if (!in.has(3)) return "GS ( truncated";
        uint8_t function = in.next();
        size_t length = in.next();
        length |= static_cast<size_t>(in.next()) << 8;
        if (!in.has(length)) return fmt::format("GS ( {:c} parameters truncated", function);
        auto params = in.take(length);
        if (function != 'k') return fmt::format("GS ( 0x{:02X} is not used by this project", function);
        if (params.size() < 2) return "GS ( k too short";
        if (params[0] != 49)
            return fmt::format("GS ( k symbol type {} is not used by this project (QR Code is 49)", params[0]);
        switch (params[1]) {
            case 65: return {};  // fn 165: model (model 2 is the default)
            case 67:             // fn 167: module size
                if (params.size() < 3 || params[2] < 1 || params[2] > 16) return "GS ( k QR module size must be 1..16";
                modes_.qr_module = params[2];
                return {};
            case 69:  // fn 169: error correction level
                if (params.size() < 3 || params[2] < 48 || params[2] > 51)
                    return "GS ( k QR error correction must be 48..51";
                modes_.qr_ecc = static_cast<QrEcc>(params[2]);
                return {};
            case 80:  // fn 180: store the data
                if (params.size() < 3) return "GS ( k QR store has no m byte";
                qr_data_.assign(params.begin() + 3, params.end());
                return {};
            case 81:  // fn 181: print the stored symbol
                if (qr_data_.empty()) return "GS ( k QR print with no data stored";
                end_line_if_pending();
                document_.elements.emplace_back(QrCode{qr_data_, modes_.qr_module, modes_.qr_ecc, modes_.align});
                return {};
            case 82: return {};  // fn 182: size information request, answered by the printer
            default: return fmt::format("GS ( k QR function {} is unknown", params[1]);
        }
    }

    std::string fs(Reader& in) {
        if (!in.has(1)) return "FS truncated";
        uint8_t c = in.next();
        if (c == '&')
            modes_.chinese = true;
        else if (c == '.')
            modes_.chinese = false;
        else if (c == '!') {
            if (!in.has(1)) return "FS ! truncated";
            in.next();
        } else
            return fmt::format("unknown command FS 0x{:02X}", c);
        return {};
    }

    // Printable bytes up to the next control byte; in Chinese mode GB18030 multi-byte codes.
    std::string text(Reader& in, uint8_t first) {
        std::string gb(1, static_cast<char>(first));
        if (first >= 0x80) {
            if (!modes_.chinese)
                return fmt::format("byte 0x{:02X} outside Chinese mode would print as a code-page symbol", first);
            if (!take_gb_tail(in, gb)) return "GB18030 character truncated";
        }
        while (!in.done() && in.peek() >= 0x20 && in.peek() != 0x7F) {
            uint8_t b = in.next();
            gb.push_back(static_cast<char>(b));
            if (b >= 0x80) {
                if (!modes_.chinese)
                    return fmt::format("byte 0x{:02X} outside Chinese mode would print as a code-page symbol", b);
                if (!take_gb_tail(in, gb)) return "GB18030 character truncated";
            }
        }
        if (pending_.empty()) {
            if (runs_.empty()) line_align_ = modes_.align;  // ESC a applies from the start of a line
            run_modes_ = modes_;
        }
        pending_ += from_gb18030(gb);
        return {};
    }

    // The rest of a GB18030 code: 1 more byte, or 3 when the second is a digit (4-byte form).
    static bool take_gb_tail(Reader& in, std::string& gb) {
        if (!in.has(1)) return false;
        uint8_t second = in.next();
        gb.push_back(static_cast<char>(second));
        if (second >= '0' && second <= '9') {
            if (!in.has(2)) return false;
            gb.push_back(static_cast<char>(in.next()));
            gb.push_back(static_cast<char>(in.next()));
        }
        return true;
    }

    void flush_run() {
        if (pending_.empty()) return;
        runs_.push_back(TextRun{std::move(pending_), run_modes_.bold, run_modes_.width_times, run_modes_.height_times});
        pending_.clear();
    }

    void end_line() {
        flush_run();
        document_.elements.emplace_back(TextLine{runs_.empty() ? modes_.align : line_align_, std::move(runs_)});
        runs_.clear();
    }
    void end_line_if_pending() {
        flush_run();
        if (!runs_.empty()) end_line();
    }

    Document document_;
    Modes modes_;
    std::string qr_data_;             // the symbol storage area: kept until replaced, as on the printer
    Modes run_modes_;                 // the modes the pending text started with
    Align line_align_ = Align::left;  // alignment is taken at the start of a line
    std::string pending_;
    std::vector<TextRun> runs_;
};

std::string rstrip(std::string text) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

std::string aligned(const std::string& body, int width, Align align, int columns) {
    int room = columns - width;
    if (room <= 0 || align == Align::left) return body;
    int left = align == Align::center ? room / 2 : room;
    return std::string(static_cast<size_t>(left), ' ') + body;
}

}  // namespace

support::Expected<Document, InterpretError> interpret(std::span<const uint8_t> bytes) {
    return Interpreter{}.run(bytes);
}

std::string to_text(const Document& document, int columns) {
    std::string out;
    for (const Element& element : document.elements) {
        if (const auto* line = std::get_if<TextLine>(&element)) {
            std::string body;
            int width = 0;
            for (const TextRun& run : line->runs) {
                body += run.text;
                width += print_columns(run.text) * run.width_times;
            }
            out += rstrip(aligned(body, width, line->align, columns)) + "\n";
        } else if (const auto* barcode = std::get_if<Barcode>(&element)) {
            std::string bars = "[CODE128 " + barcode->data + "]";
            std::string hri = aligned(barcode->data, print_columns(barcode->data), barcode->align, columns);
            if (barcode->hri == Hri::above || barcode->hri == Hri::both) out += rstrip(hri) + "\n";
            out += rstrip(aligned(bars, print_columns(bars), barcode->align, columns)) + "\n";
            if (barcode->hri == Hri::below || barcode->hri == Hri::both) out += rstrip(hri) + "\n";
        } else if (const auto* qr = std::get_if<QrCode>(&element)) {
            std::string label = "[QR " + qr->data + "]";
            out += rstrip(aligned(label, print_columns(label), qr->align, columns)) + "\n";
        } else if (const auto* raster = std::get_if<RasterImage>(&element)) {
            std::string label = fmt::format("[image {}x{} dots]", raster->image.width_bytes * 8 * raster->scale_x,
                                            raster->image.height * raster->scale_y);
            out += rstrip(aligned(label, print_columns(label), raster->align, columns)) + "\n";
        } else if (const auto* cut = std::get_if<PaperCut>(&element)) {
            std::string label = cut->kind == Cut::full ? " cut " : " partial cut ";
            int dashes = columns - static_cast<int>(label.size());
            out += std::string(static_cast<size_t>(dashes / 2), '-') + label +
                   std::string(static_cast<size_t>(dashes - dashes / 2), '-') + "\n";
        } else if (std::holds_alternative<DrawerKick>(element)) {
            out += "[drawer]\n";
        }
    }
    return out;
}

}  // namespace pos::drivers::printer
