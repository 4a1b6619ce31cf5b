// Golden files (receipts: .escpos bytes + readable .txt): compare with tests/PATH; with
// POS_UPDATE_GOLDEN=1 in the environment, (re)write them instead — then review the diff.
#pragma once

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace pos::testing {

inline std::string golden_path(const std::string& path) { return std::string(POS_SOURCE_DIR) + "/tests/" + path; }

inline std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// The golden content, after writing `actual` to it when updating.
inline std::string golden(const std::string& name, const std::string& actual) {
    const char* update = std::getenv("POS_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(golden_path(name), std::ios::binary) << actual;
    }
    return read_file(golden_path(name));
}

inline std::string as_string(const std::vector<uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

}  // namespace pos::testing
