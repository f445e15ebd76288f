// Writing a Sarg back in the user's syntax, one fixed form per domain, so equal sets print equally.
#include <algorithm>
#include <span>

#include "optimize/canonical.hpp"

namespace tfq::opt {
namespace {

enum Rank : std::uint8_t { r_eq, r_in, r_ge, r_gt, r_lt, r_le, r_ne, r_like, r_not_like, r_other };

Rank rank(CompareOp op) {
  switch (op) {
    case CompareOp::eq: return r_eq;
    case CompareOp::ge: return r_ge;
    case CompareOp::gt: return r_gt;
    case CompareOp::lt: return r_lt;
    case CompareOp::le: return r_le;
    case CompareOp::ne: return r_ne;
  }
  return r_other;
}

Operand field_operand(const std::string& name) {
  Operand o;
  o.kind = Operand::Kind::field;
  o.text = name;
  return o;
}

// The values a set lists: a few, almost always.
using Values = SmallVector<Value, 8>;

struct Writer {
  std::uint32_t field;
  const Fields::Entry& entry;

  const Domain& domain() const { return entry.domain; }

  // Each part is built in its place at the end of `out`: a piece holds a whole clause, which costs a move.
  void add_compare(CompareOp op, const Value& value, std::vector<Piece>& out) const {
    Piece& piece = out.emplace_back();
    piece.key = SortKey{field, 0, rank(op), value, 0};
    Expr& e = piece.expr;
    e.kind = ExprKind::compare;
    e.op = op;
    e.subject = field_operand(entry.name);
    e.values.push_back(domain().literal(value));
  }

  // `x = v` or `x IN (v1, v2, ...)`, values already in order.
  void add_list(std::span<const Value> values, std::vector<Piece>& out) const {
    if (values.size() == 1) return add_compare(CompareOp::eq, values.front(), out);
    Piece& piece = out.emplace_back();
    piece.key = SortKey{field, 0, r_in, values.front(), 0};
    Expr& e = piece.expr;
    e.kind = ExprKind::in;
    e.subject = field_operand(entry.name);
    e.values.reserve(values.size());
    for (const Value& v : values) e.values.push_back(domain().literal(v));
  }

  // A list when the interval is at most two values of a discrete domain, or one string.
  bool listed(const Interval& i) const {
    return domain().discrete() ? Sarg::count(i, 3) <= 2 || domain().kind == DomainKind::enumeration
                               : i.is_point();
  }

  void values_of(const Interval& i, Values& out) const {
    if (!domain().discrete()) {
      out.push_back(i.lo);
      return;
    }
    for (std::int64_t v = std::get<std::int64_t>(i.lo);; ++v) {
      out.push_back(Value(std::in_place_index<0>, v));
      if (v == std::get<std::int64_t>(i.hi)) break;
    }
  }

  // The lower bound of an interval, unless it is the least value of the domain.
  void add_lower(const Interval& i, std::vector<Piece>& out) const {
    if (i.lo == domain().min() && !i.lo_open) return;
    add_compare(i.lo_open ? CompareOp::gt : CompareOp::ge, i.lo, out);
  }

  // The upper bound, unless there is none: discrete domains use `<` of the next value.
  void add_upper(const Interval& i, std::vector<Piece>& out) const {
    if (domain().discrete()) {
      const std::int64_t hi = std::get<std::int64_t>(i.hi);
      if (hi != domain().max()) add_compare(CompareOp::lt, hi + 1, out);
      return;
    }
    if (!i.above_all) add_compare(i.hi_open ? CompareOp::lt : CompareOp::le, i.hi, out);
  }

