// Field domains: literal parsing and printing, and the calendar arithmetic behind dates and months.
#include "optimize/domain.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace tfq::opt {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days, valid for every year tfq accepts.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

bool leap(std::int64_t y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Fixed-width digits at [pos, pos + n); nullopt when any is not a digit.
std::optional<unsigned> digits(std::string_view text, std::size_t pos, std::size_t n) {
  unsigned value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return value;
}

constexpr std::int64_t seconds_per_day = 86400;
constexpr std::int64_t last_month = 9999 * 12 + 11;

// Writes n as `width` digits at out (n < 10^width).
void put_digits(char* out, std::int64_t n, int width) {
  for (int i = width - 1; i >= 0; --i, n /= 10) out[i] = static_cast<char>('0' + n % 10);
}

}  // namespace

std::optional<std::int64_t> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
  return days_from_civil(*y, *m, *d);
}

std::optional<std::int64_t> parse_datetime(std::string_view text) {
  if (text.size() != 19 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  const auto days = parse_date(text.substr(0, 10));
  const auto h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!days || !h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
  return *days * seconds_per_day + *h * 3600 + *m * 60 + *s;
}

std::string format_date(std::int64_t days) {
  const Civil c = civil_from_days(days);
  if (c.year < 0 || c.year > 9999) {
    // Outside the years a date literal can spell: never a value of a domain, but printable all the same.
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month, c.day);
    return buffer;
  }
  std::string text = "0000-00-00";  // written in place: this runs for every date the optimizer prints
  put_digits(&text[0], c.year, 4);
  put_digits(&text[5], c.month, 2);
  put_digits(&text[8], c.day, 2);
  return text;
}

std::string format_datetime(std::int64_t seconds) {
  // Floor division: seconds before 1970 are negative.
  std::int64_t days = seconds / seconds_per_day;
  std::int64_t rest = seconds % seconds_per_day;
  if (rest < 0) {
    rest += seconds_per_day;
    --days;
  }
  std::string text = format_date(days) + "T00:00:00";
  char* time = &text[text.size() - 8];
  put_digits(time, rest / 3600, 2);
  put_digits(time + 3, rest / 60 % 60, 2);
  put_digits(time + 6, rest % 60, 2);
  return text;
}

MonthOfDay month_of_day(std::int64_t days) {
  const Civil c = civil_from_days(days);
  return {c.year * 12 + (c.month - 1), c.day == 1};
}

std::int64_t first_day_of_month(std::int64_t month) {
  return days_from_civil(month / 12, static_cast<unsigned>(month % 12) + 1, 1);
}

Value Domain::min() const {
  switch (kind) {
    case DomainKind::integer: return std::numeric_limits<std::int64_t>::min();
    case DomainKind::date: return days_from_civil(0, 1, 1);
    case DomainKind::month: return std::int64_t{0};
    case DomainKind::datetime: return days_from_civil(0, 1, 1) * seconds_per_day;
    case DomainKind::enumeration: return std::int64_t{0};
    case DomainKind::string: break;
  }
  return std::string_view();
}

std::int64_t Domain::max() const {
  switch (kind) {
    case DomainKind::integer: return std::numeric_limits<std::int64_t>::max();
    case DomainKind::date: return days_from_civil(9999, 12, 31);
    case DomainKind::month: return last_month;
    case DomainKind::datetime: return days_from_civil(9999, 12, 31) * seconds_per_day + seconds_per_day - 1;
    case DomainKind::enumeration: return static_cast<std::int64_t>(enum_values.size()) - 1;
    case DomainKind::string: break;
  }
  return 0;
}

std::optional<Value> Domain::parse(const Operand& literal) const {
  if (kind == DomainKind::integer) {
    if (literal.kind != Operand::Kind::integer) return std::nullopt;
    return literal.integer_value();
  }
  if (literal.kind != Operand::Kind::string) return std::nullopt;
  switch (kind) {
    case DomainKind::date:
    case DomainKind::month:  // a month field is compared with days; the Sarg maps them onto months
      if (auto days = parse_date(literal.text)) return *days;
      return std::nullopt;
    case DomainKind::datetime:
      if (auto seconds = parse_datetime(literal.text)) return *seconds;
      return std::nullopt;
    case DomainKind::enumeration: {
      const auto it = std::lower_bound(enum_values.begin(), enum_values.end(), literal.text);
      if (it == enum_values.end() || *it != literal.text) return std::nullopt;
      return static_cast<std::int64_t>(it - enum_values.begin());
    }
    case DomainKind::string: return literal.text;
    case DomainKind::integer: break;
  }
  return std::nullopt;
}

Operand Domain::literal(const Value& value) const {
  Operand operand;
  if (kind == DomainKind::integer) {
    operand.kind = Operand::Kind::integer;
    operand.text = std::to_string(std::get<std::int64_t>(value));
    return operand;
  }
  operand.kind = Operand::Kind::string;
  switch (kind) {
    case DomainKind::date: operand.text = format_date(std::get<std::int64_t>(value)); break;
    case DomainKind::month:
      operand.text = format_date(first_day_of_month(std::get<std::int64_t>(value)));
      break;
    case DomainKind::datetime: operand.text = format_datetime(std::get<std::int64_t>(value)); break;
    case DomainKind::enumeration:
      operand.text = enum_values.at(static_cast<std::size_t>(std::get<std::int64_t>(value)));
      break;
    case DomainKind::string: operand.text = std::get<std::string_view>(value); break;
    case DomainKind::integer: break;
  }
  return operand;
}

}  // namespace tfq::opt
