// Names of report problems, as they appear in log lines and `posctl devices watch`.
#include "drivers/scanner/scan.hpp"

namespace pos::drivers::scanner {

std::string_view problem_name(ReportProblem problem) {
    switch (problem) {
        case ReportProblem::none: return "none";
        case ReportProblem::wrong_length: return "wrong_length";
        case ReportProblem::unknown_usage: return "unknown_usage";
        case ReportProblem::rollover: return "rollover";
        case ReportProblem::unknown_report: return "unknown_report";
        case ReportProblem::bad_length_field: return "bad_length_field";
        case ReportProblem::bad_aim: return "bad_aim";
        case ReportProblem::bad_alt_code: return "bad_alt_code";
        case ReportProblem::too_long: return "too_long";
        case ReportProblem::empty: return "empty";
    }
    return "unknown";
}

}  // namespace pos::drivers::scanner
