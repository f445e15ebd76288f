// Row making for the pipeline fuzz target (see rows.hpp).
#include "rows.hpp"

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

namespace tfq::fuzz {

namespace {

using test::FieldValue;

struct Candidates {
  const FieldInfo* field = nullptr;
  std::vector<FieldValue> values;
};

// 'YYYY-MM-DD' shifted by days (or, for a month field, by months: always the 1st).
std::optional<std::string> shifted_date(const std::string& text, int amount, bool months) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  using namespace std::chrono;
  year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  date = months ? year_month_day{date.year() / date.month() / 1} + std::chrono::months{amount}
                : year_month_day{sys_days{date} + days{amount}};
  if (!date.ok() || date.year() < year{1} || date.year() > year{9999}) return std::nullopt;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return std::string(out);
}

void add_literal(Candidates& c, const Operand& literal) {
  if (literal.kind == Operand::Kind::integer) {
    const std::int64_t value = literal.integer_value();
    for (std::int64_t delta : {-1, 0, 1}) {
      if ((delta < 0 && value == INT64_MIN) || (delta > 0 && value == INT64_MAX)) continue;
      c.values.emplace_back(value + delta);
    }
    return;
  }
  if (literal.kind != Operand::Kind::string) return;
  const FieldType type = c.field->type;
  // A month field only ever holds a 1st: a literal such as '2017-10-15' stands for its month's 1st in a row.
  if (type != FieldType::month) {
    c.values.emplace_back(literal.text);
  } else if (auto first = shifted_date(literal.text, 0, true)) {
    c.values.emplace_back(*first);
  }
  if (type == FieldType::date || type == FieldType::month) {
    for (int delta : {-1, 1}) {
      if (auto near = shifted_date(literal.text, delta, type == FieldType::month))
        c.values.emplace_back(*near);
    }
  } else if (type == FieldType::string) {
    c.values.emplace_back(literal.text + "x");  // just above
    if (!literal.text.empty())
      c.values.emplace_back(literal.text.substr(0, literal.text.size() - 1));  // below
  }
}

void collect(const Expr& e, const Catalog& catalog, std::map<std::string, Candidates, std::less<>>& out) {
  for (const auto& child : e.children) collect(child, catalog, out);
  if (e.kind == ExprKind::not_ || e.kind == ExprKind::and_ || e.kind == ExprKind::or_) return;
  const Operand* field = e.subject.is_field() ? &e.subject : nullptr;
  if (field == nullptr && !e.values.empty() && e.values[0].is_field()) field = &e.values[0];
  if (field == nullptr) return;
  const FieldInfo* info = catalog.find(field->text);
  if (info == nullptr) return;
  Candidates& c = out[info->name];
  c.field = info;
  if (e.subject.is_literal()) add_literal(c, e.subject);
  for (const auto& value : e.values) {
    if (value.is_literal()) add_literal(c, value);
  }
}

}  // namespace

std::vector<test::Row> rows_for(const Expr& clause, const Catalog& catalog, std::uint64_t seed,
                                std::size_t count) {
  std::map<std::string, Candidates, std::less<>> fields;
  collect(clause, catalog, fields);
  for (auto& [name, c] : fields) {
    if (c.field->type != FieldType::enumeration) continue;
    if (const EnumInfo* values = catalog.find_enum(c.field->enum_name)) {
      for (const auto& value : values->values) c.values.emplace_back(value);
    }
  }
  std::vector<test::Row> rows(count);
  for (auto& row : rows) {
    for (const auto& [name, c] : fields) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;  // an LCG is plenty here
      const std::size_t choices = c.values.size() + (c.field->nullable ? 1 : 0);
      if (choices == 0) continue;
      const std::size_t pick = static_cast<std::size_t>(seed >> 33) % choices;
      row[name] = pick < c.values.size() ? std::optional<FieldValue>(c.values[pick]) : std::nullopt;
    }
  }
  return rows;
}

}  // namespace tfq::fuzz
