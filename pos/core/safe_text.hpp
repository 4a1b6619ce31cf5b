// Free text typed at the till or sent in a script (reasons, references): valid UTF-8, no control
// characters, a bounded length. Such text is journaled, printed and shown on other screens, so it
// is refused at the door rather than escaped everywhere it goes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "pos/core/result.hpp"

namespace pos::core {

// bad_input naming `field` when `text` is not UTF-8, holds a control character (C0, DEL, C1;
// a line break too) or is longer than `max_chars` characters (code points, so 汉字 count as one).
[[nodiscard]] Status check_text(std::string_view field, std::string_view text, size_t max_chars);

// Text that arrived from elsewhere (a lane's record, a peer's answer), made safe to print on a
// terminal: control characters, bidirectional overrides and bytes that are not UTF-8 become
// \xNN for each byte, and a backslash is doubled; everything else, 汉字 included, is kept.
[[nodiscard]] std::string shown_safely(std::string_view text);

}  // namespace pos::core
