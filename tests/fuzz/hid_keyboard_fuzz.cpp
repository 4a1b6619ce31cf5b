// libFuzzer target: the boot-keyboard decoder (drivers/scanner/hid_keyboard.hpp) fed any
// byte stream, cut into reports. Before each report one control byte: 0xFF is a read
// timeout (discard_pending), 0xFE a replug (reset), 0xF0-0xFD a report of that many bytes
// (0-13, mostly the wrong length); any other value an 8-byte report, the size a boot
// keyboard sends, so most of the input reaches the key logic.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "drivers/scanner/hid_keyboard.hpp"

namespace {

using pos::drivers::scanner::Decoded;
using pos::drivers::scanner::KeyboardDecoder;
using pos::drivers::scanner::ReportProblem;

// What every result must satisfy, whatever the input: a crash here is a finding.
void check(const Decoded& result, const KeyboardDecoder& decoder) {
    if ((result.problem == ReportProblem::none) != result.detail.empty()) std::abort();
    if (result.scan) {
        const std::string& data = result.scan->data;
        if (data.empty() || data.size() > KeyboardDecoder::max_scan_length) std::abort();
        if (data.find('\r') != std::string::npos || !result.scan->aim.empty()) std::abort();
    }
    if (decoder.pending().size() > KeyboardDecoder::max_scan_length) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    KeyboardDecoder decoder;
    std::span<const uint8_t> rest(data, size);
    while (!rest.empty()) {
        const uint8_t control = rest[0];
        rest = rest.subspan(1);
        if (control == 0xFF) {
            (void)decoder.discard_pending();
            if (!decoder.pending().empty()) std::abort();
            continue;
        }
        if (control == 0xFE) {
            decoder.reset();
            continue;
        }
        size_t length = control >= 0xF0 ? size_t{control & 0x0Fu} : KeyboardDecoder::report_size;
        length = std::min(length, rest.size());
        Decoded result = decoder.feed(rest.first(length));
        rest = rest.subspan(length);
        check(result, decoder);
    }
    return 0;
}
