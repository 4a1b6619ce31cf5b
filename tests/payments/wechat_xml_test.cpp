// WeChat Pay XML bodies: CDATA out, CDATA or text in, and what is refused.
#include <doctest/doctest.h>

#include "payments/wechat_xml.hpp"

using namespace pos::payments;

TEST_CASE("wechat_xml: fields go out in CDATA, sorted by name") {
    CHECK(to_wechat_xml({{"total_fee", "100"}, {"body", "a<b&c"}}) ==
          "<xml><body><![CDATA[a<b&c]]></body><total_fee><![CDATA[100]]></total_fee></xml>");
    CHECK(to_wechat_xml({{"x", "a]]>b"}}) == "<xml><x><![CDATA[a]]]]><![CDATA[>b]]></x></xml>");
}

TEST_CASE("wechat_xml: a real answer with CDATA, plain text and Chinese is read whole") {
    auto fields = from_wechat_xml(
        "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg>OK</return_msg>"
        "<result_code><![CDATA[FAIL]]></result_code><err_code><![CDATA[AUTH_CODE_INVALID]]></err_code>"
        "<err_code_des><![CDATA[101 付款码已过期,请退出重试]]></err_code_des></xml>");
    REQUIRE(fields);
    CHECK(fields->at("return_code") == "SUCCESS");
    CHECK(fields->at("return_msg") == "OK");
    CHECK(fields->at("err_code_des") == "101 付款码已过期,请退出重试");
    auto round = from_wechat_xml(to_wechat_xml({{"x", "a]]>b"}}));
    CHECK(round->at("x") == "a]]>b");
}

TEST_CASE("wechat_xml: not XML, no root, nesting, entities and oversize bodies are refused") {
    CHECK(from_wechat_xml("<html>502 Bad Gateway</html>").error() == "the answer has no <xml> element");
    CHECK(from_wechat_xml("not xml at all <").error().find("the answer is not XML") == 0);
    CHECK(from_wechat_xml("<xml><a><b>1</b></a></xml>").error() == "the answer's field <a> holds elements, not text");
    CHECK(from_wechat_xml(std::string(70000, ' ')).error() == "the answer is larger than any WeChat Pay answer");
    auto entity = from_wechat_xml("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><a>&e;</a></xml>");
    CHECK((!entity || entity->at("a").find("root:") == std::string::npos));  // never the file's content
}