  // The values missing between two neighbouring intervals, when they are few enough to list.
  std::optional<Interval> hole(const Interval& a, const Interval& b) const {
    if (domain().discrete()) {
      Interval gap{std::get<std::int64_t>(a.hi) + 1, std::get<std::int64_t>(b.lo) - 1};
      return listed(gap) ? std::optional<Interval>(gap) : std::nullopt;
    }
    if (!a.above_all && a.hi == b.lo && a.hi_open && b.lo_open) return Interval{a.hi, a.hi};
    return std::nullopt;
  }
};

}  // namespace

bool operator<(const SortKey& a, const SortKey& b) {
  if (a.field != b.field) return a.field < b.field;
  if (a.shape != b.shape) return a.shape < b.shape;
  if (a.op != b.op) return a.op < b.op;
  if (a.value != b.value) return a.value < b.value;
  return a.tiebreak < b.tiebreak;
}

ExprKind set_form(std::uint32_t field, const Sarg& set, const Fields& fields, std::vector<Piece>& parts) {
  const Writer w{field, fields.at(field)};
  const auto intervals = set.intervals();
  if (intervals.empty()) return ExprKind::and_;  // FALSE: the rules fold it away before anything is written
  // A finite list: every interval is short (enums always are).
  if (std::all_of(intervals.begin(), intervals.end(), [&](const Interval& i) { return w.listed(i); })) {
    Values values;
    for (const Interval& i : intervals) w.values_of(i, values);
    w.add_list(values, parts);
    return ExprKind::and_;
  }
  // One range with a few values missing: bounds AND `!=` for each. Also "not NULL": `x >= least`.
  Values holes;
  std::size_t gaps = 0;
  for (std::size_t k = 1; k < intervals.size(); ++k) {
    if (auto h = w.hole(intervals[k - 1], intervals[k])) {
      w.values_of(*h, holes);
      ++gaps;
    }
  }
  if (gaps + 1 == intervals.size()) {
    const std::size_t first = parts.size();
    w.add_lower(intervals.front(), parts);
    w.add_upper(intervals.back(), parts);
    for (const Value& h : holes) w.add_compare(CompareOp::ne, h, parts);
    if (parts.size() == first) w.add_compare(CompareOp::ge, w.domain().min(), parts);
    return ExprKind::and_;
  }
  // Otherwise a disjunction: the short intervals as one list, each range with its bounds.
  Values values;
  for (const Interval& i : intervals) {
    if (w.listed(i)) {
      w.values_of(i, values);
      continue;
    }
    std::vector<Piece> bounds;
    w.add_lower(i, bounds);
    w.add_upper(i, bounds);
    Piece& range = parts.emplace_back();
    join(ExprKind::and_, bounds, range.expr, &range.key);
  }
  if (!values.empty()) w.add_list(values, parts);
  return ExprKind::or_;
}

void add_like_piece(const Node& like, const Fields& fields, std::vector<Piece>& out) {
  Piece& piece = out.emplace_back();
  piece.key = SortKey{like.field, 0, like.negated ? r_not_like : r_like, like.pattern(), 0};
  Expr& e = piece.expr;
  e.kind = ExprKind::like;
  e.negated = like.negated;
  e.subject = field_operand(fields.at(like.field).name);
  Operand& pattern = e.values.emplace_back();
  pattern.kind = Operand::Kind::string;
  pattern.text = like.pattern();
}

void add_other_piece(const Node& other, const Fields& fields, std::vector<Piece>& out) {
  const Expr& e = *other.source;
  const std::uint32_t field = e.subject.is_field() ? fields.find(e.subject.text) : Fields::npos;
  out.push_back(Piece{SortKey{field, 0, r_other, std::int64_t{0}, other.hash}, e});
}

void join(ExprKind kind, std::vector<Piece>& pieces, Expr& into, SortKey* first) {
  // Sort positions, not pieces: a piece holds a whole clause.
  SmallVector<std::uint32_t, 16> order;
  for (std::uint32_t k = 0; k < pieces.size(); ++k) order.push_back(k);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return pieces[a].key < pieces[b].key; });
  if (first != nullptr && !order.empty()) *first = std::move(pieces[order.front()].key);
  if (pieces.size() == 1) {
    into = std::move(pieces.front().expr);
    return;
  }
  into.kind = kind;
  into.children.reserve(pieces.size());
  for (const std::uint32_t k : order) into.children.push_back(std::move(pieces[k].expr));
}

}  // namespace tfq::opt
