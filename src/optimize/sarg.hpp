// A Sarg (after Apache Calcite's search argument): the set of non-null values of one field that a
// predicate accepts, as sorted, disjoint, non-adjacent intervals. All range and IN-list reasoning is done
// on Sargs: AND intersects, OR unites, NOT IN complements. A row whose field is NULL is in no Sarg.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "optimize/domain.hpp"
#include "tfq/small_vector.hpp"

namespace tfq::opt {

// [lo, hi] with open or closed ends. Discrete domains only use closed, finite ends (so each set has
// exactly one representation); strings have no greatest value, so `above_all` marks an interval that
// is unbounded above (its `hi` is then the empty string).
struct Interval {
  Value lo;
  Value hi;
  bool lo_open = false;
  bool hi_open = false;
  bool above_all = false;

  bool is_point() const { return !above_all && !lo_open && !hi_open && lo == hi; }
  friend bool operator==(const Interval&, const Interval&) = default;
};

// A set's intervals: one inline, since most sets are one value or one range.
using Intervals = SmallVector<Interval, 1>;

class Sarg {
 public:
  Sarg() = default;  // the empty set

  static Sarg all(const Domain& domain);
  static Sarg point(const Value& value);
  // Every value v with `v op bound`; for month fields `bound` is a month too (see sarg_of_compare).
  static Sarg compare(const Domain& domain, CompareOp op, const Value& bound);
  // Any intervals, in any order, overlapping or empty: normalized into a Sarg.
  static Sarg of(const Domain& domain, Intervals intervals);
  // The union of many sets in one sort: O(m log m) in their total size.
  static Sarg unite_all(const Domain& domain, std::span<const Sarg* const> sets);
  static Sarg unite_all(const Domain& domain, std::vector<Sarg>&& sets);  // takes the sets' intervals
  // The intersection of many sets: a few are intersected in turn; more, as the complement of the union of
  // their complements (one sort instead of a pass per set).
  static Sarg intersect_all(const Domain& domain, std::span<const Sarg* const> sets);

  Sarg unite(const Sarg& other, const Domain& domain) const;
  Sarg intersect(const Sarg& other, const Domain& domain) const;
  Sarg complement(const Domain& domain) const;

  bool empty() const { return intervals_.empty(); }
  bool full(const Domain& domain) const;
  bool contains(const Value& value, const Domain& domain) const;
  bool subset_of(const Sarg& other, const Domain& domain) const;
  bool disjoint(const Sarg& other, const Domain& domain) const { return intersect(other, domain).empty(); }
  // Every interval is a single value.
  bool only_points() const;
  // How many values a discrete interval holds, saturated at `cap`.
  static std::uint64_t count(const Interval& interval, std::uint64_t cap);

  std::span<const Interval> intervals() const { return {intervals_.begin(), intervals_.end()}; }
  friend bool operator==(const Sarg&, const Sarg&) = default;

 private:
  Intervals intervals_;
};

// The Sarg of `field op literal` for a literal already parsed by Domain::parse. For a month field the
// literal is a day and the result holds the months whose 1st satisfies the comparison, so
// `usageMonth >= '2017-10-15'` is {months >= 2017-11} and `usageMonth = '2017-10-15'` is empty.
Sarg sarg_of_compare(const Domain& domain, CompareOp op, const Value& literal);
// The Sarg of `field IN (literals...)`, literals parsed by Domain::parse (days for a month field).
Sarg sarg_of_in(const Domain& domain, std::span<const Value> literals);

}  // namespace tfq::opt
