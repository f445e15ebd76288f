// Sargs: normalization, set algebra and construction from comparisons.
#include "optimize/sarg.hpp"

#include <algorithm>

namespace tfq::opt {
namespace {

std::int64_t number(const Value& v) {
  return std::get<std::int64_t>(v);
}

// Three-way comparison of two values of one domain: one memcmp for strings.
int order(const Value& a, const Value& b) {
  if (const auto* x = std::get_if<std::int64_t>(&a)) {
    const std::int64_t y = std::get<std::int64_t>(b);
    return (*x > y) - (*x < y);
  }
  return std::get<std::string_view>(a).compare(std::get<std::string_view>(b));
}

// Orders intervals by where they start: a closed start before an open one at the same value.
bool starts_before(const Interval& a, const Interval& b) {
  const int o = order(a.lo, b.lo);
  return o != 0 ? o < 0 : !a.lo_open && b.lo_open;
}

// Whether a ends strictly before b ends.
bool ends_before(const Interval& a, const Interval& b) {
  if (a.above_all) return false;
  if (b.above_all) return true;
  const int o = order(a.hi, b.hi);
  return o != 0 ? o < 0 : a.hi_open && !b.hi_open;
}

bool is_empty(const Interval& i, const Domain& domain) {
  if (domain.discrete()) return number(i.hi) < number(i.lo);
  if (i.above_all) return false;
  const int o = order(i.hi, i.lo);
  return o < 0 || (o == 0 && (i.lo_open || i.hi_open));
}

// a starts no later than b: do they overlap or touch, so that their union is one interval?
bool touches(const Interval& a, const Interval& b, const Domain& domain) {
  if (domain.discrete()) return number(a.hi) == domain.max() || number(a.hi) + 1 >= number(b.lo);
  if (a.above_all) return true;
  const int o = order(a.hi, b.lo);
  return o > 0 || (o == 0 && (!a.hi_open || !b.lo_open));
}

Interval closed(std::int64_t lo, std::int64_t hi) {
  return Interval{lo, hi};
}

Interval from(const Value& lo, bool lo_open) {
  Interval i{lo, std::string_view()};
  i.lo_open = lo_open;
  i.above_all = true;
  return i;
}

Interval up_to(const Domain& domain, const Value& hi, bool hi_open) {
  Interval i{domain.min(), hi};
  i.hi_open = hi_open;
  return i;
}

}  // namespace

Sarg Sarg::all(const Domain& domain) {
  Sarg s;
  s.intervals_.push_back(domain.discrete() ? closed(number(domain.min()), domain.max())
                                           : from(std::string_view(), false));
  return s;
}

Sarg Sarg::point(const Value& value) {
  Sarg s;
  s.intervals_.push_back(Interval{value, value});
  return s;
}

Sarg Sarg::compare(const Domain& domain, CompareOp op, const Value& bound) {
  if (domain.discrete()) {
    const std::int64_t v = number(bound), lo = number(domain.min()), hi = domain.max();
    switch (op) {
      case CompareOp::eq: return of(domain, {closed(v, v)});
      case CompareOp::ne: {
        Intervals sides;
        if (v > lo) sides.push_back(closed(lo, v - 1));
        if (v < hi) sides.push_back(closed(v + 1, hi));
        return of(domain, std::move(sides));
      }
      case CompareOp::lt: return v == lo ? Sarg() : of(domain, {closed(lo, v - 1)});
      case CompareOp::le: return of(domain, {closed(lo, v)});
      case CompareOp::gt: return v == hi ? Sarg() : of(domain, {closed(v + 1, hi)});
      case CompareOp::ge: return of(domain, {closed(v, hi)});
    }
    return Sarg();
  }
  switch (op) {
    case CompareOp::eq: return point(bound);
    case CompareOp::ne: return of(domain, {up_to(domain, bound, true), from(bound, true)});
    case CompareOp::lt: return of(domain, {up_to(domain, bound, true)});
    case CompareOp::le: return of(domain, {up_to(domain, bound, false)});
    case CompareOp::gt: return of(domain, {from(bound, true)});
    case CompareOp::ge: return of(domain, {from(bound, false)});
  }
  return Sarg();
}

Sarg Sarg::of(const Domain& domain, Intervals intervals) {
  if (domain.discrete()) {
    // Clamp to the domain so that every set has one representation.
    for (Interval& i : intervals) {
      i.lo = std::max(number(i.lo), number(domain.min()));
      i.hi = std::min(number(i.hi), domain.max());
    }
  }
  intervals.truncate(
      static_cast<std::size_t>(std::remove_if(intervals.begin(), intervals.end(),
                                              [&](const Interval& i) { return is_empty(i, domain); }) -
                               intervals.begin()));
  // Sorted by start, then merged in place: each interval joins the last kept one when they touch.
  if (!std::is_sorted(intervals.begin(), intervals.end(), starts_before)) {
    std::sort(intervals.begin(), intervals.end(), starts_before);
  }
  std::size_t kept = 0;
  for (std::size_t k = 0; k < intervals.size(); ++k) {
    Interval& i = intervals[k];
    if (kept > 0 && touches(intervals[kept - 1], i, domain)) {
      Interval& last = intervals[kept - 1];
      if (ends_before(last, i)) {
        last.hi = std::move(i.hi);
        last.hi_open = i.hi_open;
        last.above_all = i.above_all;
      }
    } else {
      if (kept != k) intervals[kept] = std::move(i);
      ++kept;
    }
  }
  intervals.truncate(kept);
  Sarg s;
  s.intervals_ = std::move(intervals);
  return s;
}

Sarg Sarg::unite_all(const Domain& domain, std::vector<Sarg>&& sets) {
  std::size_t total = 0;
  for (const Sarg& s : sets) total += s.intervals_.size();
  Intervals all;
  all.reserve(total);
  for (const Sarg& s : sets) all.append(s.intervals_.begin(), s.intervals_.end());
  return of(domain, std::move(all));
}

Sarg Sarg::unite_all(const Domain& domain, std::span<const Sarg* const> sets) {
  std::size_t total = 0;
  for (const Sarg* s : sets) total += s->intervals_.size();
  Intervals all;
  all.reserve(total);
  for (const Sarg* s : sets) all.append(s->intervals_.begin(), s->intervals_.end());
  return of(domain, std::move(all));
}

Sarg Sarg::intersect_all(const Domain& domain, std::span<const Sarg* const> sets) {
  // Intersecting in turn is a linear merge per set with no sort, but the running result may grow by each
  // set's size, so k sets cost O(k^2) that way: past a few, the complements are united in one sort.
  constexpr std::size_t max_in_turn = 8;
  if (!sets.empty() && sets.size() <= max_in_turn) {
    Sarg out = *sets[0];
    for (std::size_t k = 1; k < sets.size() && !out.empty(); ++k) out = out.intersect(*sets[k], domain);
    return out;
  }
  std::vector<Sarg> complements;
  complements.reserve(sets.size());
  for (const Sarg* s : sets) complements.push_back(s->complement(domain));
  return unite_all(domain, std::move(complements)).complement(domain);
}

Sarg Sarg::unite(const Sarg& other, const Domain& domain) const {
  const Sarg* both[] = {this, &other};
  return unite_all(domain, both);
}

Sarg Sarg::intersect(const Sarg& other, const Domain& domain) const {
  Sarg out;
  std::size_t i = 0, j = 0;
  while (i < intervals_.size() && j < other.intervals_.size()) {
    const Interval& a = intervals_[i];
    const Interval& b = other.intervals_[j];
    const Interval& later_start = starts_before(a, b) ? b : a;
    const Interval& earlier_end = ends_before(a, b) ? a : b;
    Interval piece{later_start.lo, earlier_end.hi, later_start.lo_open, earlier_end.hi_open,
                   earlier_end.above_all};
    if (!is_empty(piece, domain)) out.intervals_.push_back(std::move(piece));
    if (ends_before(a, b)) {
      ++i;
    } else if (ends_before(b, a)) {
      ++j;
    } else {
      ++i;
      ++j;
    }
  }
  return out;
}

Sarg Sarg::complement(const Domain& domain) const {
  Sarg out;
  if (domain.discrete()) {
    std::int64_t next = number(domain.min());
    for (const Interval& i : intervals_) {
      if (number(i.lo) > next) out.intervals_.push_back(closed(next, number(i.lo) - 1));
      if (number(i.hi) == domain.max()) return out;
      next = number(i.hi) + 1;
    }
    out.intervals_.push_back(closed(next, domain.max()));
    return out;
  }
  Interval gap = from(std::string_view(), false);
  for (const Interval& i : intervals_) {
    gap.hi = i.lo;
    gap.hi_open = !i.lo_open;
    gap.above_all = false;
    if (!is_empty(gap, domain)) out.intervals_.push_back(gap);
    if (i.above_all) return out;
    gap = from(i.hi, !i.hi_open);
  }
  out.intervals_.push_back(std::move(gap));
  return out;
}

bool Sarg::full(const Domain& domain) const {
  if (intervals_.size() != 1) return false;
  const Interval& i = intervals_.front();
  if (domain.discrete()) return number(i.lo) == number(domain.min()) && number(i.hi) == domain.max();
  return i.above_all && !i.lo_open && std::get<std::string_view>(i.lo).empty();
}

bool Sarg::contains(const Value& value, const Domain& domain) const {
  return !intersect(point(value), domain).empty();
}

// other's intervals are disjoint and never touch, so each of ours must lie inside a single one of them: a
// binary search per interval keeps this O(n log m), and a one-value set against a huge IN list cheap.
bool Sarg::subset_of(const Sarg& other, const Domain& domain) const {
  (void)domain;
  for (const Interval& piece : intervals_) {
    // The last interval of other that starts no later than piece does.
    const auto after =
        std::upper_bound(other.intervals_.begin(), other.intervals_.end(), piece, starts_before);
    if (after == other.intervals_.begin() || ends_before(*std::prev(after), piece)) return false;
  }
  return true;
}

bool Sarg::only_points() const {
  return std::all_of(intervals_.begin(), intervals_.end(), [](const Interval& i) { return i.is_point(); });
}

std::uint64_t Sarg::count(const Interval& interval, std::uint64_t cap) {
  const auto lo = static_cast<std::uint64_t>(number(interval.lo));
  const auto hi = static_cast<std::uint64_t>(number(interval.hi));
  const std::uint64_t span = hi - lo;  // modular: exact even across the whole int64 range
  return span >= cap ? cap : span + 1;
}

Sarg sarg_of_compare(const Domain& domain, CompareOp op, const Value& literal) {
  if (domain.kind != DomainKind::month) return Sarg::compare(domain, op, literal);
  // A month field holds only 1sts: compare the 1st of each month with the literal day.
  const MonthOfDay m = month_of_day(number(literal));
  const Value month = m.month;
  switch (op) {
    case CompareOp::eq: return m.first_day ? Sarg::point(month) : Sarg();
    case CompareOp::ne: return m.first_day ? Sarg::compare(domain, op, month) : Sarg::all(domain);
    case CompareOp::lt: return Sarg::compare(domain, m.first_day ? CompareOp::lt : CompareOp::le, month);
    case CompareOp::le: return Sarg::compare(domain, CompareOp::le, month);
    case CompareOp::gt: return Sarg::compare(domain, CompareOp::gt, month);
    case CompareOp::ge: return Sarg::compare(domain, m.first_day ? CompareOp::ge : CompareOp::gt, month);
  }
  return Sarg();
}

Sarg sarg_of_in(const Domain& domain, std::span<const Value> literals) {
  // The points themselves, as sarg_of_compare(domain, eq, v) would make them, without a set for each.
  Intervals points;
  points.reserve(literals.size());
  for (const Value& v : literals) {
    if (domain.kind != DomainKind::month) {
      points.push_back(Interval{v, v});
      continue;
    }
    const MonthOfDay m = month_of_day(number(v));
    if (m.first_day) points.push_back(Interval{Value(m.month), Value(m.month)});  // other days never match
  }
  return Sarg::of(domain, std::move(points));
}

}  // namespace tfq::opt
