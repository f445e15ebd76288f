// A literal against its field's type: kinds (string or integer), dates, datetimes, usageMonth's 1st day,
// and enum values.
#include "check/checker.hpp"
#include "check/dates.hpp"
#include "text/word.hpp"

namespace tfq::check {
namespace {

bool is_integer_text(std::string_view text) {
  const std::size_t digits = !text.empty() && text[0] == '-' ? 1 : 0;
  if (text.size() == digits || text.size() - digits > 18) return false;  // 18 digits always fit in 64 bits
  return text.find_first_not_of("0123456789", digits) == std::string_view::npos;
}

bool is_decimal_text(std::string_view text) {
  const std::size_t point = text.find('.');
  return point != std::string_view::npos && point + 1 < text.size() &&
         is_integer_text(text.substr(0, point)) &&
         text.find_first_not_of("0123456789", point + 1) == std::string_view::npos;
}

// 20180101 read as the date it spells, when it is one.
std::optional<Date> compact_date(const std::string& digits) {
  if (digits.size() != 8) return std::nullopt;
  return parse_date(digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6));
}

std::string join_values(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : ", ") + quote(value);
  return out;
}

// The number in a quoted literal written bare, with a space on each side that a word touches: '1'AND must
// become 1 AND, since 1AND is no token.
std::string unquoted(const Operand& literal) {
  std::string out = literal.word_before && text::is_word_char(literal.text.front()) ? " " : "";
  out += literal.text;
  if (literal.word_after) out += ' ';
  return out;
}

}  // namespace

bool Checker::check_value(const FieldInfo& field, const Operand& literal, CompareOp op) {
  const bool is_string = literal.kind == Operand::Kind::string;
  switch (field.type) {
    case FieldType::string: break;
    case FieldType::integer:
    case FieldType::number:
      if (!is_string) return true;
      if (is_integer_text(literal.text)) {
        const char* type = field.type == FieldType::integer ? "' is an integer field" : "' is a number field";
        Diagnostic& d = report(Code::type_mismatch, literal.range,
                               "'" + field.name + type + ", but " + spelled(literal) + " is a quoted number");
        d.help = "write the number without quotes: " + literal.text;
        d.fixes.push_back({literal.range, unquoted(literal)});
        return false;
      }
      if (field.type == FieldType::integer && is_decimal_text(literal.text)) {
        Diagnostic& d =
            report(Code::type_mismatch, literal.range,
                   "'" + field.name + "' is an integer field, but " + spelled(literal) + " is a decimal");
        d.help = "'" + field.name + "' holds whole numbers, written without quotes";
        return false;
      }
      break;
    case FieldType::date:
    case FieldType::month:
      if (is_string) {
        check_date(field, literal, op);
        return true;
      }
      report_type_mismatch(field, literal);
      if (std::optional<Date> d = compact_date(literal.text)) {
        out_.back().help = "dates are quoted strings: " + quote(format_date(*d));
        out_.back().fixes.push_back({literal.range, quote(format_date(*d))});
      } else {
        out_.back().help = "dates are quoted strings: 'YYYY-MM-DD'";
      }
      return false;
    case FieldType::datetime:
      if (is_string) {
        check_datetime(field, literal);
        return true;
      }
      report_type_mismatch(field, literal);
      out_.back().help = "datetimes are quoted strings: 'YYYY-MM-DDTHH:MM:SS'";
      return false;
    case FieldType::enumeration:
      if (is_string) {
        check_enum_value(field, literal);
        return true;
      }
      report_type_mismatch(field, literal);
      if (const EnumInfo* values = catalog_.find_enum(field.enum_name)) {
        out_.back().help = "the values of '" + field.name + "' are " + join_values(values->values);
      }
      return false;
  }
  // Strings for a string field and integers for a number field fit; the rest do not.
  if (is_string == (field.type == FieldType::string)) return true;
  report_type_mismatch(field, literal);
  return false;
}

