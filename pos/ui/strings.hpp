// UI text keyed by id, loaded from assets/i18n/<lang>.json (flat {"id": "text"} objects).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "pos/core/result.hpp"

namespace pos::ui {

class Strings {
public:
    // Loads `<dir>/en.json` as the fallback, then `<dir>/<language>.json` over it.
    // An unknown language or a malformed file is an error naming the file.
    [[nodiscard]] static core::Result<Strings> load(const std::string& dir, const std::string& language);
    // From JSON text, for tests.
    [[nodiscard]] static core::Result<Strings> parse(std::string_view fallback_json, std::string_view language_json,
                                                     std::string language);

    // The text for `id`; a missing id shows as the id itself so it is noticed, never blank.
    [[nodiscard]] const char* operator()(std::string_view id) const;

    // The text for `id` with fmt-style `{}` placeholders filled; a translation with broken
    // placeholders is shown unformatted rather than thrown.
    template <typename... Args>
    [[nodiscard]] std::string format(std::string_view id, Args&&... args) const {
        const char* pattern = (*this)(id);
        try {
            return fmt::format(fmt::runtime(pattern), std::forward<Args>(args)...);
        } catch (const fmt::format_error&) {
            return pattern;
        }
    }

    [[nodiscard]] const std::string& language() const { return language_; }
    [[nodiscard]] bool is_chinese() const { return language_.rfind("zh", 0) == 0; }
    // Every text of every loaded file: the font's glyph set is built from these.
    [[nodiscard]] std::vector<std::string> all_text() const;

private:
    std::string language_;
    std::map<std::string, std::string, std::less<>> text_;
    mutable std::map<std::string, std::string, std::less<>> missing_;
};

}  // namespace pos::ui
