// Random clauses and rows for the optimizer's property tests (and the fuzzers' replay checks).
#include "support/random_clause.hpp"

#include <algorithm>
#include <set>

#include "support/clauses.hpp"

namespace tfq::test {
namespace {

// Literal pools: few values, so predicates on one field overlap, touch and conflict often.
const std::vector<std::string> dates = {"2017-12-31", "2018-01-01", "2018-01-02", "2018-01-31",
                                        "2018-02-01", "2018-02-28", "2018-03-01"};
const std::vector<std::string> months = {"2017-10-01", "2017-10-15", "2017-11-01",
                                         "2017-12-01", "2018-01-01", "2018-01-31"};
const std::vector<std::string> datetimes = {"2018-02-28T23:59:59", "2018-03-01T00:00:00",
                                            "2018-03-01T16:24:53", "2018-03-01T16:24:54"};
const std::vector<std::string> strings = {
    "", "a", "ab", "abc", "abd", "b", "B", "admin", "admin42", "O'Brien", "\xc3\xa9t\xc3\xa9"};
const std::vector<std::string> patterns = {"abc%", "adm%", "a_c", "%bc", "abc",       "a%c",
                                           "%",    "O'B%", "ab_", "_b%", "\xc3\xa9%", "%a%"};
const std::vector<std::int64_t> integers = {1, 2, 3, 4, 5, 10};

// Row pools: every literal above, the values next to it, and values far from all of them. A month row
// is always a 1st.
const std::vector<std::string> row_dates = {"2016-02-29", "2017-12-30", "2017-12-31", "2018-01-01",
                                            "2018-01-02", "2018-01-03", "2018-01-30", "2018-01-31",
                                            "2018-02-01", "2018-02-02", "2018-02-27", "2018-02-28",
                                            "2018-03-01", "2018-03-02", "2019-06-15"};
const std::vector<std::string> row_months = {"2017-08-01", "2017-09-01", "2017-10-01", "2017-11-01",
                                             "2017-12-01", "2018-01-01", "2018-02-01", "2018-03-01"};
const std::vector<std::string> row_datetimes = {
    "2018-02-28T23:59:58", "2018-02-28T23:59:59", "2018-03-01T00:00:00",
    "2018-03-01T00:00:01", "2018-03-01T16:24:52", "2018-03-01T16:24:53",
    "2018-03-01T16:24:54", "2018-03-01T16:24:55", "2019-01-01T12:00:00"};
const std::vector<std::string> row_strings = {"abcz",
                                              "axc",
                                              "xbc",
                                              "a\xc3\xa9"
                                              "c",
                                              "adm",
                                              "abc%",
                                              "zzz",
                                              "O'B",
                                              "\xc3\xa9",
                                              "A",
                                              "ba"};

void collect_literals(const Expr& e, std::map<std::string, std::vector<Operand>>& out) {
  if (e.subject.is_field()) {
    for (const Operand& v : e.values) out[e.subject.text].push_back(v);
  } else if (e.kind == ExprKind::compare && e.values.size() == 1 && e.values[0].is_field()) {
    out[e.values[0].text].push_back(e.subject);  // `'2018-01-01' <= usageDate`: the field is on the right
  }
  for (const Expr& c : e.children) collect_literals(c, out);
}

}  // namespace

std::vector<GenField> gen_fields(const Catalog& catalog) {
  std::vector<GenField> out;
  for (const FieldInfo& f : catalog.entries()) {
    if (f.metric || f.type == FieldType::number) continue;
    GenField g{f.name, f.type, f.nullable, {}};
    if (f.type == FieldType::enumeration) {
      const EnumInfo* e = catalog.find_enum(f.enum_name);
      if (e == nullptr) continue;
      g.enum_values = e->values;
    }
    out.push_back(std::move(g));
  }
  return out;
}

ClauseGenerator::ClauseGenerator(std::vector<GenField> fields, std::uint64_t seed)
    : fields_(std::move(fields)), random_(seed) {}

std::size_t ClauseGenerator::pick(std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
}

bool ClauseGenerator::chance(int percent) {
  return static_cast<int>(pick(100)) < percent;
}

Operand ClauseGenerator::literal(const GenField& field) {
  switch (field.type) {
    case FieldType::integer: return lit(integers[pick(integers.size())]);
    case FieldType::date: return lit(dates[pick(dates.size())]);
    case FieldType::month: return lit(months[pick(months.size())]);
    case FieldType::datetime: return lit(datetimes[pick(datetimes.size())]);
    case FieldType::enumeration: return lit(field.enum_values[pick(field.enum_values.size())]);
    default: return lit(strings[pick(strings.size())]);
  }
}

std::string ClauseGenerator::pattern() {
  return patterns[pick(patterns.size())];
}

Expr ClauseGenerator::predicate() {
  const GenField& f = fields_[focus_[pick(focus_.size())]];
  const Operand x = field(f.name);
  const bool likeable = f.type == FieldType::string;
  switch (pick(likeable ? 10 : 8)) {
    case 0:
    case 1:
    case 2: {
      const auto op = static_cast<CompareOp>(pick(6));
      Expr e = chance(20) ? cmp(literal(f), flip(op), x) : cmp(x, op, literal(f));
      e.spelled_ltgt = op == CompareOp::ne && chance(50);
      return e;
    }
    case 3:
    case 4: {
      std::vector<Operand> values;
      const std::size_t n = 1 + pick(4);
      for (std::size_t i = 0; i < n; ++i) values.push_back(literal(f));
      return in(x, std::move(values), chance(30));
    }
    case 5: return between(x, literal(f), literal(f), chance(30));
    case 6:
      return chance(50) ? cmp(lit(integers[pick(2)]), static_cast<CompareOp>(pick(6)), lit(integers[pick(2)]))
                        : cmp(x, static_cast<CompareOp>(pick(6)), literal(f));
    case 7: return cmp(x, CompareOp::eq, literal(f));
    default: return like(x, pattern(), chance(30));
  }
}

Expr ClauseGenerator::clause(int depth) {
  // A new clause is about one to three fields, so that its predicates meet.
  focus_.clear();
  const std::size_t n = 1 + pick(3);
  for (std::size_t i = 0; i < n; ++i) focus_.push_back(pick(fields_.size()));
  return build(depth);
}

Expr ClauseGenerator::build(int depth) {
  const std::size_t kind = depth <= 0 ? 0 : pick(10);
  if (kind < 3) return predicate();
  if (kind == 3) return not_(build(depth - 1));
  std::vector<Expr> children;
  const std::size_t n = 2 + pick(3);
  for (std::size_t i = 0; i < n; ++i) children.push_back(build(depth - 1));
  return junction(kind < 7 ? ExprKind::and_ : ExprKind::or_, std::move(children));
}

std::vector<Row> ClauseGenerator::rows(const Expr& clause, std::size_t count) {
  std::map<std::string, std::vector<Operand>> literals;
  collect_literals(clause, literals);
  std::vector<Row> out;
  for (std::size_t r = 0; r < count; ++r) {
    Row row;
    for (const auto& [name, values] : literals) {
      const auto it =
          std::find_if(fields_.begin(), fields_.end(), [&](const GenField& f) { return f.name == name; });
      if (it == fields_.end()) continue;
      if (it->nullable && chance(15)) {
        row[name] = std::nullopt;
      } else {
        row[name] = row_value(*it, values);
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

FieldValue ClauseGenerator::row_value(const GenField& field, const std::vector<Operand>& literals) {
  const Operand* near = literals.empty() ? nullptr : &literals[pick(literals.size())];
  switch (field.type) {
    case FieldType::integer: {
      if (near != nullptr && near->kind == Operand::Kind::integer && chance(80)) {
        return near->integer_value() + static_cast<std::int64_t>(pick(3)) - 1;
      }
      return static_cast<std::int64_t>(pick(13));
    }
    case FieldType::date: return row_dates[pick(row_dates.size())];
    case FieldType::month: return row_months[pick(row_months.size())];
    case FieldType::datetime: return row_datetimes[pick(row_datetimes.size())];
    case FieldType::enumeration: return field.enum_values[pick(field.enum_values.size())];
    default: break;
  }
  if (near == nullptr || chance(30)) {
    return chance(50) ? strings[pick(strings.size())] : row_strings[pick(row_strings.size())];
  }
  // Around a string literal: itself, extended, cut, and its last ASCII character moved by one.
  std::string s = near->text;
  switch (pick(5)) {
    case 0: return s;
    case 1: return s + (chance(50) ? "a" : "\x7f");
    case 2: return s.empty() ? s : s.substr(0, s.size() - 1);
    case 3:
      if (!s.empty() && static_cast<unsigned char>(s.back()) < 0x7e && s.back() != '%' && s.back() != '_')
        ++s.back();
      return s;
    default:
      if (!s.empty() && static_cast<unsigned char>(s.back()) > 0x21 &&
          static_cast<unsigned char>(s.back()) < 0x80) {
        --s.back();
      }
      return s;
  }
}

}  // namespace tfq::test
