// cycle_field: Tab and ↑↓ between a form's fields, wrapping, from outside the list to the first.
#include <doctest/doctest.h>

#include <vector>

#include "pos/ui/field_cycle.hpp"

namespace {

enum class Field { receipt, quantity, reason, approver, pin };

}  // namespace

TEST_CASE("field_cycle: next and previous wrap around the fields listed") {
    using pos::ui::cycle_field;
    CHECK(cycle_field(Field::reason, {Field::reason, Field::approver, Field::pin}) == Field::approver);
    CHECK(cycle_field(Field::pin, {Field::reason, Field::approver, Field::pin}) == Field::reason);
    CHECK(cycle_field(Field::reason, {Field::reason, Field::approver, Field::pin}, -1) == Field::pin);
    CHECK(cycle_field(Field::approver, {Field::reason, Field::approver, Field::pin}, -1) == Field::reason);
    CHECK(cycle_field(Field::approver, {Field::approver, Field::pin}) == Field::pin);
    CHECK(cycle_field(Field::pin, {Field::approver, Field::pin}) == Field::approver);
}

TEST_CASE("field_cycle: from a field not listed, the first one") {
    using pos::ui::cycle_field;
    CHECK(cycle_field(Field::receipt, {Field::quantity, Field::reason, Field::approver, Field::pin}) ==
          Field::quantity);
    CHECK(cycle_field(Field::receipt, {Field::approver, Field::pin}, -1) == Field::approver);
}

TEST_CASE("field_cycle: a list built at run time") {
    std::vector<Field> shown{Field::quantity, Field::reason};
    CHECK(pos::ui::cycle_field(Field::reason, std::span<const Field>(shown)) == Field::quantity);
}
