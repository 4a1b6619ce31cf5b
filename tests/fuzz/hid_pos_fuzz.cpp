// libFuzzer target: the HID POS scanned-data decoder (drivers/scanner/hid_pos.hpp) fed any
// byte stream, cut into reports. Before each report one control byte: 0xFF is a read
// timeout (discard_pending), 0xFE a replug (reset), 0xC0-0xFD a report of (byte - 0xC0)
// bytes (0-61, the wrong length); any other value a 64-byte report, the size HID POS sends.
// Inputs are short of 64-byte runs, so the corpus carries real reports to start from.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "drivers/scanner/hid_pos.hpp"

namespace {

using pos::drivers::scanner::Decoded;
using pos::drivers::scanner::HidPosDecoder;
using pos::drivers::scanner::ReportProblem;

// What every result must satisfy, whatever the input: a crash here is a finding.
void check(const Decoded& result) {
    if ((result.problem == ReportProblem::none) != result.detail.empty()) std::abort();
    if (result.scan) {
        if (result.problem != ReportProblem::none) std::abort();
        if (result.scan->data.empty() || result.scan->data.size() > HidPosDecoder::max_scan_length) std::abort();
        const std::string& aim = result.scan->aim;
        if (!aim.empty() && (aim.size() != 3 || aim[0] != ']')) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    HidPosDecoder decoder;
    std::span<const uint8_t> rest(data, size);
    while (!rest.empty()) {
        const uint8_t control = rest[0];
        rest = rest.subspan(1);
        if (control == 0xFF) {
            (void)decoder.discard_pending();
            if (decoder.pending()) std::abort();
            continue;
        }
        if (control == 0xFE) {
            decoder.reset();
            continue;
        }
        size_t length = control >= 0xC0 ? size_t{control - 0xC0u} : HidPosDecoder::report_size;
        length = std::min(length, rest.size());
        Decoded result = decoder.feed(rest.first(length));
        rest = rest.subspan(length);
        check(result);
    }
    return 0;
}
