// Money in fen (int64 minor units) and quantities in thousandths: never floating point.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "pos/core/result.hpp"

namespace pos::core {

class Money {
public:
    constexpr Money() = default;
    [[nodiscard]] static constexpr Money fen(int64_t fen) { return Money(fen); }
    [[nodiscard]] static constexpr Money yuan(int64_t yuan) { return Money(yuan * 100); }

    // Parses "12.50", "12.5", "12", "-3.00"; rejects more than two decimals, junk and overflow.
    [[nodiscard]] static Result<Money> parse(std::string_view text);

    [[nodiscard]] constexpr int64_t in_fen() const { return fen_; }
    // "12.50", "-0.05": the decimal string used in JSON and CSV.
    [[nodiscard]] std::string to_string() const;

    constexpr auto operator<=>(const Money&) const = default;
    constexpr Money operator+(Money other) const { return Money(fen_ + other.fen_); }
    constexpr Money operator-(Money other) const { return Money(fen_ - other.fen_); }
    constexpr Money operator-() const { return Money(-fen_); }
    constexpr Money& operator+=(Money other) {
        fen_ += other.fen_;
        return *this;
    }
    constexpr Money& operator-=(Money other) {
        fen_ -= other.fen_;
        return *this;
    }
    [[nodiscard]] constexpr bool is_zero() const { return fen_ == 0; }
    [[nodiscard]] constexpr bool is_negative() const { return fen_ < 0; }

private:
    constexpr explicit Money(int64_t fen) : fen_(fen) {}
    int64_t fen_ = 0;
};

// A quantity in thousandths of a unit: 1 piece = 1000, 0.250 kg = 250 (grams for weighed goods).
class Quantity {
public:
    constexpr Quantity() = default;
    [[nodiscard]] static constexpr Quantity milli(int64_t thousandths) { return Quantity(thousandths); }
    [[nodiscard]] static constexpr Quantity units(int64_t units) { return Quantity(units * 1000); }
    [[nodiscard]] static constexpr Quantity grams(int64_t grams) { return Quantity(grams); }
    // The most one line may hold: 99,999 units (or kg).
    [[nodiscard]] static constexpr Quantity max_per_line() { return Quantity(99'999'000); }

    // Parses "3", "1.5", "0.250"; at most three decimals; must be positive and at most 99999.
    [[nodiscard]] static Result<Quantity> parse(std::string_view text);

    [[nodiscard]] constexpr int64_t in_milli() const { return milli_; }
    [[nodiscard]] constexpr bool is_whole() const { return milli_ % 1000 == 0; }
    // "3", "1.5", "0.25": shortest exact decimal.
    [[nodiscard]] std::string to_string() const;

    constexpr auto operator<=>(const Quantity&) const = default;
    constexpr Quantity operator+(Quantity other) const { return Quantity(milli_ + other.milli_); }

private:
    constexpr explicit Quantity(int64_t milli) : milli_(milli) {}
    int64_t milli_ = 0;
};

// price × quantity, rounded half-up (away from zero) to the fen: the per-line rounding rule.
[[nodiscard]] Money extend_price(Money unit_price, Quantity quantity);

}  // namespace pos::core
