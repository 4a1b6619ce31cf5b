// libsodium wrappers: argon2id PIN hashes and random UUIDs.
#include "pos/actions/access/secrets.hpp"

#include <sodium.h>

#include <array>
#include <cstdio>

namespace pos::actions {
namespace {

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

}  // namespace

core::Result<std::string> hash_pin(std::string_view pin) {
    if (!sodium_ready()) return core::make_error(core::ErrorCode::internal, "libsodium failed to start");
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return core::make_error(core::ErrorCode::internal, "not enough memory to hash the PIN");
    }
    return std::string(out.data());
}

bool verify_pin(std::string_view pin, const std::string& stored_hash) {
    if (!sodium_ready()) return false;
    return crypto_pwhash_str_verify(stored_hash.c_str(), pin.data(), pin.size()) == 0;
}

std::string new_uuid() {
    (void)sodium_ready();
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
    char text[37];
    std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                  bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                  bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
    return text;
}

}  // namespace pos::actions
