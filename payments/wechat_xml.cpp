// Flat <xml> bodies through pugixml.
#include "payments/wechat_xml.hpp"

#include <pugixml.hpp>

namespace pos::payments {
namespace {

constexpr size_t largest_body = 64 * 1024;  // a micropay answer is well under 2 KiB

}  // namespace

std::string to_wechat_xml(const Fields& fields) {
    std::string xml = "<xml>";
    for (const auto& [name, value] : fields) {
        xml += "<" + name + ">";
        // "]]>" cannot appear inside CDATA: split it across two sections.
        std::string escaped;
        for (size_t at = 0; at < value.size(); ++at) {
            if (value.compare(at, 3, "]]>") == 0) {
                escaped += "]]]]><![CDATA[>";
                at += 2;
            } else {
                escaped += value[at];
            }
        }
        xml += "<![CDATA[" + escaped + "]]></" + name + ">";
    }
    return xml + "</xml>";
}

support::Expected<Fields, std::string> from_wechat_xml(std::string_view body) {
    if (body.size() > largest_body) return std::string("the answer is larger than any WeChat Pay answer");
    pugi::xml_document document;
    pugi::xml_parse_result parsed =
        document.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) return std::string("the answer is not XML (") + parsed.description() + ")";
    pugi::xml_node root = document.child("xml");
    if (!root) return std::string("the answer has no <xml> element");
    Fields fields;
    for (pugi::xml_node field : root.children()) {
        if (field.type() != pugi::node_element) continue;
        std::string text;
        for (pugi::xml_node part : field.children()) {
            if (part.type() == pugi::node_element) {
                return std::string("the answer's field <") + field.name() + "> holds elements, not text";
            }
            if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) text += part.value();
        }
        fields[field.name()] = text;
    }
    return fields;
}

}  // namespace pos::payments
