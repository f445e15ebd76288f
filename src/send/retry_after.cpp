// Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP date in any of the three formats a server may
// send (IMF-fixdate, the obsolete RFC 850 form, and asctime).
#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "tfq/send.hpp"

namespace tfq::send {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::optional<int> month_number(std::string_view name) {
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Seconds since the epoch of a broken-down UTC time, or nullopt when a field is out of range.
std::optional<std::time_t> utc_seconds(int year, int month, int day, int hour, int minute, int second) {
  // The clock counts nanoseconds in 64 bits (1677 to 2262): a year outside 1970-2200 would overflow it
  // and means no real Retry-After anyway.
  if (year < 1970 || year > 2200 || month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return timegm(&tm);
}

std::optional<std::time_t> parse_http_date(std::string_view text) {
  const std::string value(text);
  char weekday[16] = {}, month[4] = {}, zone[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, used = 0;
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (std::sscanf(value.c_str(), "%3s, %2d %3s %4d %2d:%2d:%2d %3s%n", weekday, &day, month, &year, &hour,
                  &minute, &second, zone, &used) == 8 &&
      static_cast<std::size_t>(used) == value.size() && std::string_view(zone) == "GMT") {
    if (auto m = month_number(month)) return utc_seconds(year, *m, day, hour, minute, second);
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years: 70-99 are 19xx, per RFC 9110 5.6.7 roughly)
  if (std::sscanf(value.c_str(), "%15[A-Za-z], %2d-%3s-%2d %2d:%2d:%2d %3s%n", weekday, &day, month, &year,
                  &hour, &minute, &second, zone, &used) == 8 &&
      static_cast<std::size_t>(used) == value.size() && std::string_view(zone) == "GMT") {
    if (auto m = month_number(month))
      return utc_seconds(year < 70 ? 2000 + year : 1900 + year, *m, day, hour, minute, second);
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  if (std::sscanf(value.c_str(), "%3s %3s %2d %2d:%2d:%2d %4d%n", weekday, month, &day, &hour, &minute,
                  &second, &year, &used) == 7 &&
      static_cast<std::size_t>(used) == value.size()) {
    if (auto m = month_number(month)) return utc_seconds(year, *m, day, hour, minute, second);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (value.find_first_not_of("0123456789") == std::string_view::npos) {
    std::uint64_t seconds = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    // Absurd values are clamped rather than overflowing: the retry budget caps them anyway.
    if (error == std::errc::result_out_of_range || seconds > 100'000'000) seconds = 100'000'000;
    (void)end;
    return std::chrono::duration_cast<Milliseconds>(std::chrono::seconds(seconds));
  }
  const auto when = parse_http_date(value);
  if (!when) return std::nullopt;
  const auto target = std::chrono::system_clock::from_time_t(*when);
  if (target <= now) return Milliseconds{0};
  return std::chrono::duration_cast<Milliseconds>(target - now);
}

}  // namespace tfq::send
