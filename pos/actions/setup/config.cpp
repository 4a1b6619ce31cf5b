// pos.toml parsing with toml++: every key checked, every error with its key and line.
#include "pos/actions/setup/config.hpp"

#include "pos/actions/payments/payment_config_reader.hpp"
#include "pos/actions/setup/toml_fields.hpp"
#include "sync/store_url.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace pos::actions {
namespace {

using core::ErrorCode;
using core::make_error;
namespace scanner = drivers::scanner;

core::Result<scanner::ScaleFormat> read_scale_format(std::string_view source, const toml::table& table, size_t index) {
    std::string prefix = fmt::format("barcode.scale[{}].", index);
    if (auto keys = check_keys(source, table, prefix,
                               {"flag", "length", "kind", "fields", "price_decimals", "weight_decimals"});
        !keys) {
        return keys.error();
    }
    scanner::ScaleFormat format;
    if (auto flag = read_string(source, table, "flag", prefix, format.flag); !flag) return flag.error();
    if (format.flag.empty() || format.flag.find_first_not_of("0123456789") != std::string::npos) {
        return config_error(source, table, prefix + "flag", "must be digits, like \"22\"");
    }
    std::string kind = "weighed";
    if (auto read = read_string(source, table, "kind", prefix, kind); !read) return read.error();
    if (kind == "priced")
        format.kind = scanner::BarcodeKind::priced;
    else if (kind == "weighed")
        format.kind = scanner::BarcodeKind::weighed;
    else
        return config_error(source, *table.get("kind"), prefix + "kind", "must be \"priced\" or \"weighed\"");

    auto read_int = [&](std::string_view key, int& out, int low, int high) -> core::Status {
        const toml::node* node = table.get(key);
        if (!node) return core::Done{};
        auto number = node->value<int64_t>();
        if (!number || *number < low || *number > high) {
            return config_error(source, *node, prefix + std::string(key),
                                fmt::format("must be a whole number from {} to {}", low, high));
        }
        out = int(*number);
        return core::Done{};
    };
    if (auto read = read_int("length", format.length, 8, 18); !read) return read.error();
    if (auto read = read_int("price_decimals", format.price_decimals, 0, 2); !read) return read.error();
    if (auto read = read_int("weight_decimals", format.weight_decimals, 0, 3); !read) return read.error();

    const toml::array* fields = table.get_as<toml::array>("fields");
    if (!fields) return config_error(source, table, prefix + "fields", "is required, like [\"plu:5\", \"weight:5\"]");
    int digits = int(format.flag.size()) + 1;  // flag and check digit
    for (const toml::node& field : *fields) {
        auto text = field.value<std::string>();
        std::map<std::string, scanner::ScaleField::Kind> kinds = {{"plu", scanner::ScaleField::Kind::plu},
                                                                  {"price", scanner::ScaleField::Kind::price},
                                                                  {"weight", scanner::ScaleField::Kind::weight}};
        size_t colon = text ? text->find(':') : std::string::npos;
        if (colon == std::string::npos || !kinds.contains(text->substr(0, colon))) {
            return config_error(source, field, prefix + "fields",
                                "each field is \"plu:N\", \"price:N\" or \"weight:N\"");
        }
        int length = 0;
        try {
            length = std::stoi(text->substr(colon + 1));
        } catch (const std::exception&) {
            length = 0;
        }
        if (length < 1 || length > 10) {
            return config_error(source, field, prefix + "fields", "a field's length must be 1 to 10 digits");
        }
        format.fields.push_back(scanner::ScaleField{kinds.at(text->substr(0, colon)), length});
        digits += length;
    }
    auto count = [&format](scanner::ScaleField::Kind wanted) {
        return std::count_if(format.fields.begin(), format.fields.end(),
                             [wanted](const scanner::ScaleField& field) { return field.kind == wanted; });
    };
    using Kind = scanner::ScaleField::Kind;
    // Catalog PLUs are 5 digits: a label with another PLU length would never find its item.
    bool plu_ok = count(Kind::plu) == 1 &&
                  std::find_if(format.fields.begin(), format.fields.end(), [](const scanner::ScaleField& field) {
                      return field.kind == Kind::plu && field.digits == 5;
                  }) != format.fields.end();
    if (!plu_ok) return config_error(source, table, prefix + "fields", "needs exactly one \"plu:5\" field");
    if (count(Kind::price) > 1 || count(Kind::weight) > 1) {
        return config_error(source, table, prefix + "fields", "has a price or weight field twice");
    }
    if (format.kind == scanner::BarcodeKind::priced && count(Kind::price) != 1) {
        return config_error(source, table, prefix + "fields", "a priced label needs a \"price:N\" field");
    }
    if (format.kind == scanner::BarcodeKind::weighed && count(Kind::price) + count(Kind::weight) == 0) {
        return config_error(source, table, prefix + "fields", "a weighed label needs a price or weight field");
    }
    if (digits != format.length) {
        return config_error(
            source, table, prefix + "fields",
            fmt::format("flag, fields and check digit make {} digits but length is {}", digits, format.length));
    }
    return format;
}

// A whole number from `low` to `high` at `prefix``key`, if the table has it.
core::Status read_whole(std::string_view source, const toml::table& table, std::string_view key,
                        std::string_view prefix, int64_t low, int64_t high, std::string_view unit, int64_t& out) {
    const toml::node* node = table.get(key);
    if (!node) return core::Done{};
    auto value = node->value<int64_t>();
    if (!node->is_integer() || !value || *value < low || *value > high) {
        return config_error(source, *node, fmt::format("{}{}", prefix, key),
                            fmt::format("must be a whole number from {} to {}{}", low, high, unit));
    }
    out = *value;
    return core::Done{};
}

// One of `choices` at `prefix``key`, if the table has it; `out` keeps its value otherwise.
core::Status read_choice(std::string_view source, const toml::table& table, std::string_view key,
                         std::string_view prefix, const std::vector<std::string_view>& choices, std::string& out) {
    if (auto read = read_string(source, table, key, prefix, out); !read) return read.error();
    if (std::find(choices.begin(), choices.end(), out) != choices.end()) return core::Done{};
    std::string listed;
    for (std::string_view choice : choices) {
        listed += fmt::format("{}\"{}\"", listed.empty() ? "" : choice == choices.back() ? " or " : ", ", choice);
    }
    return config_error(source, *table.get(key), fmt::format("{}{}", prefix, key), "must be " + listed);
}

// The serial port and line settings a [display] or [scale] table shares.
core::Status read_serial(std::string_view source, const toml::table& table, std::string_view prefix,
                         std::string_view default_line, std::string& port, drivers::serial::LineSettings& line) {
    if (auto read = read_string(source, table, "port", prefix, port); !read) return read.error();
    if (!table.contains("port")) {
        return config_error(source, table, fmt::format("{}port", prefix),
                            "is required: the device's serial port, like \"/dev/ttyUSB0\" (see posctl devices list)");
    }
    if (!port.starts_with("/")) {
        return config_error(source, *table.get("port"), fmt::format("{}port", prefix),
                            "must be the full path of the serial port, like \"/dev/ttyUSB0\" or \"/dev/ttyS0\"");
    }
    std::string text(default_line);
    if (auto read = read_string(source, table, "line", prefix, text); !read) return read.error();
    auto parsed = drivers::serial::parse_line_settings(text);
    if (!parsed) {
        return config_error(source, *table.get("line"), fmt::format("{}line", prefix), parsed.error().message);
    }
    line = *parsed;
    return core::Done{};
}

// [display] window = true: the customer's window on the second monitor, with the idle text.
core::Result<std::optional<CustomerWindowConfig>> read_customer_window(std::string_view source,
                                                                       const toml::table& table) {
    const toml::node* window = table.get("window");
    if (!window) return std::optional<CustomerWindowConfig>{};
    if (!window->is_boolean()) {
        return config_error(source, *window, "display.window",
                            "must be true (a dual-screen till: the customer's window on the second monitor) or false");
    }
    if (!window->value_or(false)) return std::optional<CustomerWindowConfig>{};
    CustomerWindowConfig config;
    if (auto read = read_string(source, table, "idle_text", "display.", config.idle_text); !read) return read.error();
    return std::optional<CustomerWindowConfig>{std::move(config)};
}

// [display] kind = "led8" | "vfd" | "none", port, line, timeout_ms, idle_text and the model's options.
// `kind` may be left out only on a dual-screen till with no serial display (window = true).
core::Result<std::optional<DisplayConfig>> read_display(std::string_view source, const toml::table& table) {
    namespace display = drivers::display;
    if (auto keys = check_keys(
            source, table, "display.",
            {"kind", "port", "line", "timeout_ms", "idle_text", "lamp_codes", "commands", "charset", "window"});
        !keys) {
        return keys.error();
    }
    const toml::node* window = table.get("window");
    if (!table.contains("kind") && window && window->value_or(false)) return std::optional<DisplayConfig>{};
    if (!table.contains("kind")) {
        return config_error(source, table, "display.kind", "is required: \"led8\", \"vfd\" or \"none\"");
    }
    std::string kind;
    if (auto read = read_choice(source, table, "kind", "display.", {"led8", "vfd", "none"}, kind); !read)
        return read.error();
    if (kind == "none") return std::optional<DisplayConfig>{};
    DisplayConfig config;
    config.model = kind == "led8" ? display::DisplayModel::led8 : display::DisplayModel::vfd;
    if (auto read =
            read_serial(source, table, "display.", kind == "led8" ? "2400 8N1" : "9600 8N1", config.port, config.line);
        !read) {
        return read.error();
    }
    int64_t timeout = config.timeout_ms;
    if (auto read = read_whole(source, table, "timeout_ms", "display.", 50, 10000, " (milliseconds)", timeout); !read)
        return read.error();
    config.timeout_ms = int(timeout);
    if (auto read = read_string(source, table, "idle_text", "display.", config.idle_text); !read) return read.error();
    // Options of the other model are refused: a lamp setting on a VFD is a sign the kind is wrong.
    for (std::string_view key : {"lamp_codes", "commands", "charset"}) {
        bool led8_key = key == "lamp_codes";
        if (table.contains(key) && led8_key != (kind == "led8")) {
            return config_error(source, *table.get(key), fmt::format("display.{}", key),
                                fmt::format("is for kind = \"{}\" displays only", led8_key ? "led8" : "vfd"));
        }
    }
    std::string lamp_codes = "ascii", commands = "cd5220", charset = "gb2312";
    if (auto read = read_choice(source, table, "lamp_codes", "display.", {"ascii", "binary"}, lamp_codes); !read)
        return read.error();
    if (auto read = read_choice(source, table, "commands", "display.", {"cd5220", "epson"}, commands); !read)
        return read.error();
    if (auto read = read_choice(source, table, "charset", "display.", {"gb2312", "ascii"}, charset); !read)
        return read.error();
    config.led8.lamp_codes = lamp_codes == "binary" ? display::LampCodes::binary : display::LampCodes::ascii;
    config.vfd.commands = commands == "epson" ? display::VfdCommands::epson : display::VfdCommands::cd5220;
    config.vfd.charset = charset == "ascii" ? display::VfdCharset::ascii : display::VfdCharset::gb2312;
    return std::optional<DisplayConfig>{std::move(config)};
}

// [scale] kind = "toledo8217" | "continuous" | "none", port, line, timeout_ms, min_grams, max_grams.
core::Result<std::optional<ScaleConfig>> read_scale(std::string_view source, const toml::table& table) {
    if (auto keys =
            check_keys(source, table, "scale.", {"kind", "port", "line", "timeout_ms", "min_grams", "max_grams"});
        !keys) {
        return keys.error();
    }
    if (!table.contains("kind")) {
        return config_error(source, table, "scale.kind", "is required: \"toledo8217\", \"continuous\" or \"none\"");
    }
    std::string kind;
    if (auto read = read_choice(source, table, "kind", "scale.", {"toledo8217", "continuous", "none"}, kind); !read)
        return read.error();
    if (kind == "none") return std::optional<ScaleConfig>{};
    ScaleConfig config;
    config.protocol =
        kind == "toledo8217" ? drivers::scale::ScaleProtocol::toledo8217 : drivers::scale::ScaleProtocol::continuous;
    if (auto read = read_serial(source, table, "scale.", kind == "toledo8217" ? "9600 7E1" : "9600 8N1", config.port,
                                config.line);
        !read) {
        return read.error();
    }
    int64_t timeout = config.timeout_ms;
    if (auto read = read_whole(source, table, "timeout_ms", "scale.", 50, 10000, " (milliseconds)", timeout); !read)
        return read.error();
    config.timeout_ms = int(timeout);
    if (auto read = read_whole(source, table, "min_grams", "scale.", 1, 100000, " (grams)", config.min_grams); !read)
        return read.error();
    if (auto read = read_whole(source, table, "max_grams", "scale.", 1, 100000, " (grams)", config.max_grams); !read)
        return read.error();
    if (config.max_grams <= config.min_grams) {
        const toml::node* at = table.contains("max_grams") ? table.get("max_grams") : table.get("min_grams");
        return config_error(source, *at, "scale.max_grams",
                            fmt::format("({}) must be more than min_grams ({})", config.max_grams, config.min_grams));
    }
    return std::optional<ScaleConfig>{std::move(config)};
}

// Names for a message: "F1, F3, F7".
std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
    return text;
}

