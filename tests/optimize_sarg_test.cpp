// The Sarg core: set algebra over each domain, month and enum mapping, and LIKE helpers.
#include <catch2/catch.hpp>
#include <random>
#include <type_traits>

#include "optimize/domain.hpp"
#include "optimize/like.hpp"
#include "optimize/sarg.hpp"

using namespace tfq;
using namespace tfq::opt;

namespace {

Domain integers() {
  return Domain{DomainKind::integer, false, {}};
}
Domain strings() {
  return Domain{DomainKind::string, true, {}};
}
Domain months() {
  return Domain{DomainKind::month, false, {}};
}
Domain usage_types() {
  return Domain{DomainKind::enumeration, true, {"Borrowed", "Normal"}};
}

Value day(const char* iso) {
  return *parse_date(iso);
}
Value month(const char* iso) {
  return month_of_day(*parse_date(iso)).month;
}
Value i(std::int64_t v) {
  return v;
}
Value s(const char* v) {
  return std::string_view(v);
}

// A string value views text held elsewhere: one made from a temporary string would dangle, so it cannot be.
static_assert(!std::is_constructible_v<Value, std::string>);
static_assert(std::is_constructible_v<Value, std::string_view>);

}  // namespace

TEST_CASE("integer comparisons are closed intervals on a discrete domain", "[optimize][sarg]") {
  const Domain d = integers();
  const Sarg gt1 = Sarg::compare(d, CompareOp::gt, i(1));
  REQUIRE(gt1 == Sarg::compare(d, CompareOp::ge, i(2)));
  REQUIRE(Sarg::compare(d, CompareOp::lt, i(5)) == Sarg::compare(d, CompareOp::le, i(4)));
  const Sarg three =
      Sarg::compare(d, CompareOp::ge, i(3)).intersect(Sarg::compare(d, CompareOp::le, i(3)), d);
  REQUIRE(three == Sarg::point(i(3)));
  REQUIRE(three.only_points());
}

TEST_CASE("adjacent integer ranges merge into one interval", "[optimize][sarg]") {
  const Domain d = integers();
  const Sarg low = Sarg::compare(d, CompareOp::le, i(3));
  const Sarg high = Sarg::compare(d, CompareOp::ge, i(4));
  REQUIRE(low.unite(high, d).full(d));
  const Sarg pair = Sarg::point(i(1)).unite(Sarg::point(i(2)), d);
  REQUIRE(pair.intervals().size() == 1);
  REQUIRE(Sarg::count(pair.intervals()[0], 10) == 2);
}

TEST_CASE("a point and its complement partition the domain", "[optimize][sarg]") {
  for (const Domain& d : {integers(), strings()}) {
    const Value v = d.discrete() ? i(7) : s("abc");
    const Sarg ne = Sarg::compare(d, CompareOp::ne, v);
    REQUIRE(ne == Sarg::point(v).complement(d));
    REQUIRE(ne.intersect(Sarg::point(v), d).empty());
    REQUIRE(ne.unite(Sarg::point(v), d).full(d));
    REQUIRE(ne.complement(d) == Sarg::point(v));
  }
}

TEST_CASE("string intervals keep open and closed ends", "[optimize][sarg]") {
  const Domain d = strings();
  const Sarg gt = Sarg::compare(d, CompareOp::gt, s("b"));
  const Sarg le = Sarg::compare(d, CompareOp::le, s("b"));
  REQUIRE(gt.intersect(le, d).empty());
  REQUIRE(gt.unite(le, d).full(d));
  REQUIRE_FALSE(gt.contains(s("b"), d));
  REQUIRE(gt.contains(s("b\x01"), d));
  REQUIRE(le.contains(s(""), d));
  // '' is the least string: x < '' holds for nothing, x >= '' for every non-NULL value.
  REQUIRE(Sarg::compare(d, CompareOp::lt, s("")).empty());
  REQUIRE(Sarg::compare(d, CompareOp::ge, s("")).full(d));
  // Strings compare by bytes: 'B' < 'a' and a UTF-8 letter sorts above ASCII.
  REQUIRE(Sarg::compare(d, CompareOp::lt, s("a")).contains(s("B"), d));
  REQUIRE(Sarg::compare(d, CompareOp::gt, s("z")).contains(s("\xc3\xa9"), d));
}

