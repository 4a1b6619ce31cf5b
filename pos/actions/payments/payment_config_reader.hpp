// Reads pos.toml's [payments] table (for config.cpp only: it needs toml++).
#pragma once

#include <string_view>

#include <toml++/toml.h>

#include "pos/actions/payments/payment_config.hpp"

namespace pos::actions {

[[nodiscard]] core::Result<PaymentConfig> read_payment_config(std::string_view source, const toml::table& payments);

}  // namespace pos::actions
