// Dates and datetimes as the server writes them ('YYYY-MM-DD', 'YYYY-MM-DDTHH:MM:SS', no zone): strict
// parsing, and for a literal that is not valid, the reason and the corrected text when there is one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tfq::check {

struct Date {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const Date&, const Date&) = default;
};

// Why a literal is not a valid date or datetime, and the literal it probably meant.
struct LiteralProblem {
  std::string reason;       // "February 2018 has 28 days"
  std::string replacement;  // the corrected text, without quotes; empty when there is no safe guess
};

int days_in_month(int year, int month);
std::string format_date(const Date& date);  // 'YYYY-MM-DD' without quotes
Date first_of_next_month(const Date& date);

// Strict 'YYYY-MM-DD' naming a real day; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
// Why `text` is not a valid date; nullopt when it is one.
std::optional<LiteralProblem> date_problem(std::string_view text);

enum class DatetimeShape { valid, date_only, invalid };
struct DatetimeCheck {
  DatetimeShape shape = DatetimeShape::invalid;
  LiteralProblem problem;  // when invalid
};
// A datetime literal: valid 'YYYY-MM-DDTHH:MM:SS', a valid date alone, or invalid with the reason.
DatetimeCheck classify_datetime(std::string_view text);

}  // namespace tfq::check
