// How deep a JSON text nests, counted without parsing it, so a hostile body nested 300,000 deep is
// refused before any parser or recursive walk (copy, dump, compare) can overflow the stack.
#pragma once

#include <cstddef>
#include <string_view>

namespace pos::sync {

// Deep enough for every payload a lane writes (a sale nests 4 levels), far from any stack limit.
inline constexpr size_t max_json_nesting = 64;

// True when no array or object in `text` is nested more than `limit` deep. Brackets inside
// strings (with their escapes) do not count; the text need not be valid JSON.
[[nodiscard]] bool json_nesting_within(std::string_view text, size_t limit = max_json_nesting);

}  // namespace pos::sync
