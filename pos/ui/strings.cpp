// Translation files: parsed once at start-up; lookups are a map find.
#include "pos/ui/strings.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace pos::ui {
namespace {

using core::ErrorCode;
using core::make_error;

core::Status merge(std::map<std::string, std::string, std::less<>>& into, std::string_view json_text,
                   const std::string& source) {
    nlohmann::json parsed = nlohmann::json::parse(json_text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        return make_error(ErrorCode::bad_input, source + " is not a JSON object of \"id\": \"text\" pairs");
    }
    for (const auto& [id, value] : parsed.items()) {
        if (!value.is_string()) {
            return make_error(ErrorCode::bad_input, source + ": the value of \"" + id + "\" must be a string");
        }
        into[id] = value.get<std::string>();
    }
    return core::Done{};
}

core::Result<std::string> read_text(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return make_error(ErrorCode::io, path.string() + " cannot be read: is the assets directory complete?");
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

core::Result<Strings> Strings::parse(std::string_view fallback_json, std::string_view language_json,
                                     std::string language) {
    Strings strings;
    strings.language_ = std::move(language);
    if (auto merged = merge(strings.text_, fallback_json, "en.json"); !merged) return merged.error();
    if (auto merged = merge(strings.text_, language_json, strings.language_ + ".json"); !merged) return merged.error();
    return strings;
}

core::Result<Strings> Strings::load(const std::string& dir, const std::string& language) {
    namespace fs = std::filesystem;
    fs::path chosen = fs::path(dir) / (language + ".json");
    if (!fs::exists(chosen)) {
        return make_error(ErrorCode::bad_input,
                          "no translation for language '" + language + "' (" + chosen.string() + "): use zh_CN or en");
    }
    auto fallback = read_text(fs::path(dir) / "en.json");
    if (!fallback) return fallback.error();
    auto own = read_text(chosen);
    if (!own) return own.error();
    return parse(*fallback, *own, language);
}

const char* Strings::operator()(std::string_view id) const {
    if (auto found = text_.find(id); found != text_.end()) return found->second.c_str();
    auto [slot, added] = missing_.emplace(std::string(id), std::string(id));
    if (added) std::cerr << "pos: no text for \"" << id << "\" in " << language_ << ".json\n";
    return slot->second.c_str();
}

std::vector<std::string> Strings::all_text() const {
    std::vector<std::string> all;
    all.reserve(text_.size());
    for (const auto& [id, text] : text_) all.push_back(text);
    return all;
}

}  // namespace pos::ui
