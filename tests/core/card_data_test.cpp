// No card data: full card numbers refused in references, last four digits only.
#include <doctest/doctest.h>

#include "pos/core/card_data.hpp"

using namespace pos::core;

TEST_CASE("card_data: references that look like a card number are refused") {
    for (const char* pan : {"6222021234567890", "4111111111111111", "6222 0212 3456 7890", "REF 4111-1111-1111-1111",
                            "1234567890123", "1234567890123456789"}) {
        CAPTURE(pan);
        auto refused = check_card_reference(pan);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("the reference looks like a full card number") == 0);
    }
}

TEST_CASE("card_data: terminal references pass") {
    for (const char* reference : {"", "123456", "T01-000123", "REF 123456789012", "2026 1123 0915"}) {
        CAPTURE(reference);
        CHECK(check_card_reference(reference).ok());
    }
    CHECK_FALSE(check_card_reference("ab\x01"
                                     "c")
                    .ok());
    CHECK_FALSE(check_card_reference(std::string(65, 'a')).ok());
}

TEST_CASE("card_data: last four digits, and what the sale keeps") {
    CHECK(check_card_last4("1234").ok());
    CHECK(check_card_last4("").ok());
    CHECK_FALSE(check_card_last4("123").ok());
    CHECK_FALSE(check_card_last4("12345").ok());
    CHECK_FALSE(check_card_last4("12a4").ok());
    CHECK(card_reference("000123", "4321") == "000123 ****4321");
    CHECK(card_reference("", "4321") == "****4321");
    CHECK(card_reference("000123", "") == "000123");
}
