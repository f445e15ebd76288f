// Date and datetime literals: the strict forms the server documents, and a lenient reading of near misses
// ('2018-1-1', '2018/01/01', '2018-03-01 16:24:53') so that a diagnostic can offer the corrected text.
#include "check/dates.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace tfq::check {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads 1 to max_digits digits at text[pos]; advances pos. -1 when there is no digit.
int read_number(std::string_view text, std::size_t& pos, std::size_t min_digits, std::size_t max_digits) {
  const std::size_t begin = pos;
  int value = 0;
  while (pos < text.size() && pos - begin < max_digits && is_digit(text[pos]))
    value = value * 10 + (text[pos++] - '0');
  return pos - begin < min_digits ? -1 : value;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Why year-month-day is not a real day, or "" when it is.
std::string calendar_problem(const Date& d) {
  if (d.year < 1) return "there is no year 0";
  if (d.month < 1 || d.month > 12) return "there is no month " + std::to_string(d.month);
  if (d.day < 1) return "there is no day 0";
  const int days = days_in_month(d.year, d.month);
  if (d.day <= days) return "";
  if (d.month == 2 && d.day == 29) return std::to_string(d.year) + " is not a leap year";
  return std::string(kMonthNames[d.month - 1]) + " " + std::to_string(d.year) + " has " +
         std::to_string(days) + " days";
}

// 'YYYY-MM-DD' exactly, calendar not checked; pos ends after it.
std::optional<Date> read_strict_date(std::string_view text, std::size_t& pos) {
  Date d;
  d.year = read_number(text, pos, 4, 4);
  if (d.year < 0 || pos >= text.size() || text[pos++] != '-') return std::nullopt;
  d.month = read_number(text, pos, 2, 2);
  if (d.month < 0 || pos >= text.size() || text[pos++] != '-') return std::nullopt;
  d.day = read_number(text, pos, 2, 2);
  if (d.day < 0) return std::nullopt;
  return d;
}

// A whole-text near miss: 4-digit year, 1 or 2 digit month and day, separated by one of - / . alike.
std::optional<Date> read_lenient_date(std::string_view text) {
  std::size_t pos = 0;
  Date d;
  d.year = read_number(text, pos, 4, 4);
  if (d.year < 0 || pos >= text.size()) return std::nullopt;
  const char separator = text[pos++];
  if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
  d.month = read_number(text, pos, 1, 2);
  if (d.month < 0 || pos >= text.size() || text[pos++] != separator) return std::nullopt;
  d.day = read_number(text, pos, 1, 2);
  if (d.day < 0 || pos != text.size()) return std::nullopt;
  return d;
}

const char* const kDateForm = "dates are written 'YYYY-MM-DD'";
const char* const kDatetimeForm = "datetimes are written 'YYYY-MM-DDTHH:MM:SS'";

// 'HH:MM' or 'HH:MM:SS' at pos; seconds are -1 when absent.
bool read_time(std::string_view text, std::size_t& pos, int& hour, int& minute, int& second) {
  hour = read_number(text, pos, 2, 2);
  if (hour < 0 || pos >= text.size() || text[pos++] != ':') return false;
  minute = read_number(text, pos, 2, 2);
  if (minute < 0) return false;
  second = -1;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    second = read_number(text, pos, 2, 2);
    if (second < 0) return false;
  }
  return true;
}

std::string clock_problem(int hour, int minute, int second) {
  if (hour > 23) return "there is no hour " + std::to_string(hour);
  if (minute > 59) return "there is no minute " + std::to_string(minute);
  if (second > 59) return "there is no second " + std::to_string(second);
  return "";
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::string format_date(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

Date first_of_next_month(const Date& date) {
  return date.month == 12 ? Date{date.year + 1, 1, 1} : Date{date.year, date.month + 1, 1};
}

std::optional<Date> parse_date(std::string_view text) {
  std::size_t pos = 0;
  std::optional<Date> d = read_strict_date(text, pos);
  if (!d || pos != text.size() || !calendar_problem(*d).empty()) return std::nullopt;
  return d;
}

std::optional<LiteralProblem> date_problem(std::string_view text) {
  std::size_t pos = 0;
  if (std::optional<Date> d = read_strict_date(text, pos)) {
    std::string problem = calendar_problem(*d);
    if (!problem.empty()) return LiteralProblem{std::move(problem), ""};
    if (pos == text.size()) return std::nullopt;
    if (text[pos] == 'T' || text[pos] == ' ')
      return LiteralProblem{"a date has no time of day", format_date(*d)};
    return LiteralProblem{kDateForm, ""};
  }
  if (std::optional<Date> d = read_lenient_date(text)) {
    std::string problem = calendar_problem(*d);
    if (!problem.empty()) return LiteralProblem{std::move(problem), ""};
    return LiteralProblem{kDateForm, format_date(*d)};
  }
  return LiteralProblem{kDateForm, ""};
}

DatetimeCheck classify_datetime(std::string_view text) {
  const auto invalid = [](std::string reason, std::string replacement = {}) {
    return DatetimeCheck{DatetimeShape::invalid, {std::move(reason), std::move(replacement)}};
  };
  std::size_t pos = 0;
  std::optional<Date> d = read_strict_date(text, pos);
  if (!d) {
    if (std::optional<LiteralProblem> p = date_problem(text); p && p->reason != kDateForm)
      return invalid(p->reason);
    return invalid(kDatetimeForm);
  }
  if (std::string problem = calendar_problem(*d); !problem.empty()) return invalid(problem);
  if (pos == text.size()) return {DatetimeShape::date_only, {}};
  const char separator = text[pos++];
  int hour = 0, minute = 0, second = 0;
  if ((separator != 'T' && separator != ' ') || !read_time(text, pos, hour, minute, second))
    return invalid(kDatetimeForm);
  if (std::string problem = clock_problem(hour, minute, second); !problem.empty()) return invalid(problem);
  if (pos < text.size()) {
    const char rest = text[pos];
    if (rest == 'Z' || rest == '+' || rest == '-') return invalid("the server's datetimes have no time zone");
    if (rest == '.' && second >= 0) return invalid("the server's datetimes have whole seconds");
    return invalid(kDatetimeForm);
  }
  if (separator == 'T' && second >= 0) return {DatetimeShape::valid, {}};
  // Built only here: a valid datetime, the common case, costs no string.
  std::string corrected(text.substr(0, 10));
  corrected += 'T';
  corrected += text.substr(11, second < 0 ? 5 : 8);
  if (second < 0) corrected += ":00";
  return invalid(kDatetimeForm, std::move(corrected));
}

}  // namespace tfq::check