void Checker::check_date(const FieldInfo& field, const Operand& literal, CompareOp op) {
  if (std::optional<LiteralProblem> problem = date_problem(literal.text)) {
    Diagnostic& d = report(Code::invalid_date, literal.range,
                           "invalid date " + spelled(literal) + ": " + problem->reason);
    if (!problem->replacement.empty()) {
      d.help = "write " + quote(problem->replacement);
      d.fixes.push_back({literal.range, quote(problem->replacement)});
    } else {
      d.help = "'" + field.name + "' takes dates written 'YYYY-MM-DD'";
    }
    return;
  }
  if (field.type == FieldType::month) check_month_day(field, literal, op);
}

void Checker::check_datetime(const FieldInfo& field, const Operand& literal) {
  const DatetimeCheck check = classify_datetime(literal.text);
  if (check.shape == DatetimeShape::valid) return;
  if (check.shape == DatetimeShape::date_only) {
    const std::string with_time = quote(literal.text + "T00:00:00");
    Diagnostic& d = report(Code::datetime_without_time, literal.range,
                           spelled(literal) + " is a date, but '" + field.name + "' is a datetime");
    d.help = "give the time of day too: " + with_time;
    d.notes.push_back("whether the server reads a date alone as midnight is not documented");
    d.fixes.push_back({literal.range, with_time});
    return;
  }
  Diagnostic& d = report(Code::invalid_datetime, literal.range,
                         "invalid datetime " + spelled(literal) + ": " + check.problem.reason);
  if (!check.problem.replacement.empty()) {
    d.help = "write " + quote(check.problem.replacement);
    d.fixes.push_back({literal.range, quote(check.problem.replacement)});
  } else {
    d.help = "'" + field.name + "' takes datetimes written 'YYYY-MM-DDTHH:MM:SS', without a time zone";
  }
}

// A month field holds only 1st days: `=` a later day never matches (an error); `!=` it always holds, and a
// range bound on it acts as the neighbouring 1st (warnings: the optimizer rounds such bounds).
void Checker::check_month_day(const FieldInfo& field, const Operand& literal, CompareOp op) {
  const std::optional<Date> date = parse_date(literal.text);
  if (!date || date->day == 1) return;
  const std::string first = quote(format_date({date->year, date->month, 1}));
  const std::string next = quote(format_date(first_of_next_month(*date)));
  const std::string is_first = "'" + field.name + "' is always the 1st of a month";
  if (op == CompareOp::eq || op == CompareOp::ne) {
    Diagnostic& d = op == CompareOp::eq
                        ? report(Code::month_never_matches, literal.range,
                                 is_first + ", so it never equals " + spelled(literal))
                        : report(Code::month_not_first_day, literal.range,
                                 is_first + ", so it always differs from " + spelled(literal));
    d.help = "did you mean " + first + "?";
    d.fixes.push_back({literal.range, first});
    return;
  }
  // x >= d and x < d select the same months as with the next 1st; x > d and x <= d as with this month's 1st.
  const std::string& same = op == CompareOp::ge || op == CompareOp::lt ? next : first;
  Diagnostic& d = report(Code::month_not_first_day, literal.range,
                         is_first + ", so the bound " + spelled(literal) + " acts as " + same);
  d.help = "write " + same;
  d.fixes.push_back({literal.range, same});
}

void Checker::check_enum_value(const FieldInfo& field, const Operand& literal) {
  const EnumInfo* values = catalog_.find_enum(field.enum_name);
  if (values == nullptr || values->has_value(literal.text)) return;
  if (values->is_legacy(literal.text)) {
    Diagnostic& d =
        report(Code::legacy_enum_value, literal.range,
               spelled(literal) + " is a legacy " + values->name + " value, shown only in responses");
    d.help = "requests use " + join_values(values->values);
    return;
  }
  const std::vector<std::string_view> names(values->values.begin(), values->values.end());
  const std::string suggestion = closest_name(literal.text, names);
  Diagnostic& d = report(Code::unknown_enum_value, literal.range,
                         spelled(literal) + " is not a value of '" + field.name + "'");
  d.notes.push_back("the values of '" + field.name + "' are " + join_values(values->values));
  if (suggestion.empty()) return;
  d.help = equal_ignoring_case(suggestion, literal.text)
               ? "enum values are case-sensitive: did you mean " + quote(suggestion) + "?"
               : "did you mean " + quote(suggestion) + "?";
  d.fixes.push_back({literal.range, quote(suggestion)});
}

}  // namespace tfq::check
