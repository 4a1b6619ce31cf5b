// Reading pos.toml's tables field by field: every error names the file, the line and the key,
// and a key nobody reads is an error, never silently ignored (docs/design.md "Configuration").
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "pos/core/result.hpp"

namespace pos::actions {

// "pos.toml:12: payments.wechat.url: must start with https://"
[[nodiscard]] core::Error config_error(std::string_view source, const toml::node& node, std::string_view key,
                                       std::string_view what);

// Rejects keys a table should not have: a typo must not be silently ignored.
[[nodiscard]] core::Status check_keys(std::string_view source, const toml::table& table, std::string_view prefix,
                                      const std::set<std::string_view>& allowed);

// Reads a string if the key is there (`out` keeps its default otherwise).
[[nodiscard]] core::Status read_string(std::string_view source, const toml::table& table, std::string_view key,
                                       std::string_view prefix, std::string& out);

// Reads a whole number from `low` to `high` if the key is there.
[[nodiscard]] core::Status read_integer(std::string_view source, const toml::table& table, std::string_view key,
                                        std::string_view prefix, int64_t low, int64_t high, int64_t& out);

}  // namespace pos::actions
