// PIN hashing (argon2id via libsodium) and random identifiers.
#pragma once

#include <string>
#include <string_view>

#include "pos/core/result.hpp"

namespace pos::actions {

// crypto_pwhash_str with the interactive limits: salted, slow to brute-force, never reversible.
[[nodiscard]] core::Result<std::string> hash_pin(std::string_view pin);
[[nodiscard]] bool verify_pin(std::string_view pin, const std::string& stored_hash);

// A random (version 4) UUID, lower-case hex with dashes: the identity of sales and shifts.
[[nodiscard]] std::string new_uuid();

}  // namespace pos::actions