// The keys no action of `context` has.
std::vector<std::string> free_keys(const std::map<std::string, std::string>& bindings, std::string_view context) {
    std::vector<std::string> free;
    for (std::string_view key : bindable_keys()) {
        bool used = false;
        for (const KeyAction& action : key_actions()) {
            if (action.context == context && bindings.at(std::string(action.name)) == key) used = true;
        }
        if (!used) free.emplace_back(key);
    }
    return free;
}

// [keys] action = "KEY": moves an action to another key. Unknown actions and keys, and a key that
// would do two actions on one screen, are errors naming the line and what to do.
core::Status read_keys(std::string_view source, const toml::node& node, std::map<std::string, std::string>& bindings) {
    const toml::table* table = node.as_table();
    if (!table) return config_error(source, node, "keys", "must be a [keys] table of action = \"KEY\" lines");
    std::map<std::string, const toml::node*> set_at;  // the line each binding came from
    for (const auto& [name, value] : *table) {
        std::string key = fmt::format("keys.{}", name.str());
        if (!bindings.contains(std::string(name.str()))) {
            std::vector<std::string> names;
            for (const auto& [action, _] : bindings) names.push_back(action);
            return config_error(source, value, key,
                                "unknown action; the actions are " + joined(names) + " (docs/keys.md)");
        }
        auto text = value.value<std::string>();
        auto bound = text ? bindable_key(*text) : std::nullopt;
        if (!bound) {
            std::vector<std::string> names(bindable_keys().begin(), bindable_keys().end());
            std::string what =
                text ? fmt::format("\"{}\" is not a key an action can have", *text) : "must be a key name in quotes";
            return config_error(source, value, key,
                                what + "; use one of " + joined(names) + ", like void_line = \"F6\"");
        }
        bindings[std::string(name.str())] = *bound;
        set_at[std::string(name.str())] = &value;
    }
    // Two actions of one screen on one key: reported at the line that moved a key there.
    for (const KeyAction& action : key_actions()) {
        for (const KeyAction& other : key_actions()) {
            if (other.context != action.context || other.name <= action.name) continue;
            const std::string& key = bindings.at(std::string(action.name));
            if (bindings.at(std::string(other.name)) != key) continue;
            std::string moved(set_at.contains(std::string(other.name)) ? other.name : action.name);
            std::string kept(moved == action.name ? other.name : action.name);
            std::string why = set_at.contains(kept) ? "also set" : "its default";
            return config_error(
                source, *set_at.at(moved), "keys." + moved,
                fmt::format("{} is already the key of {} on the {} screen ({}); give one of them another "
                            "key, e.g. {} = \"{}\" (free there: {})",
                            key, kept, action.context, why, kept,
                            free_keys(bindings, action.context).empty() ? std::string("F1")
                                                                        : free_keys(bindings, action.context).front(),
                            joined(free_keys(bindings, action.context))));
        }
    }
    return core::Done{};
}

}  // namespace

