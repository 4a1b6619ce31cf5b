// Warnings for secrets other users may read (pos/actions/setup/file_modes.hpp).
#include "pos/actions/setup/file_modes.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "pos/actions/setup/store_setup.hpp"

namespace pos::actions {

std::vector<std::string> readable_by_others(const std::string& data_dir, const LaneConfig& config) {
    namespace fs = std::filesystem;
    std::vector<std::string> paths = {(fs::path(data_dir) / "pos.toml").string(),
                                      (fs::path(data_dir) / "lane.db").string()};
    if (config.store_url.empty()) paths.push_back(store_db_path(data_dir, config));
    std::vector<std::string> warnings;
    for (const std::string& path : paths) {
        std::error_code missing;
        fs::perms mode = fs::status(path, missing).permissions();
        if (missing || !fs::exists(path)) continue;
        if ((mode & (fs::perms::group_read | fs::perms::others_read)) != fs::perms::none) {
            warnings.push_back(fmt::format("{} can be read by other users of this machine: chmod 600 {}", path, path));
        }
    }
    return warnings;
}

}  // namespace pos::actions