TEST_CASE("intersect_all and unite_all agree with pairwise operations", "[optimize][sarg]") {
  const Domain d = integers();
  std::vector<Sarg> sets = {Sarg::compare(d, CompareOp::ne, i(1)), Sarg::compare(d, CompareOp::ne, i(3)),
                            Sarg::compare(d, CompareOp::ge, i(0)), Sarg::compare(d, CompareOp::lt, i(10))};
  Sarg pairwise = sets[0];
  for (std::size_t k = 1; k < sets.size(); ++k) pairwise = pairwise.intersect(sets[k], d);
  const std::vector<const Sarg*> each = {&sets[0], &sets[1], &sets[2], &sets[3]};
  REQUIRE(Sarg::intersect_all(d, each) == pairwise);
  REQUIRE(pairwise.intervals().size() == 3);  // [0,0] [2,2] [4,9]
  Sarg united = sets[0];
  for (std::size_t k = 1; k < sets.size(); ++k) united = united.unite(sets[k], d);
  REQUIRE(Sarg::unite_all(d, each) == united);
  REQUIRE(united.full(d));
}

// Random sets of a small universe, each built from comparisons and IN lists: every operation must accept
// exactly the values that membership in its operands says, and give the one representation of that set
// (equal sets compare equal), whether it intersects a few sets in turn or many through complements.
TEST_CASE("set operations on random sets agree with membership value by value", "[optimize][sarg]") {
  std::mt19937 rng(20261205);
  const Domain ints = integers();
  const Domain strs = strings();
  const std::vector<Value> int_universe = {i(-3), i(-2), i(-1), i(0), i(1), i(2), i(3), i(4), i(5)};
  const std::vector<Value> str_universe = {s(""), s("a"), s("a\x01"), s("ab"), s("b"), s("ba"), s("c")};
  for (const bool integer : {true, false}) {
    const Domain& d = integer ? ints : strs;
    const std::vector<Value>& universe = integer ? int_universe : str_universe;
    // Samples beyond the universe too: values between and around its members.
    std::vector<Value> probes = universe;
    if (integer) {
      for (std::int64_t v : {-100, -4, 6, 100}) probes.push_back(i(v));
    } else {
      for (const char* v : {"\x01", "a\x02", "aa", "abc", "bb", "d", "\xff"}) probes.push_back(s(v));
    }
    auto random_set = [&] {
      Sarg set;
      const int parts = std::uniform_int_distribution<int>(0, 3)(rng);
      for (int p = 0; p < parts; ++p) {
        const Value& v = universe[std::uniform_int_distribution<std::size_t>(0, universe.size() - 1)(rng)];
        const auto op = static_cast<CompareOp>(std::uniform_int_distribution<int>(0, 5)(rng));
        set = set.unite(Sarg::compare(d, op, v), d);
      }
      return set;
    };
    for (int round = 0; round < 2000; ++round) {
      std::vector<Sarg> sets(static_cast<std::size_t>(std::uniform_int_distribution<int>(1, 12)(rng)));
      for (Sarg& set : sets) set = random_set();
      std::vector<const Sarg*> each;
      for (const Sarg& set : sets) each.push_back(&set);
      const Sarg all_of = Sarg::intersect_all(d, each);
      const Sarg any_of = Sarg::unite_all(d, each);
      for (const Value& v : probes) {
        bool in_all = true, in_any = false;
        for (const Sarg& set : sets) {
          in_all = in_all && set.contains(v, d);
          in_any = in_any || set.contains(v, d);
        }
        REQUIRE(all_of.contains(v, d) == in_all);
        REQUIRE(any_of.contains(v, d) == in_any);
      }
      // One representation: the same set reached another way compares equal.
      Sarg via_complements = Sarg();
      for (const Sarg& set : sets) via_complements = via_complements.unite(set.complement(d), d);
      REQUIRE(all_of == via_complements.complement(d));
      Sarg in_turn = sets[0];
      for (std::size_t k = 1; k < sets.size(); ++k) in_turn = in_turn.unite(sets[k], d);
      REQUIRE(any_of == in_turn);
    }
  }
}

