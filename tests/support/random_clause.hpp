// Random where clauses and rows for property tests and fuzzers: clauses over a set of typed fields
// with literals from small pools (so that predicates overlap, touch and conflict), and rows whose
// values sit at and around every literal, NULL included where the field allows it.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "support/evaluator.hpp"
#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"

namespace tfq::test {

struct GenField {
  std::string name;
  FieldType type = FieldType::string;
  bool nullable = false;
  std::vector<std::string> enum_values;
};

// The filterable fields of a catalog, in catalog order.
std::vector<GenField> gen_fields(const Catalog& catalog);

class ClauseGenerator {
 public:
  ClauseGenerator(std::vector<GenField> fields, std::uint64_t seed);

  // A clause of up to `depth` levels of AND/OR/NOT over predicates on a few of the fields.
  Expr clause(int depth);
  // Rows that exercise `clause`: values at, just below and just above each literal, other values,
  // and NULLs for nullable fields. Fields the clause does not mention are NULL or any value.
  std::vector<Row> rows(const Expr& clause, std::size_t count);

  const std::vector<GenField>& fields() const { return fields_; }

 private:
  std::vector<GenField> fields_;
  std::mt19937_64 random_;
  std::vector<std::size_t> focus_;  // the few fields this clause is about

  std::size_t pick(std::size_t n);
  bool chance(int percent);
  Expr build(int depth);
  Expr predicate();
  Operand literal(const GenField& field);
  std::string pattern();
  FieldValue row_value(const GenField& field, const std::vector<Operand>& literals);
};

}  // namespace tfq::test
