// The audit chain: canonical encoding, chaining, and the first break named for each kind of tampering.
#include <doctest/doctest.h>

#include <cstdio>

#include "pos/core/audit_chain.hpp"

using namespace pos::core;

namespace {

// FNV-1a as hex: a stand-in digest so the chain rules are tested without libsodium (pos/actions
// uses SHA-256; tests/e2e/audit_test.cpp checks that one against real files).
std::string fnv_hex(std::string_view bytes) {
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

std::vector<AuditEntry> chain_of(int count) {
    std::vector<AuditEntry> entries;
    for (int i = 0; i < count; ++i) {
        AuditEntry entry{0,
                         "2026-11-23T09:0" + std::to_string(i) + ":00+08:00",
                         1,
                         "sale",
                         "1001",
                         "",
                         "s" + std::to_string(i),
                         "{\"total\":\"10.00\"}",
                         {},
                         {}};
        std::optional<AuditEntry> previous;
        if (!entries.empty()) previous = entries.back();
        entries.push_back(chained(entry, previous, fnv_hex));
    }
    return entries;
}

}  // namespace

TEST_CASE("audit_chain: the encoding separates fields by length, so shifting a character between fields changes it") {
    AuditEntry a{1, "t", 1, "pay_out", "1001", "", "ref", "x|y", genesis_hash(), ""};
    AuditEntry b = a;
    b.ref = "refx|";
    b.detail = "y";
    CHECK(canonical_encoding(a) != canonical_encoding(b));
    CHECK(canonical_encoding(a).rfind("pos-audit-v1\nseq:1:1\nat:1:t\nlane:1:1\n", 0) == 0);
}

TEST_CASE("audit_chain: a chain links each record to the one before and verifies whole") {
    auto entries = chain_of(4);
    CHECK(entries[0].seq == 1);
    CHECK(entries[0].prev_hash == genesis_hash());
    CHECK(entries[3].seq == 4);
    CHECK(entries[3].prev_hash == entries[2].hash);
    CHECK_FALSE(find_break(entries, fnv_hex).has_value());
    CHECK_FALSE(find_break({}, fnv_hex).has_value());
}

TEST_CASE("audit_chain: a changed field is named by its record") {
    auto entries = chain_of(5);
    entries[2].detail = "{\"total\":\"1.00\"}";
    auto broken = find_break(entries, fnv_hex);
    REQUIRE(broken);
    CHECK(broken->seq == 3);
    CHECK(broken->message ==
          "record 3 (sale at 2026-11-23T09:02:00+08:00 by 1001) was changed or moved: "
          "its contents no longer match its hash");
}

TEST_CASE("audit_chain: a record changed with its hash rewritten is caught by the next record's link") {
    auto entries = chain_of(5);
    entries[1].actor = "1002";
    entries[1].hash = fnv_hex(canonical_encoding(entries[1]));
    auto broken = find_break(entries, fnv_hex);
    REQUIRE(broken);
    CHECK(broken->seq == 2);
    CHECK(broken->message.find(
              "record 2 (sale at 2026-11-23T09:01:00+08:00 by 1002) was changed, with its hash rewritten") == 0);
}

TEST_CASE("audit_chain: removed records are named, in the middle and at the end") {
    auto entries = chain_of(6);
    auto middle = entries;
    middle.erase(middle.begin() + 2);
    auto broken = find_break(middle, fnv_hex);
    REQUIRE(broken);
    CHECK(broken->seq == 3);
    CHECK(broken->message == "record 3 is missing: removed from the log (the next record present is 4)");

    auto two = entries;
    two.erase(two.begin() + 1, two.begin() + 3);
    CHECK(find_break(two, fnv_hex)->message ==
          "records 2 to 3 are missing: removed from the log (the next record present is 4)");

    auto tail = entries;
    tail.resize(4);
    CHECK_FALSE(find_break(tail, fnv_hex).has_value());  // nothing to compare with
    auto cut = find_break(tail, fnv_hex, 6);
    REQUIRE(cut);
    CHECK(cut->seq == 5);
    CHECK(cut->message == "records 5 to 6 were removed from the end of the log");

    auto first = entries;
    first.erase(first.begin());
    CHECK(find_break(first, fnv_hex)->seq == 1);
}

TEST_CASE("audit_chain: records swapped (renumbered to hide it) are caught at the first one moved") {
    auto entries = chain_of(5);
    std::swap(entries[1], entries[2]);
    entries[1].seq = 2;
    entries[2].seq = 3;
    auto broken = find_break(entries, fnv_hex);
    REQUIRE(broken);
    CHECK(broken->seq == 2);
    CHECK(broken->message.find("was changed or moved") != std::string::npos);
}
