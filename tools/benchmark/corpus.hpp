// The benchmark's corpus: realistic where clauses over the field catalog, and the scaling inputs, all
// made from a seed so that every run (and every machine) measures the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/catalog.hpp"

namespace tfq::bench {

// SplitMix64: tiny, fast, and the same sequence on every platform (std:: distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

class ClauseGenerator {
 public:
  ClauseGenerator(const Catalog& catalog, std::uint64_t seed);

  // One clause as people write it: 1 to 50 predicates (most of them few), AND/OR with parentheses,
  // LIKE, IN, date and integer ranges, keywords in mixed case, quotes inside strings.
  std::string realistic();
  // One clause of exactly `predicates` predicates: an OR of small AND groups (no DNF to exploit).
  std::string wide(std::size_t predicates);
  // One clause whose parentheses nest `depth` deep.
  std::string nested(std::size_t depth);

 private:
  struct Filterable {
    const FieldInfo* field;
    std::vector<std::string> values;  // string, enum: candidate values, unquoted
  };

  const Filterable& pick_field();
  std::string group(std::size_t predicates, bool conjunction, int level);
  std::string predicate(const Filterable& field);
  std::string string_predicate(const Filterable& field);
  std::string ordered_predicate(const Filterable& field);
  std::string literal(const Filterable& field);
  std::string in_list(const Filterable& field, std::size_t count);
  std::string keyword(std::string_view upper);
  std::string spaced(std::string_view op);

  Rng rng_;
  std::vector<Filterable> fields_;
  std::vector<std::size_t> weighted_;  // indexes into fields_, each repeated by the field's weight
  enum class Case { upper, lower, mixed } case_ = Case::upper;
};

// Values a user would filter a field on: realistic names for the common fields, the catalog's example
// and variants of it otherwise; a few hold a quote (O'Brien) to exercise '' escaping.
std::vector<std::string> sample_values(const FieldInfo& field, const Catalog& catalog);

}  // namespace tfq::bench
