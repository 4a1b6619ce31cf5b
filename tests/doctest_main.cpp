// The one doctest main shared by every test executable. ctest runs each TEST_CASE on its own by
// name (--test-case=NAME); a name ctest mangled (it splits at ';') would match nothing and pass
// without running, so a run whose filters match no test case fails.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

namespace {

// Set at the end of a run (not of a --list-* query): how many test cases passed the filters.
int test_cases_matched = -1;

struct MatchCounter : doctest::IReporter {
    explicit MatchCounter(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& stats) override {
        test_cases_matched = static_cast<int>(stats.numTestCasesPassingFilters);
    }
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("match_counter", 1, MatchCounter);

}  // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    int result = context.run();
    if (context.shouldExit() || result != 0) return result;
    if (test_cases_matched == 0) {
        std::fprintf(stderr,
                     "no test case matched the filters: nothing ran (a ';' in a TEST_CASE name splits it in ctest)\n");
        return 1;
    }
    return result;
}
