// The value domain of a field as the optimizer reasons about it: ordered, bounded below, discrete for
// integers, dates, months and datetimes, finite for enums, and nullable or not (per the catalog).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"

namespace tfq::opt {

enum class DomainKind : std::uint8_t {
  integer,      // 64-bit integers
  date,         // days since 1970-01-01, 'YYYY-MM-DD'
  month,        // months since 0000-01, printed as the 1st: 'YYYY-MM-01'
  datetime,     // seconds since 1970-01-01T00:00:00, 'YYYY-MM-DDTHH:MM:SS'
  string,       // byte strings, ordered by bytes; '' is the least, there is no greatest
  enumeration,  // an index into Domain::enum_values (sorted by bytes, so the order is the string order)
};

// Discrete domains hold their values as numbers, strings as views of text held elsewhere: of the clause's
// literals, which outlive the optimizer's working form, or of the strings a rule makes (Context::made).
struct Value : std::variant<std::int64_t, std::string_view> {
  using variant::variant;
  Value(std::string&&) = delete;  // the view would outlive the string
};

struct Domain {
  DomainKind kind = DomainKind::string;
  bool nullable = false;
  std::vector<std::string> enum_values;  // enumeration: the values, sorted by bytes

  bool discrete() const { return kind != DomainKind::string; }
  // The least value; every domain has one ('' for strings).
  Value min() const;
  // The greatest value of a discrete domain.
  std::int64_t max() const;

  // A literal operand as a value of this domain; nullopt when it is not one (the optimizer then leaves
  // the predicate alone). A month field reads dates: see month_of_day().
  std::optional<Value> parse(const Operand& literal) const;
  // The literal that denotes a value: a string for all but integers.
  Operand literal(const Value& value) const;
};

// The domain of a catalog field; nullopt for a field the optimizer cannot reason about (a metric).
std::optional<Domain> domain_of(const FieldInfo& field, const Catalog& catalog);

// Calendar arithmetic on the proleptic Gregorian calendar, years 0000 to 9999.
std::optional<std::int64_t> parse_date(std::string_view text);      // 'YYYY-MM-DD' -> days
std::optional<std::int64_t> parse_datetime(std::string_view text);  // 'YYYY-MM-DDTHH:MM:SS' -> seconds
std::string format_date(std::int64_t days);
std::string format_datetime(std::int64_t seconds);
// A day as the month holding it, and whether it is the 1st of that month.
struct MonthOfDay {
  std::int64_t month = 0;
  bool first_day = false;
};
MonthOfDay month_of_day(std::int64_t days);
std::int64_t first_day_of_month(std::int64_t month);

}  // namespace tfq::opt
