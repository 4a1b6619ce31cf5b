// HID POS scanned-data report decoder: see hid_pos.hpp.
#include "drivers/scanner/hid_pos.hpp"

namespace pos::drivers::scanner {
namespace {

bool printable(uint8_t byte) { return byte > 0x20 && byte < 0x7F; }

}  // namespace

Decoded HidPosDecoder::feed(std::span<const uint8_t> report) {
    Decoded out;
    auto refuse = [&](ReportProblem problem, std::string detail) {
        out.problem = problem;
        out.detail = std::move(detail);
        if (chained_) out.detail += "; the code it continued was dropped";
        discard_pending();
        return out;
    };
    if (report.size() != report_size) {
        // Not a scan at all: a code in progress is kept, the next report may finish it.
        out.problem = ReportProblem::wrong_length;
        out.detail =
            "report of " + std::to_string(report.size()) + " bytes, HID POS sends " + std::to_string(report_size);
        return out;
    }
    if (report[0] != scanned_data_report_id) {
        out.problem = ReportProblem::unknown_report;
        out.detail = "report id " + std::to_string(report[0]) + " is not scanned data; ignored";
        return out;
    }
    size_t length = report[1];
    if (length > data_capacity) {
        return refuse(ReportProblem::bad_length_field, "length byte " + std::to_string(length) + " over the " +
                                                           std::to_string(data_capacity) + " data bytes of a report");
    }
    std::span<const uint8_t> aim = report.subspan(aim_offset, 3);
    bool no_aim = aim[0] == 0 && aim[1] == 0 && aim[2] == 0;  // symbology ids switched off in the scanner
    if (!no_aim && !(aim[0] == ']' && printable(aim[1]) && printable(aim[2]))) {
        return refuse(ReportProblem::bad_aim, "symbology id bytes " + std::to_string(aim[0]) + " " +
                                                  std::to_string(aim[1]) + " " + std::to_string(aim[2]) +
                                                  " are not ]xy");
    }
    if (!chained_) {
        partial_ = Scan{};
        if (!no_aim) partial_.aim.assign(aim.begin(), aim.end());
    }
    if (partial_.data.size() + length > max_scan_length) {
        return refuse(ReportProblem::too_long,
                      "code longer than " + std::to_string(max_scan_length) + " bytes dropped");
    }
    std::span<const uint8_t> data = report.subspan(data_offset, length);
    partial_.data.append(data.begin(), data.end());
    chained_ = (report[more_flag_offset] & 0x01) != 0;
    if (chained_) return out;
    if (partial_.data.empty()) {
        out.problem = ReportProblem::empty;
        out.detail = "scan with no data ignored";
    } else {
        out.scan = std::move(partial_);
    }
    partial_ = Scan{};
    return out;
}

std::string HidPosDecoder::discard_pending() {
    std::string dropped = chained_ ? std::move(partial_.data) : std::string{};
    chained_ = false;
    partial_ = Scan{};
    return dropped;
}

}  // namespace pos::drivers::scanner
