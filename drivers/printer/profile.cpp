// Printer profiles from JSON, checked key by key.
#include "drivers/printer/profile.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace pos::drivers::printer {
namespace {

using nlohmann::json;

std::string where(std::string_view id, std::string_view key) { return std::string(id) + ".json: " + std::string(key); }

support::Expected<uint16_t, std::string> parse_hex16(const json& value, std::string_view id, std::string_view key) {
    if (!value.is_string()) return where(id, key) + ": must be a hex string such as \"0416\"";
    const std::string text = value.get<std::string>();
    if (text.size() != 4 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
        return where(id, key) + ": must be 4 hex digits, got \"" + text + "\"";
    }
    return static_cast<uint16_t>(std::stoul(text, nullptr, 16));
}

}  // namespace

PrinterProfile generic_profile(int paper_mm) {
    PrinterProfile profile;
    if (paper_mm == 80) {
        profile.id = "generic-80";
        profile.name = "Generic 80 mm";
        profile.paper_mm = 80;
        profile.columns = 48;
        profile.dots = 576;
    } else {
        profile.id = "generic-58";
        profile.name = "Generic 58 mm";
    }
    return profile;
}

support::Expected<PrinterProfile, std::string> parse_profile(std::string_view json_text, std::string_view id) {
    json root = json::parse(json_text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return std::string(id) + ".json: not a JSON object";
    static const std::set<std::string> known = {"name", "paper_mm",      "columns", "dots", "chinese_mode",
                                                "cut",  "cut_feed_dots", "drawer",  "qr",   "chunk_bytes",
                                                "usb",  "quirks",        "notes"};
    for (const auto& [key, value] : root.items()) {
        if (!known.count(key)) return where(id, key) + ": unknown key";
    }
    PrinterProfile profile = generic_profile(root.value("paper_mm", 58) == 80 ? 80 : 58);
    profile.id = std::string(id);
    auto integer = [&](const char* key, int low, int high, int& out) -> std::string {
        if (!root.contains(key)) return {};
        const json& value = root[key];
        if (!value.is_number_integer() || value.get<int64_t>() < low || value.get<int64_t>() > high) {
            return where(id, key) + ": must be a whole number from " + std::to_string(low) + " to " +
                   std::to_string(high);
        }
        out = value.get<int>();
        return {};
    };
    auto boolean = [&](const json& object, const char* key, bool& out) -> std::string {
        if (!object.contains(key)) return {};
        if (!object[key].is_boolean()) return where(id, key) + ": must be true or false";
        out = object[key].get<bool>();
        return {};
    };
    int chunk = static_cast<int>(profile.chunk_bytes);
    for (std::string problem :
         {integer("paper_mm", 58, 80, profile.paper_mm), integer("columns", 16, 64, profile.columns),
          integer("dots", 256, 832, profile.dots), integer("cut_feed_dots", 0, 255, profile.cut_feed_dots),
          integer("chunk_bytes", 64, 65536, chunk), boolean(root, "chinese_mode", profile.chinese_mode),
          boolean(root, "drawer", profile.drawer), boolean(root, "qr", profile.qr)}) {
        if (!problem.empty()) return problem;
    }
    if (profile.paper_mm != 58 && profile.paper_mm != 80) return where(id, "paper_mm") + ": must be 58 or 80";
    profile.chunk_bytes = static_cast<size_t>(chunk);
    if (root.contains("name")) {
        if (!root["name"].is_string()) return where(id, "name") + ": must be a string";
        profile.name = root["name"].get<std::string>();
    }
    if (root.contains("notes")) {
        if (!root["notes"].is_string()) return where(id, "notes") + ": must be a string";
        profile.notes = root["notes"].get<std::string>();
    }
    if (root.contains("cut")) {
        std::string cut = root["cut"].is_string() ? root["cut"].get<std::string>() : "";
        if (cut == "partial")
            profile.cut = Cut::partial;
        else if (cut == "full")
            profile.cut = Cut::full;
        else if (cut == "none")
            profile.cut = Cut::none;
        else
            return where(id, "cut") + ": must be \"partial\", \"full\" or \"none\"";
    }
    if (root.contains("usb")) {
        if (!root["usb"].is_array()) return where(id, "usb") + ": must be a list of {\"vid\", \"pid\"}";
        for (const json& entry : root["usb"]) {
            if (!entry.is_object() || !entry.contains("vid") || !entry.contains("pid")) {
                return where(id, "usb") + ": each entry needs \"vid\" and \"pid\"";
            }
            auto vid = parse_hex16(entry["vid"], id, "usb.vid");
            if (!vid) return vid.error();
            auto pid = parse_hex16(entry["pid"], id, "usb.pid");
            if (!pid) return pid.error();
            profile.usb.push_back({*vid, *pid});
        }
    }
    if (root.contains("quirks")) {
        const json& quirks = root["quirks"];
        if (!quirks.is_object()) return where(id, "quirks") + ": must be an object";
        static const std::set<std::string> known_quirks = {"no_set_interface", "no_clear_halt", "stale_status_reply",
                                                           "unsolicited_asb", "no_realtime_status"};
        for (const auto& [key, value] : quirks.items()) {
            if (!known_quirks.count(key)) return where(id, "quirks." + key) + ": unknown quirk";
        }
        for (std::string problem : {boolean(quirks, "no_set_interface", profile.quirks.no_set_interface),
                                    boolean(quirks, "no_clear_halt", profile.quirks.no_clear_halt),
                                    boolean(quirks, "stale_status_reply", profile.quirks.stale_status_reply),
                                    boolean(quirks, "unsolicited_asb", profile.quirks.unsolicited_asb),
                                    boolean(quirks, "no_realtime_status", profile.quirks.no_realtime_status)}) {
            if (!problem.empty()) return problem;
        }
    }
    if (profile.columns * 12 > profile.dots) {
        return where(id, "columns") + ": " + std::to_string(profile.columns) + " columns of 12 dots do not fit in " +
               std::to_string(profile.dots) + " dots";
    }
    return profile;
}

support::Expected<std::vector<PrinterProfile>, std::string> load_profiles(const std::string& dir) {
    std::vector<PrinterProfile> profiles;
    std::error_code error;
    std::filesystem::directory_iterator it(dir, error);
    if (error) return dir + ": " + error.message();
    for (const auto& entry : it) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        auto profile = parse_profile(text.str(), entry.path().stem().string());
        if (!profile) return profile.error();
        profiles.push_back(std::move(*profile));
    }
    std::sort(profiles.begin(), profiles.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return profiles;
}

PrinterProfile match_profile(const std::vector<PrinterProfile>& profiles, UsbId id, int paper_mm) {
    for (const PrinterProfile& profile : profiles) {
        if (std::find(profile.usb.begin(), profile.usb.end(), id) != profile.usb.end()) return profile;
    }
    return generic_profile(paper_mm);
}

}  // namespace pos::drivers::printer
