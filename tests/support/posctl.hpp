// posctl on a test's own data directory (DIR/data), as end-to-end tests run it.
// Needs POS_POSCTL, the path of the built posctl (tests/CMakeLists.txt defines it).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

inline ProcessResult posctl(const TempDir& dir, std::vector<std::string> args) {
    args.insert(args.begin(), {POS_POSCTL, "--data", dir.file("data")});
    return run(args, dir.path());
}

// posctl with `input` on its standard input.
inline ProcessResult posctl_input(const TempDir& dir, std::vector<std::string> args, const std::string& input) {
    args.insert(args.begin(), {POS_POSCTL, "--data", dir.file("data")});
    return run_with_input(args, input, dir.path());
}

// One value from DIR/data/store.db as text ("NULL" for SQL NULL).
inline std::string store_text(const TempDir& dir, const std::string& sql) {
    auto connection = raw_open(dir.file("data/store.db"));
    auto answer = connection->query_text(sql);
    REQUIRE_MESSAGE(answer.ok(), sql);
    return answer->value_or("NULL");
}

}  // namespace pos::testing