core::Result<LaneConfig> parse_config(std::string_view toml_text, std::string_view source) {
    toml::table root;
    try {
        // Debian's toml++ is built with exceptions: a syntax error arrives as parse_error.
        root = toml::parse(toml_text, std::string(source));
    } catch (const toml::parse_error& error) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("{}:{}: {}", source, error.source().begin.line, error.description()));
    }
    if (auto keys = check_keys(source, root, "",
                               {"store", "lane", "store_database", "cash_rounding", "barcode", "approvals", "devices",
                                "receipt", "security", "keys", "payments", "head_office", "display", "scale"});
        !keys) {
        return keys.error();
    }
    LaneConfig config;

    if (const toml::table* store = root.get_as<toml::table>("store")) {
        if (auto keys = check_keys(source, *store, "store.", {"name", "address", "tax_id"}); !keys) return keys.error();
        for (auto [key, out] : {std::pair{"name", &config.store_name}, std::pair{"address", &config.store_address},
                                std::pair{"tax_id", &config.store_tax_id}}) {
            if (auto read = read_string(source, *store, key, "store.", *out); !read) return read.error();
        }
    }
    if (const toml::table* lane = root.get_as<toml::table>("lane")) {
        if (auto keys = check_keys(source, *lane, "lane.", {"number", "language"}); !keys) return keys.error();
        if (const toml::node* number = lane->get("number")) {
            auto value = number->value<int64_t>();
            if (!value || *value < 1 || *value > 999)
                return config_error(source, *number, "lane.number", "must be a whole number from 1 to 999");
            config.lane = int(*value);
        }
        if (auto read = read_string(source, *lane, "language", "lane.", config.language); !read) return read.error();
        if (config.language != "zh_CN" && config.language != "en") {
            return config_error(source, *lane->get("language"), "lane.language", "must be \"zh_CN\" or \"en\"");
        }
    }
    if (const toml::table* office = root.get_as<toml::table>("head_office")) {
        if (auto keys = check_keys(source, *office, "head_office.", {"conninfo", "password_file"}); !keys)
            return keys.error();
        if (auto read = read_string(source, *office, "conninfo", "head_office.", config.head_office_conninfo); !read)
            return read.error();
        if (auto read = read_string(source, *office, "password_file", "head_office.", config.head_office_password_file);
            !read)
            return read.error();
        if (config.head_office_conninfo.find("password=") != std::string::npos) {
            return config_error(source, *office->get("conninfo"), "head_office.conninfo",
                                "must not hold the password: put it in password_file (mode 0600) or ~/.pgpass");
        }
    }
    if (const toml::table* database = root.get_as<toml::table>("store_database")) {
        if (auto keys = check_keys(source, *database, "store_database.", {"path", "url", "token", "pin"}); !keys)
            return keys.error();
        if (auto read = read_string(source, *database, "path", "store_database.", config.store_db_path); !read)
            return read.error();
        if (auto read = read_string(source, *database, "url", "store_database.", config.store_url); !read)
            return read.error();
        if (auto read = read_string(source, *database, "token", "store_database.", config.store_token); !read)
            return read.error();
        if (auto read = read_string(source, *database, "pin", "store_database.", config.store_pin); !read)
            return read.error();
        if (!config.store_url.empty()) {
            if (auto refused = sync::refuse_store_url(config.store_url, config.store_pin)) {
                bool about_pin = config.store_url.starts_with("https://") && database->contains("pin");
                return config_error(source, *database->get(about_pin ? "pin" : "url"),
                                    about_pin ? "store_database.pin" : "store_database.url", *refused);
            }
            config.store_pin = sync::normalize_pin(config.store_pin).value_or("");
        }
        if (!config.store_url.empty() && config.store_token.empty()) {
            return config_error(
                source, *database->get("url"), "store_database.token",
                "is needed with a url: run `pos-store token add --lane N` on the store server and copy it here");
        }
        if (database->contains("path") && database->contains("url")) {
            return config_error(source, *database->get("url"), "store_database.url",
                                "and path cannot both be set: path is for one machine, url for pos-store");
        }
    }
    if (const toml::table* rounding = root.get_as<toml::table>("cash_rounding")) {
        if (auto keys = check_keys(source, *rounding, "cash_rounding.", {"step", "mode"}); !keys) return keys.error();
        std::string step = "jiao", mode = "down";
        if (auto read = read_string(source, *rounding, "step", "cash_rounding.", step); !read) return read.error();
        if (auto read = read_string(source, *rounding, "mode", "cash_rounding.", mode); !read) return read.error();
        auto parsed_step = core::parse_rounding_step(step);
        if (!parsed_step)
            return config_error(source, *rounding->get("step"), "cash_rounding.step",
                                "must be \"none\", \"jiao\" or \"yuan\"");
        auto parsed_mode = core::parse_rounding_mode(mode);
        if (!parsed_mode)
            return config_error(source, *rounding->get("mode"), "cash_rounding.mode",
                                "must be \"down\", \"nearest\" or \"up\"");
        config.cash_rounding = core::CashRounding{*parsed_step, *parsed_mode};
    }
    if (const toml::table* security = root.get_as<toml::table>("security")) {
        if (auto keys =
                check_keys(source, *security, "security.", {"lockout_minutes", "approver_pin_digits", "scripted_time"});
            !keys) {
            return keys.error();
        }
        if (const toml::node* digits = security->get("approver_pin_digits")) {
            auto value = digits->value<int64_t>();
            if (!digits->is_integer() || !value || *value < 6 || *value > 8) {
                return config_error(source, *digits, "security.approver_pin_digits",
                                    "must be a whole number from 6 to 8 (approver PINs are never shorter than 6)");
            }
            config.approver_pin_digits = int(*value);
        }
        if (const toml::node* scripted = security->get("scripted_time")) {
            if (!scripted->is_boolean()) {
                return config_error(source, *scripted, "security.scripted_time", "must be true or false");
            }
            config.scripted_time = scripted->value_or(false);
        }
        if (const toml::node* minutes = security->get("lockout_minutes")) {
            auto value = minutes->value<int64_t>();
            if (!minutes->is_integer() || !value || *value < 1 || *value > 1440) {
                return config_error(source, *minutes, "security.lockout_minutes",
                                    "must be a whole number from 1 to 1440");
            }
            config.lockout_minutes = *value;
        }
    }
    if (const toml::table* approvals = root.get_as<toml::table>("approvals")) {
        if (auto keys = check_keys(source, *approvals, "approvals.",
                                   {"pay_out_above", "variance_above", "override_cashier_percent",
                                    "override_supervisor_percent", "override_manager_percent"});
            !keys) {
            return keys.error();
        }
        for (auto [key, out] : {std::pair{"override_cashier_percent", &config.override_cashier_percent},
                                std::pair{"override_supervisor_percent", &config.override_supervisor_percent},
                                std::pair{"override_manager_percent", &config.override_manager_percent}}) {
            const toml::node* node = approvals->get(key);
            if (!node) continue;
            auto value = node->value<int64_t>();
            if (!node->is_integer() || !value || *value < 0 || *value > 100) {
                return config_error(source, *node, std::string("approvals.") + key,
                                    "must be a whole number from 0 to 100 (percent)");
            }
            *out = int(*value);
        }
        for (auto [key, out] : {std::pair{"pay_out_above", &config.pay_out_approval_above},
                                std::pair{"variance_above", &config.variance_approval_above}}) {
            std::string text;
            if (auto read = read_string(source, *approvals, key, "approvals.", text); !read) return read.error();
            if (text.empty()) continue;
            auto amount = core::Money::parse(text);
            if (!amount || amount->is_negative()) {
                return config_error(source, *approvals->get(key), std::string("approvals.") + key,
                                    "must be an amount in yuan as a string, like \"100.00\"");
            }
            *out = *amount;
        }
    }
    if (const toml::table* barcode = root.get_as<toml::table>("barcode")) {
        if (auto keys = check_keys(source, *barcode, "barcode.", {"scale"}); !keys) return keys.error();
        if (const toml::node* scale_node = barcode->get("scale")) {
            const toml::array* scales = scale_node->as_array();
            if (!scales)
                return config_error(source, *scale_node, "barcode.scale", "must be a list of [[barcode.scale]] tables");
            config.nomenclature.scale_formats.clear();
            size_t index = 0;
            for (const toml::node& entry : *scales) {
                const toml::table* table = entry.as_table();
                if (!table) return config_error(source, entry, "barcode.scale", "each entry must be a table");
                auto format = read_scale_format(source, *table, index++);
                if (!format) return format.error();
                config.nomenclature.scale_formats.push_back(std::move(*format));
            }
        }
    }
    if (const toml::table* devices = root.get_as<toml::table>("devices")) {
        if (auto keys = check_keys(source, *devices, "devices.", {"scanners", "printers", "printer_profile"}); !keys) {
            return keys.error();
        }
        for (auto [key, out, example] : {std::tuple{"scanners", &config.scanners, "0c2e:0967"},
                                         std::tuple{"printers", &config.printers, "0416:5011"}}) {
            const toml::node* list = devices->get(key);
            if (!list) continue;
            std::string name = std::string("devices.") + key;
            const toml::array* ids = list->as_array();
            if (!ids) return config_error(source, *list, name, fmt::format("must be a list like [\"{}\"]", example));
            for (const toml::node& entry : *ids) {
                auto text = entry.value<std::string>();
                auto id = text ? drivers::usb::parse_vid_pid(*text) : std::nullopt;
                if (!id) {
                    return config_error(
                        source, entry, name,
                        fmt::format("each entry must be a USB VID:PID like \"{}\" (see posctl devices list)", example));
                }
                out->push_back(*id);
            }
        }
        if (auto read = read_string(source, *devices, "printer_profile", "devices.", config.printer_profile); !read) {
            return read.error();
        }
        if (config.printer_profile.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
            return config_error(
                source, *devices->get("printer_profile"), "devices.printer_profile",
                "must be a profile name from assets/printers, like \"generic-58\" or \"winbond-pos58\"");
        }
    }
    if (const toml::table* receipt = root.get_as<toml::table>("receipt")) {
        if (auto keys = check_keys(source, *receipt, "receipt.", {"code", "logo"}); !keys) return keys.error();
        if (auto read = read_string(source, *receipt, "code", "receipt.", config.receipt_code); !read)
            return read.error();
        if (config.receipt_code != "qr" && config.receipt_code != "code128") {
            return config_error(source, *receipt->get("code"), "receipt.code", "must be \"qr\" or \"code128\"");
        }
        if (auto read = read_string(source, *receipt, "logo", "receipt.", config.receipt_logo); !read)
            return read.error();
    }
    if (const toml::table* payments = root.get_as<toml::table>("payments")) {
        auto read = read_payment_config(source, *payments);
        if (!read) return read.error();
        config.payments = *read;
    }
    for (std::string_view name : {"display", "scale"}) {
        const toml::node* node = root.get(name);
        if (node && !node->is_table()) {
            return config_error(source, *node, name, fmt::format("must be a [{}] table", name));
        }
    }
    if (const toml::table* display = root.get_as<toml::table>("display")) {
        auto window = read_customer_window(source, *display);
        if (!window) return window.error();
        config.customer_window = std::move(*window);
        auto read = read_display(source, *display);
        if (!read) return read.error();
        config.display = std::move(*read);
    }
    if (const toml::table* scale = root.get_as<toml::table>("scale")) {
        auto read = read_scale(source, *scale);
        if (!read) return read.error();
        config.scale = std::move(*read);
    }
    if (const toml::node* keys = root.get("keys")) {
        if (auto read = read_keys(source, *keys, config.keys); !read) return read.error();
    }
    return config;
}

core::Result<LaneConfig> load_config(const std::string& data_dir) {
    std::filesystem::path path = std::filesystem::path(data_dir) / "pos.toml";
    if (!std::filesystem::exists(path)) return LaneConfig{};
    std::ifstream file(path);
    if (!file) return make_error(ErrorCode::io, path.string() + " cannot be read: check its permissions");
    std::stringstream text;
    text << file.rdbuf();
    return parse_config(text.str(), path.string());
}

}  // namespace pos::actions
