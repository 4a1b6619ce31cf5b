// WeChat Pay v2 bodies: one flat <xml> element of named text fields, both ways. Values go out in
// CDATA; answers may use CDATA or plain text. Parsed with pugixml (Debian's libpugixml-dev),
// which never loads external entities.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "support/expected.hpp"

namespace pos::payments {

using Fields = std::map<std::string, std::string>;

[[nodiscard]] std::string to_wechat_xml(const Fields& fields);

// The fields of an <xml> body; an error names what is wrong (not XML, no <xml> root, nested
// elements, a body larger than any real answer).
[[nodiscard]] support::Expected<Fields, std::string> from_wechat_xml(std::string_view body);

}  // namespace pos::payments
