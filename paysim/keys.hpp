// The simulator's merchant set-up, made once by `pos-paysim init DIR`: the WeChat Pay API key,
// the two Alipay key pairs (the app's, whose private half the lane keeps; the gateway's, whose
// public half the lane keeps), and a self-signed certificate for 127.0.0.1 so lanes speak
// HTTPS to it. Secret files are written 0600.
#pragma once

#include <string>

#include "support/expected.hpp"

namespace pos::paysim {

struct SetupError {
    std::string message;
};

// Writes the files into `dir` (made if missing); existing files are kept, so a demo store's
// lanes keep working after a second init.
[[nodiscard]] support::Expected<support::Done, SetupError> write_merchant_files(const std::string& dir);

[[nodiscard]] support::Expected<std::string, SetupError> read_text(const std::string& path);

// The fixed demo merchant numbers the simulator answers to.
inline constexpr const char* demo_wechat_appid = "wx2421b1c4370ec43b";
inline constexpr const char* demo_wechat_mch_id = "10000100";
inline constexpr const char* demo_alipay_app_id = "2014072300007148";

}  // namespace pos::paysim
