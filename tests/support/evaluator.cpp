// The reference evaluator: a direct reading of SQL's three-valued semantics, one case per node kind.
#include "support/evaluator.hpp"

#include <vector>

namespace tfq::test {
namespace {

Truth negate(Truth t) {
  return t == Truth::true_ ? Truth::false_ : t == Truth::false_ ? Truth::true_ : Truth::unknown;
}

Truth of(bool b) {
  return b ? Truth::true_ : Truth::false_;
}

// Kleene AND over a list: false wins, then unknown.
template <typename F>
Truth all_of(std::size_t n, F&& truth_at) {
  Truth result = Truth::true_;
  for (std::size_t i = 0; i < n; ++i) {
    const Truth t = truth_at(i);
    if (t == Truth::false_) return Truth::false_;
    if (t == Truth::unknown) result = Truth::unknown;
  }
  return result;
}

template <typename F>
Truth any_of(std::size_t n, F&& truth_at) {
  Truth result = Truth::false_;
  for (std::size_t i = 0; i < n; ++i) {
    const Truth t = truth_at(i);
    if (t == Truth::true_) return Truth::true_;
    if (t == Truth::unknown) result = Truth::unknown;
  }
  return result;
}

std::optional<FieldValue> value_of(const Operand& operand, const Row& row) {
  switch (operand.kind) {
    case Operand::Kind::field: {
      const auto it = row.find(operand.text);
      return it == row.end() ? std::nullopt : it->second;
    }
    case Operand::Kind::integer: return FieldValue{operand.integer_value()};
    case Operand::Kind::string: return FieldValue{operand.text};
    case Operand::Kind::parameter: return std::nullopt;
  }
  return std::nullopt;
}

// a op b, unknown when either is NULL or they are of different types.
Truth compare(CompareOp op, const std::optional<FieldValue>& a, const std::optional<FieldValue>& b) {
  if (!a || !b || a->index() != b->index()) return Truth::unknown;
  switch (op) {
    case CompareOp::eq: return of(*a == *b);
    case CompareOp::ne: return of(*a != *b);
    case CompareOp::lt: return of(*a < *b);
    case CompareOp::le: return of(*a <= *b);
    case CompareOp::gt: return of(*a > *b);
    case CompareOp::ge: return of(*a >= *b);
  }
  return Truth::unknown;
}

std::vector<std::string> characters(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (i + n > text.size()) n = 1;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

bool sql_like(const std::string& value, const std::string& pattern) {
  const auto v = characters(value), p = characters(pattern);
  // Greedy matching that, on a mismatch, lets the last '%' swallow one more character: linear for
  // ordinary patterns (a table of every prefix pair made long clauses of the fuzzer quadratic).
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t i = 0, j = 0;  // the next character of the pattern and of the value
  std::size_t star = none, resume = 0;
  while (j < v.size()) {
    if (i < p.size() && p[i] == "%") {
      star = i++;
      resume = j;
    } else if (i < p.size() && (p[i] == "_" || p[i] == v[j])) {
      ++i;
      ++j;
    } else if (star != none) {
      i = star + 1;
      j = ++resume;
    } else {
      return false;
    }
  }
  while (i < p.size() && p[i] == "%") ++i;
  return i == p.size();
}

Truth evaluate(const Expr& e, const Row& row) {
  switch (e.kind) {
    case ExprKind::compare: return compare(e.op, value_of(e.subject, row), value_of(e.values.at(0), row));
    case ExprKind::like: {
      const auto v = value_of(e.subject, row), p = value_of(e.values.at(0), row);
      if (!v || !p || v->index() != 1 || p->index() != 1) return Truth::unknown;
      const Truth t = of(sql_like(std::get<std::string>(*v), std::get<std::string>(*p)));
      return e.negated ? negate(t) : t;
    }
    case ExprKind::in: {
      const auto v = value_of(e.subject, row);
      const Truth t = any_of(e.values.size(), [&](std::size_t i) {
        return compare(CompareOp::eq, v, value_of(e.values[i], row));
      });
      return e.negated ? negate(t) : t;
    }
    case ExprKind::between: {
      const auto v = value_of(e.subject, row);
      const Truth t = all_of(2, [&](std::size_t i) {
        return compare(i == 0 ? CompareOp::ge : CompareOp::le, v, value_of(e.values.at(i), row));
      });
      return e.negated ? negate(t) : t;
    }
    case ExprKind::not_: return negate(evaluate(e.children.at(0), row));
    case ExprKind::and_:
      return all_of(e.children.size(), [&](std::size_t i) { return evaluate(e.children[i], row); });
    case ExprKind::or_:
      return any_of(e.children.size(), [&](std::size_t i) { return evaluate(e.children[i], row); });
  }
  return Truth::unknown;
}

}  // namespace tfq::test