TEST_CASE("subset and disjointness follow the sets", "[optimize][sarg]") {
  const Domain d = integers();
  const Sarg gt10 = Sarg::compare(d, CompareOp::gt, i(10));
  const Sarg gt1 = Sarg::compare(d, CompareOp::gt, i(1));
  REQUIRE(gt10.subset_of(gt1, d));
  REQUIRE_FALSE(gt1.subset_of(gt10, d));
  REQUIRE(Sarg::point(i(1)).disjoint(Sarg::point(i(2)), d));
  REQUIRE(Sarg::point(i(1)).subset_of(Sarg::compare(d, CompareOp::ne, i(2)), d));
}

TEST_CASE("the integer domain's extremes do not overflow", "[optimize][sarg]") {
  const Domain d = integers();
  const auto max = std::numeric_limits<std::int64_t>::max();
  const auto min = std::numeric_limits<std::int64_t>::min();
  REQUIRE(Sarg::compare(d, CompareOp::gt, i(max)).empty());
  REQUIRE(Sarg::compare(d, CompareOp::lt, i(min)).empty());
  REQUIRE(Sarg::compare(d, CompareOp::le, i(max)).full(d));
  REQUIRE(Sarg::compare(d, CompareOp::ne, i(max)).complement(d) == Sarg::point(i(max)));
  REQUIRE(Sarg::count(Sarg::all(d).intervals()[0], 100) == 100);
}

TEST_CASE("a month field maps days onto the months whose 1st satisfies the comparison", "[optimize][sarg]") {
  const Domain d = months();
  REQUIRE(sarg_of_compare(d, CompareOp::ge, day("2017-10-15")) ==
          Sarg::compare(d, CompareOp::ge, month("2017-11-01")));
  REQUIRE(sarg_of_compare(d, CompareOp::ge, day("2017-10-01")) ==
          Sarg::compare(d, CompareOp::ge, month("2017-10-01")));
  REQUIRE(sarg_of_compare(d, CompareOp::gt, day("2017-10-01")) ==
          Sarg::compare(d, CompareOp::ge, month("2017-11-01")));
  REQUIRE(sarg_of_compare(d, CompareOp::lt, day("2017-10-15")) ==
          Sarg::compare(d, CompareOp::le, month("2017-10-01")));
  REQUIRE(sarg_of_compare(d, CompareOp::lt, day("2017-10-01")) ==
          Sarg::compare(d, CompareOp::le, month("2017-09-01")));
  REQUIRE(sarg_of_compare(d, CompareOp::eq, day("2017-10-15")).empty());
  REQUIRE(sarg_of_compare(d, CompareOp::ne, day("2017-10-15")).full(d));
  const std::vector<Value> days = {day("2017-10-01"), day("2017-10-02"), day("2017-12-01")};
  REQUIRE(sarg_of_in(d, days).intervals().size() == 2);
}

TEST_CASE("enum values are ordinals in byte order, and the domain is finite", "[optimize][sarg]") {
  const Domain d = usage_types();
  Operand normal;
  normal.kind = Operand::Kind::string;
  normal.text = "Normal";
  const Value n = *d.parse(normal);
  REQUIRE(std::get<std::int64_t>(n) == 1);
  REQUIRE(Sarg::compare(d, CompareOp::ne, n) == Sarg::point(i(0)));
  REQUIRE(d.literal(i(0)).text == "Borrowed");
  normal.text = "normal";
  REQUIRE_FALSE(d.parse(normal));
}

