// Translations: lookup with fallback, formatting, and the two shipped files agreeing on their ids.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "pos/ui/strings.hpp"

using pos::ui::Strings;

namespace {

nlohmann::json read_json(const std::string& name) {
    std::ifstream file(std::string(POS_SOURCE_DIR) + "/assets/i18n/" + name);
    std::stringstream text;
    text << file.rdbuf();
    return nlohmann::json::parse(text.str());
}

}  // namespace

TEST_CASE("strings: the language file wins, English fills the gaps, a missing id shows itself") {
    auto strings = Strings::parse(R"({"a":"A","b":"B"})", R"({"a":"甲"})", "zh_CN");
    REQUIRE(strings.ok());
    CHECK(std::string((*strings)("a")) == "甲");
    CHECK(std::string((*strings)("b")) == "B");
    CHECK(std::string((*strings)("nope")) == "nope");
    CHECK(strings->is_chinese());
}

TEST_CASE("strings: placeholders are filled, broken ones show the text unformatted") {
    auto strings = Strings::parse(R"({"lane":"{}号收银台","broken":"x {"})", "{}", "en");
    REQUIRE(strings.ok());
    CHECK(strings->format("lane", 3) == "3号收银台");
    CHECK(strings->format("broken", 3) == "x {");
}

TEST_CASE("strings: a file that is not an object of strings is refused with its name") {
    CHECK(Strings::parse("[]", "{}", "en").error().message == "en.json is not a JSON object of \"id\": \"text\" pairs");
    CHECK(Strings::parse("{}", R"({"a":1})", "zh_CN").error().message ==
          "zh_CN.json: the value of \"a\" must be a string");
}

TEST_CASE("strings: zh_CN.json and en.json have the same ids and the same placeholders") {
    nlohmann::json zh = read_json("zh_CN.json");
    nlohmann::json en = read_json("en.json");
    auto placeholders = [](const std::string& text) {
        size_t count = 0;
        for (size_t at = text.find("{}"); at != std::string::npos; at = text.find("{}", at + 2)) ++count;
        return count;
    };
    for (const auto& [id, text] : en.items()) {
        CAPTURE(id);
        REQUIRE(zh.contains(id));
        CHECK(placeholders(zh[id].get<std::string>()) == placeholders(text.get<std::string>()));
    }
    for (const auto& [id, text] : zh.items()) {
        CAPTURE(id);
        CHECK(en.contains(id));
    }
}
