// libFuzzer target: the barcode engine (drivers/scanner/barcode.hpp). The first byte picks
// the store's scale label formats: even, the defaults; odd, formats built from the next
// bytes, sound or not (the config loader should refuse bad ones; parse_barcode must still
// survive one that slips through). The rest is the scanned or typed text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>

#include "drivers/scanner/barcode.hpp"

namespace {

using namespace pos::drivers::scanner;

// Reads bytes off the front of the input; 0 once it runs out.
struct Bytes {
    std::span<const uint8_t> rest;
    uint8_t next() {
        if (rest.empty()) return 0;
        uint8_t byte = rest[0];
        rest = rest.subspan(1);
        return byte;
    }
};

Nomenclature fuzzed_nomenclature(Bytes& in) {
    Nomenclature nomenclature;
    const int formats = in.next() % 4;
    for (int i = 0; i < formats; ++i) {
        ScaleFormat format;
        const int flag_digits = in.next() % 4;
        for (int d = 0; d < flag_digits; ++d) format.flag += static_cast<char>('0' + in.next() % 10);
        format.length = in.next() % 24 - 2;
        const uint8_t kind = in.next() % 4;
        format.kind = static_cast<BarcodeKind>(kind);
        const int fields = in.next() % 5;
        format.fields.clear();
        for (int f = 0; f < fields; ++f) {
            const uint8_t byte = in.next();
            format.fields.push_back({static_cast<ScaleField::Kind>(byte % 3), byte / 3 % 20 - 2});
        }
        format.price_decimals = in.next() % 12 - 1;
        format.weight_decimals = in.next() % 12 - 1;
        nomenclature.scale_formats.push_back(format);
    }
    return nomenclature;
}

bool digits_only(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const Nomenclature defaults = default_nomenclature();
    Bytes in{std::span<const uint8_t>(data, size)};
    const bool custom = (in.next() & 1) != 0;
    const Nomenclature nomenclature = custom ? fuzzed_nomenclature(in) : defaults;
    const std::string_view text(reinterpret_cast<const char*>(in.rest.data()), in.rest.size());

    const ParsedBarcode parsed = parse_barcode(text, nomenclature);
    if (parsed.valid != (parsed.error == BarcodeError::none)) std::abort();
    if (!parsed.valid && parsed.message.empty()) std::abort();
    if (!parsed.gtin.empty() && (parsed.gtin.size() != 14 || !digits_only(parsed.gtin))) std::abort();
    if (parsed.valid && parsed.kind == BarcodeKind::item && parsed.gtin.size() != 14) std::abort();
    if (kind_name(parsed.kind).empty() || error_name(parsed.error).empty()) std::abort();

    if (digits_only(text)) {
        const int check = gs1_check_digit(text);
        if (check < 0 || check > 9) std::abort();
    }
    if (auto upca = expand_upce(text); upca && (upca->size() != 12 || !digits_only(*upca))) std::abort();
    return 0;
}