TEST_CASE("dates and datetimes parse strictly and print back", "[optimize][sarg]") {
  REQUIRE(format_date(*parse_date("2018-02-28")) == "2018-02-28");
  REQUIRE(*parse_date("2018-03-01") - *parse_date("2018-02-28") == 1);
  REQUIRE(*parse_date("2016-03-01") - *parse_date("2016-02-28") == 2);
  REQUIRE_FALSE(parse_date("2018-02-29"));
  REQUIRE_FALSE(parse_date("2018-1-01"));
  REQUIRE_FALSE(parse_date("2018-13-01"));
  REQUIRE(format_date(*parse_date("0000-01-01")) == "0000-01-01");
  REQUIRE(format_datetime(*parse_datetime("2018-03-01T16:24:53")) == "2018-03-01T16:24:53");
  REQUIRE(format_datetime(*parse_datetime("1969-12-31T23:59:59")) == "1969-12-31T23:59:59");
  REQUIRE_FALSE(parse_datetime("2018-03-01 16:24:53"));
  REQUIRE_FALSE(parse_datetime("2018-03-01T24:00:00"));
  REQUIRE(format_date(first_day_of_month(month_of_day(*parse_date("2017-10-15")).month)) == "2017-10-01");
}

TEST_CASE("every day and a spread of times from 0000 to 9999 print as they parse", "[optimize][sarg]") {
  const std::int64_t first = *parse_date("0000-01-01"), last = *parse_date("9999-12-31");
  REQUIRE(format_date(last) == "9999-12-31");
  for (std::int64_t day = first; day <= last; ++day) {
    const std::string text = format_date(day);
    REQUIRE(parse_date(text) == day);
  }
  // Seconds through each day's hours, minutes and seconds, on days spread over the range.
  for (std::int64_t day = first; day <= last; day += 997) {
    for (std::int64_t second = 0; second < 86400; second += 3607) {
      const std::int64_t at = day * 86400 + second;
      REQUIRE(parse_datetime(format_datetime(at)) == at);
    }
  }
  REQUIRE(format_datetime(*parse_datetime("9999-12-31T23:59:59")) == "9999-12-31T23:59:59");
  REQUIRE(format_datetime(*parse_datetime("0000-01-01T00:00:00")) == "0000-01-01T00:00:00");
}

TEST_CASE("LIKE matches % and _ per character, case-sensitively", "[optimize][like]") {
  REQUIRE(like_matches("admin42", "admin%"));
  REQUIRE_FALSE(like_matches("Admin42", "admin%"));
  REQUIRE(like_matches("abc", "a_c"));
  REQUIRE(
      like_matches("a\xc3\xa9"
                   "c",
                   "a_c"));  // one character, two bytes
  REQUIRE_FALSE(like_matches("ac", "a_c"));
  REQUIRE(like_matches("xxabcxxabd", "%abd"));
  REQUIRE(like_matches("", "%"));
  REQUIRE_FALSE(like_matches("abc", "ab"));
  REQUIRE(like_matches("mississippi", "%ss%ss%pi"));
}

TEST_CASE("a pure prefix pattern is a range of strings", "[optimize][like]") {
  REQUIRE(like_prefix("abc%") == std::optional<std::string>("abc"));
  REQUIRE_FALSE(like_prefix("a_c%"));
  REQUIRE_FALSE(like_prefix("%abc"));
  REQUIRE_FALSE(like_prefix("abc"));
  REQUIRE(prefix_upper_bound("abc") == std::optional<std::string>("abd"));
  REQUIRE(prefix_upper_bound("a\xc2\xbf") == std::optional<std::string>("a\xc3\x80"));  // U+00BF -> U+00C0
  REQUIRE(prefix_upper_bound("a\xf4\x8f\xbf\xbf") == std::optional<std::string>("b"));  // U+10FFFF carries
  REQUIRE_FALSE(prefix_upper_bound(""));
}
